"""Generate the typed client from a document, and tell what changed in its public API.

The client (``generated_client/``, package ``tonn_client``) is a committed artifact produced only
from ``openapi/openapi.json`` and ``scripts/openapi-python-client.yaml`` by the pinned
openapi-python-client and ruff, so the same inputs give the same bytes on every machine.
``scripts/regen_client.py`` and the pull (:mod:`tonn_openapi.pull`) both generate through here.

The public API of a generated tree is read from its source (never imported): its modules, its
classes (models and enums) and their members (attrs fields, enum values). Comparing two trees
gives lines such as ``+ module tonn_client.api.stems.create_separation`` or
``- field MasteringTrack.track_url``.
"""

from __future__ import annotations

import ast
import contextlib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CLIENT_DIR",
    "ClientApi",
    "ClientCandidate",
    "ClientReport",
    "GenerationError",
    "api_changes",
    "differences",
    "generate",
    "read_api",
    "regenerated",
]

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "scripts" / "openapi-python-client.yaml"
CLIENT_DIR = ROOT / "generated_client"
PACKAGE = "tonn_client"
PINNED = {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}


class GenerationError(Exception):
    """The client could not be generated (tools missing or wrong, or the generator failed)."""


def _tool_env() -> dict[str, str]:
    """Put this interpreter's scripts first on PATH so the pinned generator and ruff are used."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _check_pinned_tools(env: dict[str, str]) -> None:
    for tool, version in PINNED.items():
        try:
            out = subprocess.run([tool, "--version"], env=env, capture_output=True, text=True)
        except FileNotFoundError:
            raise GenerationError(f"{tool} is not installed; run: pip install -e '.[dev]'") from None
        if version not in out.stdout:
            found = out.stdout.strip() or out.stderr.strip()
            raise GenerationError(f"{tool} {version} is required for byte-identical output, found {found!r}")


def generate(spec: Path, output: Path) -> None:
    """Run the generator for ``spec`` into ``output`` (replaced entirely)."""
    if not CONFIG.exists():
        raise GenerationError(f"generating the client needs a source checkout ({CONFIG} is missing)")
    env = _tool_env()
    _check_pinned_tools(env)
    command = ["openapi-python-client", "generate", "--path", str(spec), "--config", str(CONFIG)]
    command += ["--meta", "none", "--output-path", str(output), "--overwrite"]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not (output / "client.py").exists():
        raise GenerationError(f"client generation failed:\n{result.stdout}{result.stderr}")


def differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees (added, removed or changed files)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only in regenerated: {prefix}{name}" for name in cmp.left_only)
        found.extend(f"only in committed: {prefix}{name}" for name in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"changed: {prefix}{name}" for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual, ignore=["__pycache__"]), "")
    return sorted(found)


@dataclass(frozen=True)
class ClientApi:
    """The public surface of one generated tree: module names and class name -> member names."""

    modules: frozenset[str]
    classes: dict[str, frozenset[str]]


def read_api(folder: Path) -> ClientApi:
    """The public API of the generated tree in ``folder`` (empty if there is none)."""
    modules: set[str] = set()
    classes: dict[str, frozenset[str]] = {}
    for path in sorted(folder.rglob("*.py")) if folder.is_dir() else []:
        parts = path.relative_to(folder).with_suffix("").parts
        if any(part.startswith("_") for part in parts) or "__pycache__" in path.parts:
            continue
        modules.add(".".join((PACKAGE, *parts)))
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                classes[node.name] = frozenset(_members(node))
    return ClientApi(frozenset(modules), classes)


def _members(node: ast.ClassDef) -> Iterator[str]:
    """attrs fields (annotated names) and enum values (assigned names) of a generated class."""
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            name = statement.target.id
        elif isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
            name = statement.targets[0].id
        else:
            continue
        if not name.startswith("_") and name != "additional_properties":
            yield name


def api_changes(old: ClientApi, new: ClientApi) -> list[str]:
    """Modules, models and members added (``+``) or removed (``-``), modules first, sorted."""
    changes = [f"+ module {name}" for name in sorted(new.modules - old.modules)]
    changes += [f"- module {name}" for name in sorted(old.modules - new.modules)]
    changes += [f"+ model {name}" for name in sorted(new.classes.keys() - old.classes.keys())]
    changes += [f"- model {name}" for name in sorted(old.classes.keys() - new.classes.keys())]
    for name in sorted(old.classes.keys() & new.classes.keys()):
        changes += [f"+ field {name}.{member}" for member in sorted(new.classes[name] - old.classes[name])]
        changes += [f"- field {name}.{member}" for member in sorted(old.classes[name] - new.classes[name])]
    return changes


@dataclass(frozen=True)
class ClientCandidate:
    """A client freshly generated in a temporary folder, compared with the one in ``folder``."""

    folder: Path
    fresh: Path
    changes: tuple[str, ...]
    drift: tuple[str, ...]

    def install(self) -> None:
        """Replace ``folder`` with the fresh tree (as ``--overwrite`` does)."""
        if self.folder.exists():
            shutil.rmtree(self.folder)
        shutil.copytree(self.fresh, self.folder, ignore=shutil.ignore_patterns("__pycache__"))


@contextlib.contextmanager
def regenerated(spec_text: str, folder: Path) -> Iterator[ClientCandidate]:
    """Generate the client of ``spec_text`` in a temporary folder, alive inside the ``with``."""
    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "openapi.json"
        spec.write_text(spec_text, encoding="utf-8")
        fresh = Path(tmp) / "client"
        generate(spec, fresh)
        drift = differences(fresh, folder) if folder.is_dir() else [f"only in regenerated: {folder.name}/"]
        changes = api_changes(read_api(folder), read_api(fresh))
        yield ClientCandidate(folder, fresh, tuple(changes), tuple(drift))


@dataclass(frozen=True)
class ClientReport:
    """What regenerating the client found: public API changes and changed files."""

    folder: Path
    changes: tuple[str, ...]
    drift: tuple[str, ...]
    written: bool

    def lines(self) -> list[str]:
        """The report section: one line when nothing changed, else a count and every API change."""
        if not self.drift:
            return [f"client: {self.folder.name}/ is what the document generates"]
        counts = f"{len(self.drift)} generated file(s) differ, {len(self.changes)} public API change(s)"
        return [f"client: {counts}", *(f"  {change}" for change in self.changes)]
