"""The one clock of a mock instance, and its identifiers: injectable, so runs are deterministic.

Tasks stamp transitions with :meth:`Clock.now`, storage dates its objects and signed URLs with it,
and the webhook dispatcher measures attempts with :meth:`Clock.monotonic` and waits out back-off
with :meth:`Clock.wait`. The backend hands the same clock to all of them, so a :class:`FakeClock`
in a test governs everything: time moves only through :meth:`FakeClock.advance`, or when the
dispatcher waits out a back-off, which jumps the fake time forward at once instead of sleeping.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Protocol

FAKE_EPOCH = 1_767_225_600.0  # 2026-01-01T00:00:00Z


class Clock(Protocol):
    """Reads wall and monotonic time, and waits on a condition for a number of clock seconds."""

    def now(self) -> float:
        """Seconds since the epoch."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (durations, back-off due times)."""
        ...

    def wall(self) -> datetime:
        """The current time, timezone-aware, for timestamps humans read."""
        ...

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        """Block on ``condition`` (held by the caller) for at most ``timeout`` clock seconds.

        May return early; callers re-check their state in a loop.
        """
        ...


class SystemClock:
    """Real time."""

    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC)

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        """Really wait; a notify on ``condition`` ends the wait early."""
        condition.wait(timeout)


class FakeClock:
    """Time that moves only when a test calls :meth:`advance` or a waiter waits.

    :meth:`wait` returns at once after jumping forward by ``timeout`` and records the jump in
    :attr:`waits`, so a back-off of 0.5 s, 1 s, 2 s… runs instantly and its schedule can be
    asserted exactly (a small discrete-event simulation). Reading the time never moves it.
    """

    def __init__(self, start: float = FAKE_EPOCH) -> None:
        self._now = start
        self._lock = threading.Lock()
        self._waits: list[float] = []

    def now(self) -> float:
        with self._lock:
            return self._now

    def monotonic(self) -> float:
        return self.now()

    def wall(self) -> datetime:
        return datetime.fromtimestamp(self.now(), UTC)

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        with self._lock:
            self._waits.append(timeout)
            self._now += max(timeout, 0.0)

    def advance(self, seconds: float) -> float:
        """Move time forward by hand (not recorded in :attr:`waits`); returns the new time."""
        with self._lock:
            self._now += seconds
            return self._now

    @property
    def waits(self) -> list[float]:
        """Every jump made by :meth:`wait`, in order (a copy)."""
        with self._lock:
            return list(self._waits)


class IdFactory:
    """UUID4-shaped task ids; seeded factories repeat the same sequence run after run."""

    def __init__(self, seed: int | None = None) -> None:
        self._random = random.Random(seed) if seed is not None else None
        self._lock = threading.Lock()

    def uuid(self) -> str:
        if self._random is None:
            return str(uuid.uuid4())
        with self._lock:
            return str(uuid.UUID(int=self._random.getrandbits(128), version=4))

    def new(self, prefix: str = "") -> str:
        return f"{prefix}{self.uuid()}"
