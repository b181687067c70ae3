"""Progression policies: how fast a task walks its lifecycle.

A policy only answers "how many steps should this task have taken by now?". The task service
compares that with the steps already taken, performs the missing transitions (firing webhooks for
each) and never moves a task backwards. Control-API calls (advance, complete, fail) move tasks
independently of the policy.

* ``immediate``     - complete at creation (the default: fast, deterministic tests);
* ``after_polls:N`` - the first N polls answer "still processing", poll N+1 sees the result;
* ``after_seconds:T`` - complete T seconds after creation, by the injected clock;
* ``manual``        - only the control API moves tasks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

MAX_POLLS = 2**63 - 1
MAX_SECONDS = 10 * 365 * 86400.0
"""Ten years: ``after_seconds`` takes a finite delay (``inf`` and ``nan`` are refused)."""


class ProgressionPolicy(Protocol):
    @property
    def name(self) -> str: ...

    def target_step(self, steps: int, polls: int, elapsed: float) -> int:
        """Steps (out of ``steps``) a task should have taken after ``polls`` polls and ``elapsed`` s."""

    def describe(self) -> str:
        """The policy in the ``name[:value]`` form accepted by :func:`parse_policy`."""


@dataclass(frozen=True)
class Immediate:
    name: str = "immediate"

    def target_step(self, steps: int, polls: int, elapsed: float) -> int:
        return steps

    def describe(self) -> str:
        return self.name


@dataclass(frozen=True)
class AfterPolls:
    polls: int
    name: str = "after_polls"

    def target_step(self, steps: int, polls: int, elapsed: float) -> int:
        if polls > self.polls:
            return steps
        return min(steps - 1, polls * steps // (self.polls + 1))

    def describe(self) -> str:
        return f"{self.name}:{self.polls}"


@dataclass(frozen=True)
class AfterSeconds:
    seconds: float
    name: str = "after_seconds"

    def target_step(self, steps: int, polls: int, elapsed: float) -> int:
        if elapsed >= self.seconds:
            return steps
        return min(steps - 1, math.floor(elapsed / self.seconds * steps))

    def describe(self) -> str:
        return f"{self.name}:{self.seconds:g}"

    def due_in(self, steps: int, step: int, elapsed: float) -> float:
        """Seconds until the task's next step is due (for the background ticker)."""
        return max(0.0, self.seconds * (step + 1) / steps - elapsed)


@dataclass(frozen=True)
class Manual:
    name: str = "manual"

    def target_step(self, steps: int, polls: int, elapsed: float) -> int:
        return 0

    def describe(self) -> str:
        return self.name


def parse_policy(text: str) -> ProgressionPolicy:
    """Parse ``immediate``, ``manual``, ``after_polls:N`` or ``after_seconds:T``."""
    name, _, value = text.strip().partition(":")
    try:
        if name == "immediate" and not value:
            return Immediate()
        if name == "manual" and not value:
            return Manual()
        if name == "after_polls" and 0 <= int(value) <= MAX_POLLS:
            return AfterPolls(int(value))
        if name == "after_seconds" and 0 <= float(value) <= MAX_SECONDS:
            return AfterSeconds(float(value))
    except ValueError:
        pass
    raise ValueError(
        f"invalid progression policy {text!r}: use immediate, manual, after_polls:N or after_seconds:T"
    )
