"""Failures the suite knows how to read: Tonn semantics schemathesis gets wrong, and open findings.

Two kinds, both matched narrowly (operation, failure type, and the answer's own words):

* :data:`TONN_SEMANTICS` are not failures at all. Tonn's gateway (Google Cloud Endpoints)
  answers an *invalid* key with ``400 "API key not valid"``, where schemathesis's
  ``ignored_auth`` expects 401/403; a 400 still refuses the request, so auth is enforced.
* :data:`KNOWN_DIVERGENCES` are real findings already reported but not yet fixed where they live
  (the mock's area packages being edited elsewhere, or the document). They are counted and printed
  after the run instead of failing it; ``--tonn-strict`` makes them fail again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemathesis import Case, Response
from schemathesis.core.failures import Failure
from schemathesis.openapi.checks import IgnoredAuth


@dataclass(frozen=True)
class Divergence:
    """One known finding: where it shows, how to recognise it, and what was reported."""

    key: str
    operation: str
    failure: type[Failure]
    answer_says: tuple[str, ...]
    report: str

    def matches(self, failure: Failure, case: Case[Any], response: Response) -> bool:
        return (
            isinstance(failure, self.failure)
            and case.operation.label == self.operation
            and any(words in response.content.decode("utf-8", "replace") for words in self.answer_says)
        )


KNOWN_DIVERGENCES: tuple[Divergence, ...] = ()


def is_tonn_auth_refusal(failure: Failure) -> bool:
    """An invalid key refused with Tonn's gateway 400: enforcement, not ``ignored_auth``."""
    return isinstance(failure, IgnoredAuth) and failure.message.startswith("Expected 401 or 403, got `400 ")


def known_divergence(failure: Failure, case: Case[Any], response: Response) -> Divergence | None:
    return next((known for known in KNOWN_DIVERGENCES if known.matches(failure, case, response)), None)
