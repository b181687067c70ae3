"""Scripted faults: latency, a status for the next N calls of an operation, a seeded error rate.

Faults are data held by the backend and consulted before each public request is handled; the
control API adds and clears them. Latency is a real delay (it is what a user asked for), the
only sleeping the mock ever does.
"""

from __future__ import annotations

import math
import random
import threading
from dataclasses import dataclass, field
from typing import Any

from tonn_mock.core.errors import InjectedFault

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
    _random: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.status is not None and (not _integer(self.status) or not 400 <= self.status <= 599):
            raise ValueError(f"status must be an HTTP error status (400-599), not {self.status!r}")
        if not _number(self.error_rate) or not 0.0 <= self.error_rate <= 1.0:
            raise ValueError(f"error_rate must be between 0 and 1, not {self.error_rate!r}")
        if not _number(self.latency) or not 0.0 <= self.latency <= MAX_LATENCY:
            raise ValueError(f"latency must be from 0 to {MAX_LATENCY:g} seconds, not {self.latency!r}")
        if self.count is not None and (not _integer(self.count) or self.count < 1):
            raise ValueError(f"count must be an integer >= 1, not {self.count!r}")
        self._random = random.Random(self.seed)

    def matches(self, operation_id: str, path: str) -> bool:
        return self.operation in (None, operation_id, path)

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
    """The active faults, consulted in the order they were added."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def active(self) -> list[dict[str, Any]]:
        with self._lock:
            return [f.as_dict() for f in self._faults]

    def consult(self, operation_id: str, path: str) -> tuple[float, InjectedFault | None]:
        """Latency to add and the fault to raise (if any) for this call."""
        latency = 0.0
        with self._lock:
            for fault in list(self._faults):
                if not fault.matches(operation_id, path):
                    continue
                latency += fault.latency
                failure = self._trigger(fault)
                if failure is not None:
                    return latency, failure
        return latency, None

    def _trigger(self, fault: Fault) -> InjectedFault | None:
        if fault.status is None:
            return None
        if fault.error_rate and fault._random.random() >= fault.error_rate:
            return None
        if fault.count is not None:
            fault.count -= 1
            if fault.count == 0:
                self._faults.remove(fault)
        return InjectedFault(fault.status, fault.message)
