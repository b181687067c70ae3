"""Every claim about Tonn can be traced: the spec, the client and the code cite ``openapi/EVIDENCE.md``.

A reader who meets ``EVIDENCE §12.4`` in a comment, or ``"sections": ["12.4"]`` in the spec's
``x-tonn-evidence``, finds a heading starting with ``§12.4`` in EVIDENCE.md, and there each fact with
its public sources and how sure we are of it. The spec's descriptions and the generated client's
docstrings stay plain API documentation: the provenance lives in the extension, not in the prose.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tonn_openapi import load_spec


def _repository_root() -> Path:
    for folder in Path(__file__).resolve().parents:
        if (folder / "pyproject.toml").exists():
            return folder
    raise RuntimeError("pyproject.toml not found above this test")


ROOT = _repository_root()
EVIDENCE = ROOT / "openapi" / "EVIDENCE.md"
CLIENT = ROOT / "generated_client"
SPEC = load_spec()

SECTION_ID = r"\d+(?:\.(?:\d+|L))?"
# A citation: "EVIDENCE §12.4", "EVIDENCE §12.17-§12.20", "EVIDENCE §5, §6".
REFERENCE = re.compile(rf"EVIDENCE §{SECTION_ID}(?:\s*(?:,|-|\u2013|and)\s*§{SECTION_ID})*")
# A section of EVIDENCE.md: "## §12.4 POST /retrievepreviewmix" or "### §14.9 Lifetime of URLs".
HEADING = re.compile(rf"^#{{2,3}} §({SECTION_ID}) ", re.MULTILINE)
CITED_ID = re.compile(rf"§({SECTION_ID})")

CONFIDENCE = ("evidenced", "inferred", "conflict")
# One fact: "- <fact> — src: A, B vs C — **[inferred]** <note>".
FACT = re.compile(r"^- .+ — src: (?P<sources>.+?) — \*\*\[(?P<confidence>[a-z]+)\]\*\*(?P<note>.*)$")
SOURCE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")
SOURCE_DEFINITION = re.compile(r"^- `([^`]+)` — ", re.MULTILINE)

# Citation noise that has no place in API documentation: section signs and source tags.
SOURCE_TAG = re.compile(r"\[(?:P\d+|TE|PR\d+|seed|py\d+|pygit|mcp)\b[^\]]*\]|\bP\d{1,2}\b|\bPR6\b")
INFERRED_MARKER = "[inferred]"
CONFLICT_MARKER = "Conflict:"

TEXT_SUFFIXES = (".py", ".md", ".json", ".toml", ".ini")
SKIPPED_FOLDERS = {".git", "build", "dist", "__pycache__", ".tox", ".hypothesis", "node_modules"}
SKIPPED_FOLDERS |= {".pytest_cache", ".mypy_cache", ".ruff_cache"}
# Spelled in two halves so this file does not mention the retired name itself.
RETIRED_NAME = re.compile("dos" + "sier", re.IGNORECASE)

EXPECTED_SECTIONS = (
    [str(n) for n in range(15)]
    + [f"12.{n}" for n in range(1, 27)]
    + ["12.L"]
    + [f"14.{n}" for n in range(1, 24)]
)


# ---------------------------------------------------------------------------- helpers


def evidence_text() -> str:
    return EVIDENCE.read_text(encoding="utf-8")


def evidence_sections() -> dict[str, str]:
    """Section id → the text under its heading (up to the next heading)."""
    text = evidence_text()
    matches = list(HEADING.finditer(text))
    sections: dict[str, str] = {}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(text)
        sections[match.group(1)] = text[match.end() : end]
    return sections


def headings() -> list[str]:
    return HEADING.findall(evidence_text())


def cited_ids(text: str) -> Iterator[str]:
    for reference in REFERENCE.finditer(text):
        yield from CITED_ID.findall(reference.group(0))


def skipped(folder: str) -> bool:
    """Virtualenvs, VCS data, caches and build output: not hand-written text."""
    return folder in SKIPPED_FOLDERS or folder.startswith(".venv") or folder.endswith(".egg-info")


def repository_files(*, include_client: bool) -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        if any(skipped(folder) for folder in relative.parts[:-1]):
            continue
        if not include_client and relative.parts[0] == CLIENT.name:
            continue
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            yield path


def evidence_entries(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ``x-tonn-evidence`` in the spec, and every item of its ``points``, with a JSON path."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}/{key}"
            if key == "x-tonn-evidence":
                yield here, value
                for index, point in enumerate(value.get("points", [])):
                    yield f"{here}/points/{index}", point
            else:
                yield from evidence_entries(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from evidence_entries(value, f"{path}/{index}")


def human_texts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """``description`` and ``summary`` strings written for people (example payloads are data)."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}/{key}"
            if key == "example" or (key == "value" and path.rsplit("/", 2)[-2:-1] == ["examples"]):
                continue
            is_text = key in ("description", "summary") and isinstance(value, str)
            if is_text and not path.endswith("/properties"):
                yield here, value
            else:
                yield from human_texts(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from human_texts(value, f"{path}/{index}")


def client_docstrings() -> Iterator[tuple[str, str]]:
    """Docstrings of the generated client, attribute docstrings included."""
    for path in sorted(CLIENT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value.value


def facts() -> Iterator[tuple[str, str]]:
    """(section id, fact line) for every bullet of the numbered sections."""
    for section, body in evidence_sections().items():
        if section == "0":
            continue
        for line in body.splitlines():
            if line.startswith("- "):
                yield section, line


def defined_sources() -> list[str]:
    return SOURCE_DEFINITION.findall(evidence_sections()["0"])


# ---------------------------------------------------------------------------- EVIDENCE.md itself


def test_evidence_md_has_every_numbered_section_once() -> None:
    found = headings()
    assert sorted(set(found)) == sorted(found), "a section number is used twice"
    missing = [section for section in EXPECTED_SECTIONS if section not in found]
    assert not missing, f"EVIDENCE.md lacks the sections {missing}"


def test_every_source_is_listed_once_with_a_short_id() -> None:
    sources = defined_sources()
    assert sources, "§0 lists no sources"
    assert len(set(sources)) == len(sources), "a source id is listed twice"
    assert [s for s in sources if not SOURCE_ID.match(s)] == []


def test_every_fact_names_its_sources_and_how_sure_we_are() -> None:
    unreadable = [f"§{section}: {line[:80]}" for section, line in facts() if not FACT.match(line)]
    assert not unreadable, "facts without `— src: ... — **[confidence]**`:\n" + "\n".join(unreadable)
    for section, line in facts():
        fact = FACT.match(line)
        assert fact is not None
        assert fact["confidence"] in CONFIDENCE, f"§{section}: {line[:80]}"
        if fact["confidence"] != "evidenced":
            assert fact["note"].strip(), f"§{section}: an {fact['confidence']} fact must say why: {line[:80]}"


def test_every_source_cited_by_a_fact_is_listed_in_the_sources_section() -> None:
    listed = set(defined_sources())
    unknown: list[str] = []
    for section, line in facts():
        fact = FACT.match(line)
        if fact is None:
            continue
        cited = [name.strip() for name in re.split(r",| vs ", fact["sources"])]
        if cited == ["none"]:
            assert fact["confidence"] == "inferred", f"§{section}: only an inferred fact may cite no source"
            continue
        unknown += [f"§{section}: {name}" for name in cited if name not in listed]
    assert not unknown, "sources missing from §0:\n" + "\n".join(unknown)


def test_cross_references_inside_evidence_md_resolve() -> None:
    known = set(headings())
    dangling = sorted(set(CITED_ID.findall(evidence_text())) - known)
    assert not dangling, f"EVIDENCE.md refers to missing sections {dangling}"


# ---------------------------------------------------------------------------- the spec


def test_every_evidence_entry_in_the_spec_points_at_sections_of_evidence_md() -> None:
    known = set(headings())
    entries = list(evidence_entries(SPEC))
    assert entries, "the spec carries no x-tonn-evidence"
    for where, entry in entries:
        assert set(entry) <= {"about", "sections", "confidence", "note", "points"}, where
        assert entry["sections"] and all(isinstance(s, str) for s in entry["sections"]), where
        missing = [section for section in entry["sections"] if section not in known]
        assert not missing, f"{where} cites sections {missing} that EVIDENCE.md lacks"
        assert entry["confidence"] in CONFIDENCE, where
        if entry["confidence"] != "evidenced":
            note = entry.get("note")
            assert isinstance(note, str) and note.strip(), f"{where} must explain its choice in a note"
        if "about" in entry:
            assert "points" not in entry, f"{where}: points do not nest"


def test_spec_descriptions_are_api_docs_without_citation_noise() -> None:
    noisy = []
    for where, text in human_texts(SPEC):
        if where == "/info/description":
            # The one place that explains the confidence legend, markers included.
            continue
        if "§" in text or SOURCE_TAG.search(text) or INFERRED_MARKER in text or CONFLICT_MARKER in text:
            noisy.append(f"{where}: {text[:100]}")
    assert not noisy, "descriptions with citations or markers:\n" + "\n".join(noisy)


def test_the_spec_explains_its_evidence_extension() -> None:
    info = SPEC["info"]["description"]
    assert "x-tonn-evidence" in info
    assert "EVIDENCE.md" in info
    assert "§" not in info.replace("EVIDENCE §", "")
    assert not SOURCE_TAG.search(info)


# ---------------------------------------------------------------------------- the generated client


def test_generated_client_docstrings_carry_no_citations() -> None:
    noisy = [
        f"{where}: {text.strip()[:100]}"
        for where, text in client_docstrings()
        if "§" in text or SOURCE_TAG.search(text) or INFERRED_MARKER in text or CONFLICT_MARKER in text
    ]
    assert not noisy, "client docstrings with citations:\n" + "\n".join(noisy)


def test_generated_client_does_not_copy_the_evidence_extension() -> None:
    leaked = [
        str(path.relative_to(ROOT))
        for path in sorted(CLIENT.rglob("*.py"))
        if "x-tonn-evidence" in path.read_text(encoding="utf-8")
    ]
    assert not leaked


# ---------------------------------------------------------------------------- the whole repository


@pytest.mark.parametrize("folder", ["openapi", "generated_client"])
def test_the_spec_and_the_client_never_mention_the_retired_research_notes(folder: str) -> None:
    mentions = [
        str(path.relative_to(ROOT))
        for path in repository_files(include_client=True)
        if path.relative_to(ROOT).parts[0] == folder and RETIRED_NAME.search(path.read_text(encoding="utf-8"))
    ]
    assert not mentions, mentions


def test_no_file_in_the_repository_mentions_the_retired_research_notes() -> None:
    mentions = [
        str(path.relative_to(ROOT))
        for path in repository_files(include_client=True)
        if RETIRED_NAME.search(path.read_text(encoding="utf-8"))
    ]
    assert not mentions, "cite EVIDENCE §<section> instead in:\n" + "\n".join(mentions)


def test_every_evidence_reference_in_the_repository_resolves_to_a_heading() -> None:
    known = set(headings())
    dangling = []
    for path in repository_files(include_client=False):
        for section in cited_ids(path.read_text(encoding="utf-8")):
            if section not in known:
                dangling.append(f"{path.relative_to(ROOT)}: EVIDENCE §{section}")
    assert not dangling, "references to missing sections:\n" + "\n".join(sorted(set(dangling)))
