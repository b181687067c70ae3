"""Retries as data: when to try a webhook again and how long to wait first.

Tonn's real retry behaviour is undocumented (EVIDENCE §9), so the mock picks the common
convention: retry what might be transient (no answer, timeouts, 5xx), never retry what the
receiver refused on purpose (4xx) or anything else that is not a 2xx. Backoff is exponential
without jitter, so a test can assert the exact schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tonn_mock.webhooks.errors import DeliveryError

AttemptOutcome = Literal["delivered", "retrying", "failed"]
"""What one attempt meant for its delivery."""

Outcome = int | BaseException
"""What a sender produced: an HTTP status, or the exception it raised."""


def is_success(status: int) -> bool:
    """A 2xx answer means the receiver took the webhook; nothing else does."""
    return 200 <= status < 300


@dataclass(frozen=True)
class RetryPolicy:
    """How many attempts a delivery gets, the waits between them and each attempt's timeout.

    ``max_attempts`` counts the first try. The wait before attempt ``n >= 2`` is
    ``base_delay * multiplier ** (n - 2)`` capped at ``max_delay`` (seconds of the dispatcher's
    clock). ``timeout`` bounds each attempt; it is handed to the sender.
    """

    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    multiplier: float = 2.0
    timeout: float = 5.0

    def __post_init__(self) -> None:
        """Reject settings that would loop forever, wait negatively or never time out."""
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("delays must not be negative")
        if self.multiplier < 1:
            raise ValueError("multiplier must be at least 1 (backoff never shrinks)")
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")

    def delay_before(self, attempt_no: int) -> float:
        """Seconds to wait before attempt ``attempt_no`` (1-based); the first one is immediate."""
        if attempt_no < 1:
            raise ValueError("attempt numbers start at 1")
        if attempt_no == 1:
            return 0.0
        try:
            delay = self.base_delay * self.multiplier ** (attempt_no - 2)
        except OverflowError:
            return self.max_delay
        return min(delay, self.max_delay)

    def should_retry(self, outcome: Outcome) -> bool:
        """Whether this kind of outcome is worth another attempt, ignoring the attempt budget.

        Retried: ``DeliveryError`` marked retryable (connection errors, timeouts) and 5xx.
        Not retried: 2xx (done), 4xx (the receiver refused on purpose), other statuses, invalid
        URLs and exceptions that are not ``DeliveryError`` (a sender bug, not a network fault).
        """
        if isinstance(outcome, BaseException):
            return isinstance(outcome, DeliveryError) and outcome.retryable
        return 500 <= outcome < 600

    def decide(self, outcome: Outcome, attempt_no: int) -> AttemptOutcome:
        """Classify attempt ``attempt_no``: delivered, retrying (budget left) or failed for good."""
        if isinstance(outcome, int) and is_success(outcome):
            return "delivered"
        if self.should_retry(outcome) and attempt_no < self.max_attempts:
            return "retrying"
        return "failed"
