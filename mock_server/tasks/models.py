"""The task record: an immutable snapshot that the store replaces on every change.

Immutability keeps the store's interface narrow (add, get, update-with-a-function, list), which
is what lets a shared implementation (e.g. SQLite behind several worker processes) replace the
in-memory one without touching routes or lifecycles. A mock keeps thousands of finished tasks, so a
record is lean for the garbage collector: slots, and a history of plain tuples, which it stops
tracking.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple


class StateChange(NamedTuple):
    state: str
    at: float


@dataclass(frozen=True, slots=True)
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
    running: bool = True
    """False once the task reached its completed or failed state (kept in step by the service)."""

    def moved_to(self, state: str, at: float, *, step: int | None = None, **changes: Any) -> Task:
        """The task in ``state`` since ``at`` (its history grows by one), with ``changes`` made."""
        return replace(
            self,
            state=state,
            step=self.step if step is None else step,
            history=(*self.history, StateChange(state, at)),
            **changes,
        )

    def record(self) -> dict[str, Any]:
        """Every field as JSON data (what a shared store saves); :meth:`from_record` reverses it."""
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record.update(
            request=dict(self.request),
            results=dict(self.results),
            history=[[change.state, change.at] for change in self.history],
            charges=sorted(self.charges),
        )
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Task:
        return cls(
            **{
                **record,
                "history": tuple(StateChange(state, at) for state, at in record["history"]),
                "charges": frozenset(record["charges"]),
            }
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
            "running": self.running,
            "request": dict(self.request),
        }
