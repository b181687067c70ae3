"""Strict by default: mock-side errors and undelivered webhooks fail the test that caused them."""

from __future__ import annotations

import pytest

from .helpers import run_user_tests

pytest_plugins = ["pytester"]

BROKEN_HEALTH = """
import pytest
from tonn_client.api.health import get_health


def boom():
    raise RuntimeError("the health check exploded")


@pytest.fixture
def broken_health(tonn_mock, monkeypatch):
    monkeypatch.setitem(tonn_mock.app.view_functions, "health.get_health", boom)
"""

UNDELIVERED = """
import socket
import pytest

CREATE = {"masteringData": {"trackData": [{"trackURL": "https://example.com/a.wav"}],
          "musicalStyle": "POP", "desiredLoudness": "LOW", "webhookURL": "%s"}}


@pytest.fixture
def dead_url():
    with socket.socket() as bound:  # bound but not listening: every delivery is refused
        bound.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{bound.getsockname()[1]}/hook"
"""


def test_an_error_inside_the_mock_fails_the_test_with_its_traceback(pytester: pytest.Pytester) -> None:
    result = run_user_tests(
        pytester,
        BROKEN_HEALTH
        + """
def test_ignores_the_500(broken_health, tonn_client):
    get_health.sync_detailed(client=tonn_client)   # the 500 goes unnoticed by the test itself
""",
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*MockSideErrors: the Tonn mock raised 1 unexpected error(s) during this test*",
            "*RuntimeError: the health check exploded*",
            "*in boom*",
            "*mark it @pytest.mark.tonn_mock(strict=False)*",
            "FAILED test_user.py::test_ignores_the_500 - tonn_mock.testing.harness.MockSid*",
        ]
    )


def test_a_failing_test_shows_the_mock_errors_beside_its_own_failure(pytester: pytest.Pytester) -> None:
    result = run_user_tests(
        pytester,
        BROKEN_HEALTH
        + """
def test_asserts_on_the_status(broken_health, tonn_client):
    assert get_health.sync_detailed(client=tonn_client).status_code == 200
""",
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*assert*500*== 200*", "*tonn-mock errors*", "*the health check exploded*"])


def test_an_undelivered_webhook_fails_the_test_and_names_the_url(pytester: pytest.Pytester) -> None:
    result = run_user_tests(
        pytester,
        UNDELIVERED % "https://my-app.example/hook"
        + """
@pytest.mark.tonn_mock(webhooks="deliver", webhook_grace=0.2)
def test_leaves_a_webhook_behind(tonn_mock, dead_url):
    body = {"masteringData": {**CREATE["masteringData"], "webhookURL": dead_url}}
    assert tonn_mock.http_client().post("/masteringpreview", json=body).status_code == 200
""",
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*UndeliveredWebhooks: 2 webhook delivery(ies) still undelivered 0.2 s after the test ended:*",
            "*POST http://127.0.0.1:*/hook for task * (state 'MASTERING_TASK_PENDING'): "
            "* attempt(s), last: *cannot reach*Connection refused*",
            "*Run a receiver at that URL*",
        ]
    )


def test_a_receiver_that_keeps_failing_is_reported_in_record_mode_too(pytester: pytest.Pytester) -> None:
    result = run_user_tests(
        pytester,
        UNDELIVERED % "https://my-app.example/hook"
        + """
@pytest.mark.tonn_mock(webhook_grace=0.1)
def test_receiver_answers_503(tonn_mock):
    tonn_mock.webhook_receiver_answers(503, 503, 503, 503, 503)
    tonn_mock.http_client().post("/masteringpreview", json=CREATE)
""",
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*POST https://my-app.example/hook*last: HTTP 503*"])


def test_strict_false_and_waiting_opt_out(pytester: pytest.Pytester) -> None:
    result = run_user_tests(
        pytester,
        BROKEN_HEALTH
        + UNDELIVERED % "https://my-app.example/hook"
        + """
@pytest.mark.tonn_mock(strict=False)
def test_expects_the_500(broken_health, tonn_client, tonn_mock):
    assert get_health.sync_detailed(client=tonn_client).status_code == 500
    assert "exploded" in str(tonn_mock.errors()[0])


def test_waits_for_its_webhooks(tonn_mock):
    task_id = tonn_mock.http_client().post("/masteringpreview", json=CREATE).json()["mastering_task_id"]
    assert tonn_mock.wait_for_webhook(task_id, state="MASTERING_TASK_PREVIEW_COMPLETED").url.endswith("/hook")


def test_the_mock_is_clean_again(tonn_mock):
    assert tonn_mock.errors() == [] and tonn_mock.pending_webhooks() == 0
""",
    )
    result.assert_outcomes(passed=3)
