"""The dispatcher's view of time, injectable so backoff schedules are testable without waiting.

Backoff waits are the only place the dispatcher waits for *time*; everything else waits for
*events* (a new delivery, a finished attempt). The ``Clock`` protocol therefore combines reading
the time with waiting on a condition for a while, and ``FakeClock`` turns every such wait into
an instant jump of its own time: a small discrete-event simulation.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

_FAKE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


class Clock(Protocol):
    """Reads monotonic and wall time and waits on a condition for up to a number of seconds."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards; backoff due times use it."""
        ...

    def wall(self) -> datetime:
        """Timezone-aware current time, stamped on attempts for humans."""
        ...

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        """Block on ``condition`` (held by the caller) for at most ``timeout`` clock seconds.

        May return early; callers re-check their state in a loop.
        """
        ...


class SystemClock:
    """Real time: ``time.monotonic``, UTC now, and ``Condition.wait`` with a timeout."""

    def monotonic(self) -> float:
        """The process's monotonic clock."""
        return time.monotonic()

    def wall(self) -> datetime:
        """The current UTC time."""
        return datetime.now(UTC)

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        """Really wait; an enqueue or a finished attempt notifies and ends the wait early."""
        condition.wait(timeout)


class FakeClock:
    """Time that only moves when someone waits for it (or a test calls :meth:`advance`).

    ``wait`` returns at once after jumping forward by ``timeout`` and records the jump in
    ``waits``, so a dispatcher's backoff of 0.5 s, 1 s, 2 s… runs instantly and the schedule can be
    asserted exactly. Reading the time never advances it, so attempt durations read as 0 ms.
    """

    def __init__(self, start: float = 0.0, wall_start: datetime = _FAKE_EPOCH) -> None:
        self._lock = threading.Lock()
        self._start = start
        self._now = start
        self._wall_start = wall_start
        self._waits: list[float] = []

    def monotonic(self) -> float:
        """The simulated monotonic time."""
        with self._lock:
            return self._now

    def wall(self) -> datetime:
        """The simulated wall time: ``wall_start`` plus the simulated seconds elapsed."""
        with self._lock:
            return self._wall_start + timedelta(seconds=self._now - self._start)

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        """Jump forward by ``timeout`` without blocking, remembering the jump."""
        with self._lock:
            self._waits.append(timeout)
            self._now += max(timeout, 0.0)

    def advance(self, seconds: float) -> None:
        """Move time forward by hand (not recorded in ``waits``)."""
        with self._lock:
            self._now += seconds

    @property
    def waits(self) -> list[float]:
        """Every jump made by :meth:`wait`, in order (a copy)."""
        with self._lock:
            return list(self._waits)
