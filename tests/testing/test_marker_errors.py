"""A wrong ``@pytest.mark.tonn_mock`` option is a one-line set-up error that names the option and
what it accepts - never a traceback from inside the mock, never a fault that silently never fires."""

from __future__ import annotations

import pytest

from .helpers import run_user_tests

pytest_plugins = ["pytester"]


@pytest.mark.parametrize(
    ("marker", "complaint"),
    [
        (
            'progression="sometimes"',
            "progression='sometimes' is not valid; "
            "valid: immediate, manual, after_polls:N or after_seconds:T",
        ),
        (
            'faults=[{"operaton": "getHealth", "status": 503}]',
            "faults[0]: unknown keyword(s) ['operaton']; valid: ['operation', 'status', 'count', 'latency',",
        ),
        (
            'faults=[{"operation": "createMasteringPreveiw", "status": 503}]',
            "faults[0]: unknown operation 'createMasteringPreveiw' (did you mean 'createMasteringPreview'?)",
        ),
        ('faults=[{"operation": "getHealth", "status": 200}]', "faults[0]: status must be an HTTP error"),
        ('webhooks="send"', "webhooks='send' is not valid; valid: 'record', 'deliver'"),
        ("rate_limit=0", "rate_limit=0 is not valid; valid: True, False or requests a minute (>= 1)"),
        ('credits={"k": -1}', "credits['k']: credits must be >= 0, not -1"),
    ],
)
def test_a_wrong_option_is_one_line_naming_it(pytester: pytest.Pytester, marker: str, complaint: str) -> None:
    source = f"""
import pytest

@pytest.mark.tonn_mock({marker})
def test_mine(tonn_mock):
    pass
"""
    result = run_user_tests(pytester, source)

    result.assert_outcomes(errors=1)
    output = result.stdout.str()
    assert f"@pytest.mark.tonn_mock: {complaint}" in output
    assert "Traceback" not in output and "During handling" not in output


def test_the_new_marker_options_reach_the_mock(pytester: pytest.Pytester) -> None:
    source = """
import pytest

@pytest.mark.tonn_mock(rate_limit=2, webhook_base_delay=0.25, webhook_max_attempts=2)
def test_options(tonn_mock):
    http = tonn_mock.http_client()
    statuses = [http.get("/health").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert http.get("/health").headers["Retry-After"] == "60"
    settings = tonn_mock.settings
    assert (settings.webhook_base_delay, settings.webhook_max_attempts) == (0.25, 2)


def test_no_rate_limit_by_default(tonn_mock):
    http = tonn_mock.http_client()
    assert {http.get("/health").status_code for _ in range(120)} == {200}
"""
    run_user_tests(pytester, source).assert_outcomes(passed=2)
