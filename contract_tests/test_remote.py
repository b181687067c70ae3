"""The remote path, proven: the same suite over a real socket, with ``--tonn-base-url``.

``test_the_suite_passes_against_tonn_mock_serve`` starts ``tonn-mock serve`` on a loopback port
and runs the suite against it in a child pytest: every check on, a handful of operations and a
few stateful scenarios (``tox -e contract-mock`` runs all of it over the socket).
``test_the_suite_fails_against_a_broken_mock`` serves a mock with two planted bugs and expects
the suite to report both, each with a ``curl`` reproduction: the suite has teeth.
"""

from __future__ import annotations

import re

import pytest

from .plan import active
from .planted import contract_breaker
from .servers import run_suite, serving, tonn_mock_serve

pytestmark = [pytest.mark.contract, pytest.mark.usefixtures("default_target_only")]

# the socket run in every test run: two journeys (upload → master → poll, separate → poll → stems)
SOCKET_OPERATIONS = (
    "getHealth",
    "createUploadUrl",
    "createMasteringPreview",
    "retrievePreviewMaster",
    "createSeparation",
    "separationStatus",
    "retrieveStems",
)


def summary_line(output: str) -> str:
    """The child run's "N generated test cases ..." line."""
    match = re.search(r"^\d+ generated test cases.*$", output, re.MULTILINE)
    return match.group(0) if match else "(no summary)"


def test_the_suite_passes_against_tonn_mock_serve() -> None:
    with tonn_mock_serve() as url:
        run = run_suite(
            url,
            "contract_tests/test_operations.py",
            "contract_tests/test_stateful.py",
            *(f"--tonn-operation={operation}" for operation in SOCKET_OPERATIONS),
            "--tonn-scenarios",
            "4",
            "--tonn-database",
            "none",
        )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "failed" not in run.stdout.splitlines()[-1]
    active().report.remote_runs.append(f"over a socket ({url}, tonn-mock serve): {summary_line(run.stdout)}")


def test_the_suite_fails_against_a_broken_mock() -> None:
    with serving(contract_breaker()) as url:
        run = run_suite(
            url,
            "contract_tests/test_operations.py",
            "--tonn-operation=createMasteringPreview",
            "--tonn-operation=retrievePreviewMaster",
            "--tonn-max-examples",
            "2",
            "--tonn-database",
            "none",
        )
    assert run.returncode == 1, run.stdout[-6000:] + run.stderr[-2000:]
    out = run.stdout
    assert "Server error" in out and "Internal server error: RuntimeError" in out, out[-6000:]
    assert "Custom check failed: `accepted_body_has_evidenced_shape`" in out, out[-6000:]
    assert re.search(r"curl -X POST .*'?http://127\.0\.0\.1:\d+/masteringpreview", out), out[-6000:]
    assert "2 failed" in out.splitlines()[-1]
