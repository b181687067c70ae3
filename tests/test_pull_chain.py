"""One command from the live document to a regenerated client, end to end, on loopback only.

The stand-in server serves a changed official document: an operation added, a request field
removed, an enum value renamed. One ``pull-spec`` run must replace the base, keep the overlay's
additions, regenerate the client, report its public API changes and the operation the mock lacks;
``--check`` must see the same drift without writing, and nothing once the pull is done.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tonn_mock.cli import main as tonn_mock_cli
from tonn_mock.products import implemented_operations
from tonn_openapi import load_spec
from tonn_openapi.codegen import CLIENT_DIR, ClientApi, api_changes, read_api
from tonn_openapi.layers import SpecFiles
from tonn_openapi.normalise import dumps, normalise
from tonn_openapi.operations import coverage
from tonn_openapi.pull import make_pull_command

from .spec_host import Doc, SpecHost, base_doc, copy_layers, serving, snapshot


@pytest.fixture
def host() -> Iterator[SpecHost]:
    with serving() as running:
        yield running


@pytest.fixture
def checkout(tmp_path: Path) -> tuple[SpecFiles, Path]:
    """Copies of ``openapi/`` and ``generated_client/`` to pull into."""
    client = tmp_path / "generated_client"
    shutil.copytree(CLIENT_DIR, client, ignore=shutil.ignore_patterns("__pycache__"))
    return copy_layers(tmp_path), client


def changed_upstream() -> Doc:
    """The official document with three changes a client would notice."""
    live = base_doc()
    live["paths"]["/testkit-added"] = {
        "post": {
            "operationId": "testkitAdded",
            "tags": ["mastering"],
            "responses": {"200": {"description": "ok"}},
        }
    }
    del live["components"]["schemas"]["MasteringPreviewData"]["properties"]["webhookURL"]
    enum = live["components"]["schemas"]["DesiredLoudness"]["enum"]
    enum[enum.index("HIGH")] = "LOUDEST"
    return live


def pull(host: SpecHost, files: SpecFiles, client: Path, *options: str) -> Result:
    arguments = ["--url", host.url, "--spec-dir", str(files.folder), "--client-dir", str(client), *options]
    return CliRunner().invoke(make_pull_command(implemented_operations), arguments)


EXPECTED_REPORT = [
    "+ /testkit-added: path added",
    "- POST /masteringpreview request masteringData.webhookURL: removed",
    '+ schema DesiredLoudness: enum value "LOUDEST" added',
    '- schema DesiredLoudness: enum value "HIGH" removed',
    "+ module tonn_client.api.mastering.testkit_added",
    "- field MasteringPreviewData.webhook_url",
    "+ field DesiredLoudness.LOUDEST",
    "- field DesiredLoudness.HIGH",
    "mock: 1 operation(s) of the document not implemented:\n  POST /testkit-added",
]


def test_one_pull_replaces_the_base_keeps_the_overlay_and_regenerates_the_client(
    host: SpecHost, checkout: tuple[SpecFiles, Path]
) -> None:
    files, client = checkout
    live = changed_upstream()
    host.serves(live)
    before = snapshot(files)

    check = pull(host, files, client, "--check")

    assert check.exit_code == 1, check.output
    for line in EXPECTED_REPORT:
        assert line in check.stdout
    assert snapshot(files) == before and not (client / "api" / "mastering" / "testkit_added.py").exists()

    done = pull(host, files, client)

    assert done.exit_code == 0, done.output
    for line in EXPECTED_REPORT:
        assert line in done.stdout
    assert done.stdout.rstrip().endswith(f"wrote {files.base}, {files.document} and {client}")
    assert files.base.read_text(encoding="utf-8") == dumps(normalise(live))
    document = files.read(files.document)
    assert (
        "webhooks" in document and "x-tonn-evidence" in document["components"]["schemas"]["DesiredLoudness"]
    )
    assert (client / "api" / "mastering" / "testkit_added.py").exists()

    again = pull(host, files, client, "--check")

    assert again.exit_code == 0, again.output
    assert f"client: {client.name}/ is what the document generates" in again.stdout
    assert f"up to date: {files.document}" in again.stdout


def test_tonn_mock_pull_spec_is_the_same_command(host: SpecHost, checkout: tuple[SpecFiles, Path]) -> None:
    files, client = checkout
    host.serves(base_doc())

    arguments = ["pull-spec", "--url", host.url, "--spec-dir", str(files.folder), "--client-dir", str(client)]
    result = CliRunner().invoke(tonn_mock_cli, [*arguments, "--check"])

    assert result.exit_code == 0, result.output
    assert "mock: implements every operation of the document, and no other" in result.stdout
    assert f"client: {client.name}/ is what the document generates" in result.stdout


def test_the_public_api_report_names_modules_models_and_fields() -> None:
    old = ClientApi(frozenset({"tonn_client.api.a.x"}), {"Kept": frozenset({"a", "b"}), "Gone": frozenset()})
    new = ClientApi(frozenset({"tonn_client.api.a.y"}), {"Kept": frozenset({"a", "c"}), "New": frozenset()})

    assert api_changes(old, new) == [
        "+ module tonn_client.api.a.y",
        "- module tonn_client.api.a.x",
        "+ model New",
        "- model Gone",
        "+ field Kept.c",
        "- field Kept.b",
    ]


def test_the_committed_clients_api_is_read_from_its_source() -> None:
    api = read_api(CLIENT_DIR)

    assert "tonn_client.api.mastering.create_mastering_preview" in api.modules
    assert {"track_data", "musical_style", "desired_loudness"} <= api.classes["MasteringPreviewData"]
    assert api.classes["DesiredLoudness"] == {"LOW", "MEDIUM", "HIGH"}


def test_a_document_that_drops_an_operation_the_mock_serves_is_reported() -> None:
    document = load_spec()
    del document["paths"]["/upload"]

    report = coverage(document, implemented_operations())

    assert report.unimplemented == () and report.undeclared == (("post", "/upload"),)
    assert report.lines()[0].startswith("mock: 1 route(s) the document no longer declares (the mock refuses")
