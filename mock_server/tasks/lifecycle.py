"""Task lifecycles: one small, explicit state machine per product (EVIDENCE §8).

A lifecycle is a transition table. While a task runs it walks the ``running`` states in order;
it then enters ``completed`` (results ready) or ``failed``. ``follow_ups`` are states reached
later by an explicit call, such as the final master (``/retrievefinalmaster``) or the final mix.
*How fast* a task walks is not decided here but by a :mod:`progression` policy.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass


class IllegalTransition(Exception):
    """A state change the product's lifecycle does not allow."""


@dataclass(frozen=True)
class Lifecycle:
    """The states of one product and the transitions between them."""

    name: str
    running: tuple[str, ...]
    completed: str
    failed: str
    follow_ups: tuple[str, ...] = ()
    schema: str | None = None
    """The spec schema that enumerates these states (e.g. ``MasteringTaskState``), if any."""

    @property
    def initial(self) -> str:
        return self.running[0]

    @property
    def steps(self) -> int:
        """Transitions from the initial state to ``completed``."""
        return len(self.running)

    @property
    def states(self) -> tuple[str, ...]:
        """Every state in the order a task walks them; the failed state last."""
        return (*self.running, self.completed, *self.follow_ups, self.failed)

    def state_at(self, step: int) -> str:
        """The state after ``step`` transitions from the initial state (capped at completed)."""
        return self.running[step] if step < len(self.running) else self.completed

    def is_running(self, state: str) -> bool:
        return state in self.running

    def is_finished(self, state: str) -> bool:
        return not self.is_running(state)

    @functools.cached_property
    def table(self) -> frozenset[tuple[str | None, str]]:
        """The transition table, built once (every transition is checked against it)."""
        return self.transitions()

    def transitions(self) -> frozenset[tuple[str | None, str]]:
        """The transition table: ``(from, to)`` pairs, ``None`` being creation."""
        chain = [None, *self.running, self.completed, *self.follow_ups]
        table = {(a, b) for a, b in itertools.pairwise(chain) if b is not None}
        table |= {(state, self.failed) for state in self.running}
        return frozenset(table)

    def check(self, current: str | None, target: str) -> None:
        if (current, target) not in self.table:
            raise IllegalTransition(f"{self.name}: {current} -> {target} is not a transition")
