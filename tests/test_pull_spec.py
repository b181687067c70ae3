"""A maintainer pulls the live Tonn document from a (local, stand-in) server.

They see the semantic changes, ``--check`` gates drift without writing, and every failure is one
``error:`` line with exit status 2 and the committed copy untouched. The server is a real
``ThreadingHTTPServer`` on 127.0.0.1, serving edited copies of our committed spec; the file being
updated is always a copy in ``tmp_path``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tonn_openapi import SPEC_PATH, load_spec
from tonn_openapi.diff import HTTP_METHODS, Change, ChangeKind
from tonn_openapi.normalise import dumps, normalise
from tonn_openapi.pull import pull_spec, pull_spec_command

K = ChangeKind
Doc = dict[str, Any]
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pull_spec.py"
MASTERING = "/masteringpreview"

# -- the local server ---------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    content_type: str = "application/json"


class _SpecServer(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.reply = Reply()


class _Handler(BaseHTTPRequestHandler):
    server: _SpecServer

    def do_GET(self) -> None:
        reply = self.server.reply
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: request logs on stderr would only clutter test output."""


class SpecHost:
    """The test's handle on the local server: what it answers, and at which URL."""

    def __init__(self, server: _SpecServer) -> None:
        self._server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}/openapi.json"

    def serves(self, doc: Doc) -> None:
        """Serve ``doc`` compact and unsorted, as a live server might, not in our canonical form."""
        self.answers(200, json.dumps(doc).encode())

    def answers(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self._server.reply = Reply(status, body, content_type)


@pytest.fixture
def host() -> Iterator[SpecHost]:
    server = _SpecServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SpecHost(server)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def closed_port_url() -> str:
    """A loopback URL nobody listens on: the port was free a moment ago and is closed now."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/openapi.json"


# -- documents and the file being updated --------------------------------------------------------


def spec_doc() -> Doc:
    """A fresh copy of our committed spec, which the tests edit to play the live document."""
    return load_spec()


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A copy of the committed spec (in canonical form) for the pull to compare and update."""
    path = tmp_path / "openapi.json"
    path.write_text(dumps(spec_doc()), encoding="utf-8")
    return path


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


def pull(url: str, target: Path, *options: str) -> Result:
    """Run the click command as a user would, in-process."""
    return CliRunner().invoke(pull_spec_command, ["--url", url, "--output", str(target), *options])


# -- the committed file's format -----------------------------------------------------------------


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
    host: SpecHost, target: Path, edit: Callable[[Doc], Expected]
) -> None:
    live = spec_doc()
    expected = edit(live)
    host.serves(live)

    result = pull_spec(host.url, target, check=True)

    for change in expected:
        assert change in result.diff.changes
    assert result.drift and not result.written


def test_check_exits_1_on_drift_lists_every_change_and_never_writes(host: SpecHost, target: Path) -> None:
    live = spec_doc()
    expected = [change for edit in EDITS for change in edit(live)]
    host.serves(live)
    before = target.read_bytes()

    result = pull(host.url, target, "--check")

    assert result.exit_code == 1, result.output
    for change in expected:
        assert f"  {change.line()}\n" in result.stdout
    assert result.stdout.rstrip().endswith("(run without --check to update it)")
    assert target.read_bytes() == before


def test_pulling_an_identical_spec_reports_no_changes_and_leaves_the_file_alone(
    host: SpecHost, target: Path
) -> None:
    host.serves(spec_doc())
    before = target.stat()

    for options in [("--check",), ()]:
        result = pull(host.url, target, *options)

        assert result.exit_code == 0, result.output
        assert "no semantic changes" in result.stdout
        assert f"up to date: {target}" in result.stdout
    assert target.stat().st_mtime_ns == before.st_mtime_ns


def test_a_reworded_description_is_drift_without_a_semantic_change(host: SpecHost, target: Path) -> None:
    live = spec_doc()
    live["components"]["schemas"]["DesiredLoudness"]["description"] = "Reworded upstream."
    host.serves(live)

    result = pull(host.url, target, "--check")

    assert result.exit_code == 1
    assert "no semantic changes" in result.stdout
    pointer = "/components/schemas/DesiredLoudness/description"
    assert f"non-semantic changes: 1 JSON value(s) differ: {pointer}" in result.stdout


def test_a_successful_pull_writes_the_normalised_file(host: SpecHost, target: Path) -> None:
    live = spec_doc()
    add_path(live)
    host.serves(live)
    mode = target.stat().st_mode

    result = pull(host.url, target)

    assert result.exit_code == 0, result.output
    assert "+ /testkit-added: path added" in result.stdout
    assert result.stdout.rstrip().endswith(f"wrote {target}")
    assert target.read_text(encoding="utf-8") == dumps(normalise(live))
    assert target.stat().st_mode == mode
    assert [path.name for path in target.parent.iterdir()] == [target.name]  # no temp file left


# -- failures: one line, exit 2, nothing touched -------------------------------------------------


def assert_failed_cleanly(
    result: Result | subprocess.CompletedProcess[str], target: Path, before: bytes
) -> None:
    code = result.exit_code if isinstance(result, Result) else result.returncode
    assert code == 2, result.stdout
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr + result.stdout
    assert target.read_bytes() == before


def refused(host: SpecHost) -> str:
    return closed_port_url()


def server_error(host: SpecHost) -> str:
    host.answers(500, b'{"error": true}')
    return host.url


def html_page(host: SpecHost) -> str:
    host.answers(200, b"<html><body>Sign in</body></html>", "text/html")
    return host.url


def invalid_openapi(host: SpecHost) -> str:
    live = spec_doc()
    del live["info"]
    host.serves(live)
    return host.url


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (refused, "cannot connect (Connection refused)"),
        (server_error, "HTTP 500 Internal Server Error"),
        (html_page, "did not return JSON (text/html)"),
        (invalid_openapi, "is not a valid OpenAPI document: "),
    ],
    ids=lambda case: getattr(case, "__name__", ""),
)
def test_a_failed_pull_is_one_error_line_exit_2_and_no_write(
    host: SpecHost, target: Path, failure: Callable[[SpecHost], str], reason: str
) -> None:
    url = failure(host)
    before = target.read_bytes()

    for options in [("--check",), ()]:
        result = pull(url, target, *options)

        assert_failed_cleanly(result, target, before)
        assert reason in result.stderr


def test_a_server_that_never_answers_times_out_cleanly(target: Path) -> None:
    before = target.read_bytes()
    with socket.create_server(("127.0.0.1", 0)) as silent:  # listens, never accepts
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/openapi.json"

        result = pull(url, target, "--timeout", "0.2")

    assert_failed_cleanly(result, target, before)
    assert "no answer within 0.2s" in result.stderr


# -- the script, as a separate process -----------------------------------------------------------


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_script_reports_a_refused_connection_without_a_traceback(target: Path) -> None:
    before = target.read_bytes()

    result = run_script("--url", closed_port_url(), "--output", str(target))

    assert_failed_cleanly(result, target, before)


def test_the_script_checks_an_up_to_date_file(host: SpecHost, target: Path) -> None:
    host.serves(spec_doc())

    result = run_script("--url", host.url, "--output", str(target), "--check")

    assert (result.returncode, result.stderr) == (0, "")
    assert "no semantic changes" in result.stdout
