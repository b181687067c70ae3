"""The task record: an immutable snapshot that the store replaces on every change.

Immutability keeps the store's interface narrow (add, get, update-with-a-function, list), which
is what lets a shared implementation (e.g. SQLite behind several worker processes) replace the
in-memory one without touching routes or lifecycles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class StateChange:
    state: str
    at: float


@dataclass(frozen=True)
class Task:
    """One asynchronous Tonn job (a mix, a master, a separation, ...)."""

    id: str
    lifecycle: str
    owner: str
    request: Mapping[str, Any]
    state: str
    created_at: float
    base_url: str
    step: int = 0
    polls: int = 0
    webhook_url: str | None = None
    history: tuple[StateChange, ...] = ()
    results: Mapping[str, Any] = field(default_factory=dict)
    error: str | None = None
    planned_failure: str | None = None
    charges: frozenset[str] = frozenset()

    def moved_to(self, state: str, at: float, *, step: int | None = None) -> Task:
        return replace(
            self,
            state=state,
            step=self.step if step is None else step,
            history=(*self.history, StateChange(state, at)),
        )

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly view for the control API."""
        return {
            "id": self.id,
            "lifecycle": self.lifecycle,
            "owner": self.owner,
            "state": self.state,
            "step": self.step,
            "polls": self.polls,
            "created_at": self.created_at,
            "webhook_url": self.webhook_url,
            "history": [{"state": c.state, "at": c.at} for c in self.history],
            "results": dict(self.results),
            "error": self.error,
            "planned_failure": self.planned_failure,
            "charges": sorted(self.charges),
            "request": dict(self.request),
        }
