"""What a contract run did: generated cases, stateful steps, wall time, credits, known divergences.

One :class:`RunReport` per pytest session; the tests feed it and ``pytest_terminal_summary``
prints it, so every run says how much it tested, how long it took and what it would cost live.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from schemathesis import Case, Response

from .checks import body_of, operation_id
from .divergences import Divergence
from .knowledge import CHARGED_OPERATIONS, FX_SETTINGS_COST
from .target import Target


@dataclass
class RunReport:
    """Counters of one run; safe to update from several threads."""

    target: Target | None = None
    settings: str = ""
    cases: Counter[str] = field(default_factory=Counter)
    scenarios: int = 0
    steps: Counter[str] = field(default_factory=Counter)
    credits: Counter[str] = field(default_factory=Counter)
    divergences: Counter[str] = field(default_factory=Counter)
    reports: dict[str, str] = field(default_factory=dict)
    remote_runs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def case_sent(self, case: Case[Any], stateful: bool = False) -> None:
        with self._lock:
            if stateful:
                self.steps[case.operation.label] += 1
            else:
                self.cases[case.operation.label] += 1

    def answered(self, case: Case[Any], response: Response) -> None:
        """Count the credits a live run would be charged for this answer."""
        op = operation_id(case) or ""
        body = body_of(response)
        with self._lock:
            if response.status_code != 200 or (isinstance(body, dict) and body.get("error") is True):
                return
            if op in CHARGED_OPERATIONS:
                self.credits[op] += CHARGED_OPERATIONS[op]
            if asks_for_fx_settings(case.body):
                self.credits["retrieveFXSettings"] += FX_SETTINGS_COST

    def scenario_done(self) -> None:
        with self._lock:
            self.scenarios += 1

    def divergence_seen(self, divergence: Divergence) -> None:
        with self._lock:
            self.divergences[divergence.key] += 1
            self.reports[divergence.key] = divergence.report

    def add_time(self, seconds: float) -> None:
        with self._lock:
            self.seconds += seconds

    def lines(self) -> list[str]:
        """The summary printed after the run (nothing when no contract test ran)."""
        if self.target is None:
            return list(self.remote_runs)
        total = sum(self.cases.values())
        lines = [
            f"target: {self.target.label}; {self.settings}",
            f"{total} generated test cases over {len(self.cases)} operations, {self.scenarios} stateful "
            f"scenarios ({sum(self.steps.values())} calls over {len(self.steps)} operations), "
            f"wall time {self.seconds:.1f} s",
            self._cost_line(),
            *self.remote_runs,
        ]
        if not self.target.allow_charges:
            excluded = ", ".join(f"{op} ({cost})" for op, cost in sorted(CHARGED_OPERATIONS.items()))
            lines.append(
                f"credit-safe: charged operations excluded: {excluded}; FX settings never requested "
                f"({FX_SETTINGS_COST} each). --tonn-allow-charges includes them."
            )
        for key, count in sorted(self.divergences.items()):
            lines.append(
                f"known divergence {key} seen {count}x (passed; --tonn-strict fails it): {self.reports[key]}"
            )
        return lines

    def _cost_line(self) -> str:
        spent = sum(self.credits.values())
        detail = (
            ", ".join(f"{op} {credits}" for op, credits in sorted(self.credits.items())) or "nothing charged"
        )
        if self.target is not None and self.target.kind.name == "LIVE":
            return f"credits charged by this run: at most {spent} ({detail})"
        return f"against live Tonn this run would cost at most {spent} credits ({detail})"


def asks_for_fx_settings(body: object) -> bool:
    """``/retrievepreviewmix`` with ``retrieveFXSettings: true`` (charged)."""
    data = body.get("multitrackData") if isinstance(body, dict) else None
    return isinstance(data, dict) and data.get("retrieveFXSettings") is True
