"""RetryPolicy: the backoff schedule and which outcomes are worth another attempt."""

from __future__ import annotations

import pytest

from tonn_mock.webhooks import (
    DeliveryConnectError,
    DeliveryTimeout,
    InvalidWebhookURL,
    Outcome,
    RetryPolicy,
)


def test_defaults_match_the_documented_contract() -> None:
    policy = RetryPolicy()
    assert (policy.max_attempts, policy.base_delay, policy.max_delay) == (5, 0.5, 30.0)
    assert (policy.multiplier, policy.timeout) == (2.0, 5.0)


@pytest.mark.parametrize(
    ("attempt_no", "expected"),
    [(1, 0.0), (2, 0.5), (3, 1.0), (4, 2.0), (5, 4.0), (8, 30.0), (10_000, 30.0)],
)
def test_delay_before_is_exponential_and_capped(attempt_no: int, expected: float) -> None:
    assert RetryPolicy().delay_before(attempt_no) == expected


def test_delay_before_rejects_attempt_zero() -> None:
    with pytest.raises(ValueError, match="start at 1"):
        RetryPolicy().delay_before(0)


@pytest.mark.parametrize(
    ("outcome", "retry"),
    [
        (200, False),
        (204, False),
        (301, False),
        (400, False),
        (404, False),
        (429, False),
        (500, True),
        (503, True),
        (599, True),
        (DeliveryConnectError("refused"), True),
        (DeliveryTimeout("slow"), True),
        (InvalidWebhookURL("ftp://"), False),
        (RuntimeError("sender bug"), False),
    ],
)
def test_should_retry_only_transient_failures(outcome: Outcome, retry: bool) -> None:
    assert RetryPolicy().should_retry(outcome) is retry


@pytest.mark.parametrize(
    ("outcome", "attempt_no", "decision"),
    [
        (200, 1, "delivered"),
        (500, 1, "retrying"),
        (500, 3, "retrying"),
        (500, 4, "failed"),
        (404, 1, "failed"),
        (DeliveryTimeout("slow"), 3, "retrying"),
        (DeliveryTimeout("slow"), 4, "failed"),
        (302, 1, "failed"),
    ],
)
def test_decide_respects_the_attempt_budget(outcome: Outcome, attempt_no: int, decision: str) -> None:
    assert RetryPolicy(max_attempts=4).decide(outcome, attempt_no) == decision


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_attempts": 0},
        {"base_delay": -1.0},
        {"max_delay": -1.0},
        {"multiplier": 0.5},
        {"timeout": 0.0},
    ],
)
def test_nonsense_settings_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


def test_policy_is_frozen() -> None:
    policy = RetryPolicy()
    with pytest.raises(AttributeError):
        policy.max_attempts = 1  # type: ignore[misc]
