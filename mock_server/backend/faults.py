"""Scripted faults: latency, a status for the next N calls of an operation, a seeded error rate.

Faults are data kept in the store and consulted before each public request is handled; the
control API adds and clears them. Latency is a real delay (it is what a user asked for), the
only sleeping the mock ever does.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from tonn_mock.core.errors import InjectedFault
from tonn_mock.tasks.store import Store

MAX_LATENCY = 300.0
"""Longest scripted delay: Tonn's gateway ends a request after about 300 s (EVIDENCE §1)."""


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> bool:
    """A finite int or float (``True`` is not a number here)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass
class Fault:
    """One scripted fault. ``operation`` is an operationId, a path, or ``None`` for every call."""

    operation: str | None = None
    status: int | None = None
    count: int | None = None
    latency: float = 0.0
    error_rate: float = 0.0
    seed: int | None = None
    message: str | None = None

    def __post_init__(self) -> None:
        if self.status is not None and (not _integer(self.status) or not 400 <= self.status <= 599):
            raise ValueError(f"status must be an HTTP error status (400-599), not {self.status!r}")
        if not _number(self.error_rate) or not 0.0 <= self.error_rate <= 1.0:
            raise ValueError(f"error_rate must be between 0 and 1, not {self.error_rate!r}")
        if not _number(self.latency) or not 0.0 <= self.latency <= MAX_LATENCY:
            raise ValueError(f"latency must be from 0 to {MAX_LATENCY:g} seconds, not {self.latency!r}")
        if self.count is not None and (not _integer(self.count) or self.count < 1):
            raise ValueError(f"count must be an integer >= 1, not {self.count!r}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "status": self.status,
            "count": self.count,
            "latency": self.latency,
            "error_rate": self.error_rate,
            "seed": self.seed,
            "message": self.message,
        }


class FaultBook:
    """The active faults, consulted in the order they were added, kept in the store (so every
    process sharing it consults the same faults, and a count runs down once across them)."""

    SETTING = "faults"

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, fault: Fault) -> None:
        entry = {**fault.as_dict(), "draws": 0}
        self._store.update_setting(self.SETTING, lambda faults: [*(faults or []), entry])

    def clear(self) -> None:
        self._store.update_setting(self.SETTING, lambda _: [])

    def active(self) -> list[dict[str, Any]]:
        return [_public(entry) for entry in self._store.setting(self.SETTING) or []]

    def consult(self, operation_id: str, path: str) -> tuple[float, InjectedFault | None]:
        """Latency to add and the fault to raise (if any) for this call."""
        if not self._store.setting(self.SETTING):
            return 0.0, None
        outcome: list[tuple[float, InjectedFault | None]] = []

        def consult(faults: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
            outcome.clear()  # a store may run the change again
            latency, kept, failure = 0.0, [], None
            for entry in faults or []:
                entry = dict(entry)
                if failure is None and _applies(entry, (operation_id, path)):
                    latency += entry["latency"]
                    failure = _trigger(entry)
                if entry["count"] is None or entry["count"] > 0:
                    kept.append(entry)
            outcome.append((latency, failure))
            return kept

        self._store.update_setting(self.SETTING, consult)
        return outcome[0]

    def delays(self, names_of_call: Callable[[], Collection[str] | None]) -> bool:
        """Whether a fault scripted now adds latency to a call known by the names ``names_of_call``
        gives (its operationId, its spec path; ``None``: no operation's, never delayed), asked
        only when some fault adds latency."""
        delaying = [entry for entry in self._store.setting(self.SETTING) or [] if entry["latency"]]
        if not delaying:
            return False
        names = names_of_call()
        return names is not None and any(_applies(entry, names) for entry in delaying)


def _applies(entry: dict[str, Any], names: Collection[str]) -> bool:
    """Whether a fault applies to a call known by ``names``: it names one of them, or every call."""
    return entry["operation"] is None or entry["operation"] in names


def _trigger(entry: dict[str, Any]) -> InjectedFault | None:
    """Whether this call fails by ``entry`` (counting down its ``count`` and its random draws)."""
    if entry["status"] is None:
        return None
    if entry["error_rate"]:
        entry["draws"] += 1
        if _draw(entry["seed"], entry["draws"]) >= entry["error_rate"]:
            return None
    if entry["count"] is not None:
        entry["count"] -= 1
    return InjectedFault(entry["status"], entry["message"])


def _draw(seed: int | None, number: int) -> float:
    """The ``number``-th draw of a fault's generator: repeatable for a seed, random without one."""
    if seed is None:
        return random.random()
    return random.Random(f"{seed}:{number}").random()


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in entry.items() if name != "draws"}
