"""A maintainer pulls the live Tonn document from a (local, stand-in) server.

They see the overlay's fit and the semantic changes, ``--check`` gates drift without writing, and
every failure is one ``error:`` line with exit status 2 and the committed files untouched. The
server plays the official document with edited copies of our committed base layer; the files being
updated are always copies in ``tmp_path``. These pulls leave the client out (``--no-client``); the
whole chain, client included, is in ``test_pull_chain.py``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tonn_openapi import SPEC_PATH, load_spec
from tonn_openapi.diff import HTTP_METHODS, Change, ChangeKind
from tonn_openapi.layers import SpecFiles, compose
from tonn_openapi.normalise import dumps, normalise
from tonn_openapi.pull import pull_spec, pull_spec_command

from .spec_host import Doc, SpecHost, base_doc, closed_port_url, copy_layers, serving, snapshot

K = ChangeKind
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pull_spec.py"
MASTERING = "/masteringpreview"


@pytest.fixture
def host() -> Iterator[SpecHost]:
    with serving() as running:
        yield running


@pytest.fixture
def spec_dir(tmp_path: Path) -> SpecFiles:
    return copy_layers(tmp_path)


def resolved(doc: Doc, node: Any) -> Any:
    """Follow local ``$ref`` objects, so edits land on the schema that is really used."""
    while isinstance(node, dict) and "$ref" in node:
        node = _pointer(doc, node["$ref"])
    return node


def _pointer(doc: Doc, ref: str) -> Any:
    node: Any = doc
    for token in ref.removeprefix("#/").split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def json_schema(doc: Doc, holder: Doc) -> Any:
    """The resolved JSON schema of a request body or response, or ``None``."""
    media = resolved(doc, holder).get("content", {}).get("application/json", {})
    return resolved(doc, media.get("schema"))


def first_ok_response_field(doc: Doc) -> tuple[str, str, str]:
    """(METHOD, path, property) of the first 200 JSON response that has properties."""
    for path, item in sorted(doc["paths"].items()):
        for method in [method for method in HTTP_METHODS if method in item]:
            schema = json_schema(doc, item[method].get("responses", {}).get("200", {}))
            if isinstance(schema, dict) and schema.get("properties"):
                return method.upper(), path, next(iter(schema["properties"]))
    raise AssertionError("no 200 JSON response with properties in the spec")


# -- edits a live document might bring: each returns the change the pull must report ----------

Expected = list[Change]


def add_path(doc: Doc) -> Expected:
    doc["paths"]["/testkit-added"] = {"get": {"responses": {"200": {"description": "ok"}}}}
    return [Change(K.PATH_ADDED, "/testkit-added", "path added")]


def remove_response_field(doc: Doc) -> Expected:
    method, path, name = first_ok_response_field(doc)
    schema = json_schema(doc, doc["paths"][path][method.lower()]["responses"]["200"])
    del schema["properties"][name]
    if name in schema.get("required", []):
        schema["required"].remove(name)
    return [Change(K.FIELD_REMOVED, f"{method} {path} response 200 {name}", "removed")]


def change_enum_value(doc: Doc) -> Expected:
    enum = doc["components"]["schemas"]["DesiredLoudness"]["enum"]
    dropped, enum[-1] = enum[-1], "TESTKIT_LOUDEST"
    return [
        Change(K.ENUM_VALUE_ADDED, "schema DesiredLoudness", 'enum value "TESTKIT_LOUDEST" added'),
        Change(K.ENUM_VALUE_REMOVED, "schema DesiredLoudness", f'enum value "{dropped}" removed'),
    ]


def flip_required_flag(doc: Doc) -> Expected:
    item = doc["paths"][MASTERING]
    method = next(method for method in HTTP_METHODS if "requestBody" in item.get(method, {}))
    schema = json_schema(doc, item[method]["requestBody"])
    name = next(iter(schema["properties"]))
    required: list[str] = schema.setdefault("required", [])
    location = f"{method.upper()} {MASTERING} request {name}"
    if name in required:
        required.remove(name)
        return [Change(K.FIELD_OPTIONAL, location, "now optional")]
    required.append(name)
    return [Change(K.FIELD_REQUIRED, location, "now required")]


EDITS: list[Callable[[Doc], Expected]] = [
    add_path,
    remove_response_field,
    change_enum_value,
    flip_required_flag,
]


def pull(url: str, files: SpecFiles, *options: str) -> Result:
    """Run the click command as a user would, in-process, leaving the client alone."""
    arguments = ["--url", url, "--spec-dir", str(files.folder), "--no-client", *options]
    return CliRunner().invoke(pull_spec_command, arguments)


# -- the committed files' format -----------------------------------------------------------------


def test_the_committed_spec_is_already_in_canonical_form() -> None:
    assert dumps(load_spec()) == SPEC_PATH.read_text(encoding="utf-8")


def test_normalise_sorts_keys_at_every_level_but_keeps_list_order() -> None:
    doc = {"paths": {"/b": {}, "/a": {}}, "enum": ["HIGH", "LOW"], "a": [{"z": 1, "y": 2}]}

    normalised = normalise(doc)

    assert list(normalised) == ["a", "enum", "paths"]
    assert list(normalised["paths"]) == ["/a", "/b"]
    assert list(normalised["a"][0]) == ["y", "z"]
    assert normalised["enum"] == ["HIGH", "LOW"]
    assert dumps(doc) == dumps(normalised) == json.dumps(normalised, indent=2) + "\n"


# -- semantic drift ------------------------------------------------------------------------------


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.__name__)
def test_pull_reports_each_kind_of_drift(
    host: SpecHost, spec_dir: SpecFiles, edit: Callable[[Doc], Expected]
) -> None:
    live = base_doc()
    expected = edit(live)
    host.serves(live)

    result = pull_spec(host.url, spec_dir, check=True)

    for change in expected:
        assert change in result.diff.changes
    assert result.drift and not result.written


def test_check_exits_1_on_drift_lists_every_change_and_never_writes(
    host: SpecHost, spec_dir: SpecFiles
) -> None:
    live = base_doc()
    expected = [change for edit in EDITS for change in edit(live)]
    host.serves(live)
    before = snapshot(spec_dir)

    result = pull(host.url, spec_dir, "--check")

    assert result.exit_code == 1, result.output
    for change in expected:
        assert f"  {change.line()}\n" in result.stdout
    assert result.stdout.rstrip().endswith("(run without --check to update it)")
    assert snapshot(spec_dir) == before


def test_pulling_the_document_the_base_already_is_changes_nothing(
    host: SpecHost, spec_dir: SpecFiles
) -> None:
    host.serves(base_doc())
    before = spec_dir.document.stat()

    for options in [("--check",), ()]:
        result = pull(host.url, spec_dir, *options)

        assert result.exit_code == 0, result.output
        assert "no semantic changes" in result.stdout
        assert "overlay: all " in result.stdout and "select nothing" not in result.stdout
        assert f"up to date: {spec_dir.document}" in result.stdout
    assert spec_dir.document.stat().st_mtime_ns == before.st_mtime_ns


def test_a_reworded_description_is_drift_without_a_semantic_change(
    host: SpecHost, spec_dir: SpecFiles
) -> None:
    live = base_doc()
    live["components"]["schemas"]["DesiredLoudness"]["description"] = "Reworded upstream."
    host.serves(live)

    result = pull(host.url, spec_dir, "--check")

    assert result.exit_code == 1
    assert "no semantic changes" in result.stdout
    pointer = "/components/schemas/DesiredLoudness/description"
    assert f"non-semantic changes: 1 JSON value(s) differ: {pointer}" in result.stdout


def test_a_successful_pull_writes_the_new_base_and_the_composed_document(
    host: SpecHost, spec_dir: SpecFiles
) -> None:
    live = base_doc()
    add_path(live)
    host.serves(live)
    mode = spec_dir.document.stat().st_mode
    overlay = spec_dir.read(spec_dir.overlay)

    result = pull(host.url, spec_dir)

    assert result.exit_code == 0, result.output
    assert "+ /testkit-added: path added" in result.stdout
    assert result.stdout.rstrip().endswith(f"wrote {spec_dir.base}, {spec_dir.document}")
    assert spec_dir.base.read_text(encoding="utf-8") == dumps(normalise(live))
    assert spec_dir.document.read_text(encoding="utf-8") == compose(normalise(live), overlay).text
    assert "webhooks" in spec_dir.read(spec_dir.document)  # the overlay's additions survive the pull
    assert spec_dir.document.stat().st_mode == mode
    assert sorted(path.name for path in spec_dir.folder.iterdir()) == [
        "base.json",
        "openapi.json",
        "overlay.json",
    ]


# -- the overlay against a changed document ------------------------------------------------------


def test_overlay_actions_whose_target_is_gone_are_reported_and_are_drift(
    host: SpecHost, spec_dir: SpecFiles
) -> None:
    live = base_doc()
    live["components"]["schemas"]["Loudness"] = live["components"]["schemas"].pop("DesiredLoudness")
    host.serves(json.loads(json.dumps(live).replace("/DesiredLoudness", "/Loudness")))

    result = pull(host.url, spec_dir, "--check")

    assert result.exit_code == 1, result.output
    assert "overlay: 1 of " in result.stdout and " action(s) select nothing:" in result.stdout
    assert "(evidence) $.components.schemas.DesiredLoudness\n" in result.stdout


def test_a_value_the_overlay_now_overrides_is_reported(host: SpecHost, spec_dir: SpecFiles) -> None:
    live = base_doc()
    live["components"]["schemas"]["DesiredLoudness"]["x-tonn-evidence"] = {"confidence": "official"}
    host.serves(live)

    result = pull(host.url, spec_dir, "--check")

    assert "overlay: 1 value(s) the document declares are overridden:" in result.stdout
    assert "(evidence) $.components.schemas.DesiredLoudness: x-tonn-evidence" in result.stdout


# -- failures: one line, exit 2, nothing touched -------------------------------------------------


def assert_failed_cleanly(
    result: Result | subprocess.CompletedProcess[str], files: SpecFiles, before: dict[str, bytes]
) -> None:
    code = result.exit_code if isinstance(result, Result) else result.returncode
    assert code == 2, result.stdout
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(files) == before


def refused(host: SpecHost) -> str:
    return closed_port_url()


def server_error(host: SpecHost) -> str:
    host.answers(500, b'{"error": true}')
    return host.url


def html_page(host: SpecHost) -> str:
    host.answers(200, b"<html><body>Sign in</body></html>", "text/html")
    return host.url


def invalid_openapi(host: SpecHost) -> str:
    live = base_doc()
    del live["info"]
    host.serves(live)
    return host.url


def overlay_breaks_it(host: SpecHost) -> str:
    live = base_doc()
    live["components"]["schemas"]["SampleRate"]["oneOf"][0] = True  # valid, but nothing to decorate
    host.serves(live)
    return host.url


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (refused, "cannot connect (Connection refused)"),
        (server_error, "HTTP 500 Internal Server Error"),
        (html_page, "did not return JSON (text/html)"),
        (invalid_openapi, "is not a valid OpenAPI document: "),
        (overlay_breaks_it, "the overlay does not apply to"),
    ],
    ids=lambda case: getattr(case, "__name__", ""),
)
def test_a_failed_pull_is_one_error_line_exit_2_and_no_write(
    host: SpecHost, spec_dir: SpecFiles, failure: Callable[[SpecHost], str], reason: str
) -> None:
    url = failure(host)
    before = snapshot(spec_dir)

    for options in [("--check",), ()]:
        result = pull(url, spec_dir, *options)

        assert_failed_cleanly(result, spec_dir, before)
        assert reason in result.stderr


def test_a_server_that_never_answers_times_out_cleanly(spec_dir: SpecFiles) -> None:
    before = snapshot(spec_dir)
    with socket.create_server(("127.0.0.1", 0)) as silent:  # listens, never accepts
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/openapi.json"

        result = pull(url, spec_dir, "--timeout", "0.2")

    assert_failed_cleanly(result, spec_dir, before)
    assert "no answer within 0.2s" in result.stderr


# -- the script, as a separate process -----------------------------------------------------------


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_the_script_reports_a_refused_connection_without_a_traceback(spec_dir: SpecFiles) -> None:
    before = snapshot(spec_dir)

    result = run_script("--url", closed_port_url(), "--spec-dir", str(spec_dir.folder))

    assert_failed_cleanly(result, spec_dir, before)


def test_the_script_checks_an_up_to_date_checkout(host: SpecHost, spec_dir: SpecFiles) -> None:
    host.serves(base_doc())

    result = run_script("--url", host.url, "--spec-dir", str(spec_dir.folder), "--no-client", "--check")

    assert (result.returncode, result.stderr) == (0, "")
    assert "no semantic changes" in result.stdout
    assert "mock: implements every operation of the document, and no other" in result.stdout
