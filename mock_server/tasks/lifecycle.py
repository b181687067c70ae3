"""Task lifecycles: one small, explicit state machine per product (dossier §8).

A lifecycle is a transition table. While a task runs it walks the ``running`` states in order;
it then enters ``completed`` (results ready) or ``failed``. ``follow_ups`` are states reached
later by an explicit call, such as the final master (``/retrievefinalmaster``) or the final mix.
*How fast* a task walks is not decided here but by a :mod:`progression` policy.
"""

from __future__ import annotations

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

    @property
    def initial(self) -> str:
        return self.running[0]

    @property
    def steps(self) -> int:
        """Transitions from the initial state to ``completed``."""
        return len(self.running)

    def state_at(self, step: int) -> str:
        """The state after ``step`` transitions from the initial state (capped at completed)."""
        return self.running[step] if step < len(self.running) else self.completed

    def is_running(self, state: str) -> bool:
        return state in self.running

    def is_finished(self, state: str) -> bool:
        return not self.is_running(state)

    def transitions(self) -> frozenset[tuple[str | None, str]]:
        """The transition table: ``(from, to)`` pairs, ``None`` being creation."""
        chain = [None, *self.running, self.completed, *self.follow_ups]
        table = {(a, b) for a, b in itertools.pairwise(chain) if b is not None}
        table |= {(state, self.failed) for state in self.running}
        return frozenset(table)

    def check(self, current: str | None, target: str) -> None:
        if (current, target) not in self.transitions():
            raise IllegalTransition(f"{self.name}: {current} -> {target} is not a transition")


MIX_PREVIEW = Lifecycle(
    name="mix",
    running=("MIX_TASK_PENDING", "MIX_TASK_ANALYSIS", "MIX_TASK_APPLY_FX"),
    completed="MIX_TASK_PREVIEW_COMPLETED",
    failed="MIX_TASK_FAILED",
    follow_ups=("MIX_TASK_COMPLETED",),
)
MASTERING = Lifecycle(
    name="mastering",
    running=("MASTERING_TASK_PENDING",),
    completed="MASTERING_TASK_PREVIEW_COMPLETED",
    failed="MASTERING_TASK_FAILED",
    follow_ups=("MASTERING_TASK_FINAL_COMPLETED",),
)
_REVIVE_STEPS = (
    "MIXREVIVE_TASK_STARTED",
    "MIXREVIVE_TASK_SEPARATION",
    "MIXREVIVE_TASK_MIX_MASTER_ENHANCEMENT",
    "MIXREVIVE_TASK_MIX_MASTER_CORRECTION",
)
ENHANCE_PREVIEW = Lifecycle(
    name="enhance_preview",
    running=_REVIVE_STEPS,
    completed="MIXREVIVE_TASK_PREVIEW_COMPLETED",
    failed="MIXREVIVE_TASK_FAILED",
)
# A full enhancement reports the preview on its way to the full result (dossier §9, P2).
ENHANCE_FULL = Lifecycle(
    name="enhance",
    running=(*_REVIVE_STEPS, "MIXREVIVE_TASK_PREVIEW_COMPLETED"),
    completed="MIXREVIVE_TASK_COMPLETED",
    failed="MIXREVIVE_TASK_FAILED",
)
SEPARATION = Lifecycle(
    name="separation", running=("pending", "started"), completed="completed", failed="failed"
)
RECOMBINE = Lifecycle(
    name="recombine", running=("pending", "started"), completed="completed", failed="failed"
)
POSTPROD = Lifecycle(
    name="postprod",
    running=("POSTPROD_TASK_PENDING", "POSTPROD_TASK_PROCESSING"),
    completed="POSTPROD_TASK_PREVIEW_COMPLETED",
    failed="POSTPROD_TASK_FAILED",
)

LIFECYCLES = {
    lc.name: lc
    for lc in (MIX_PREVIEW, MASTERING, ENHANCE_PREVIEW, ENHANCE_FULL, SEPARATION, RECOMBINE, POSTPROD)
}
