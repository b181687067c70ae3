"""Injectable time and identifiers, so runs are deterministic and tests never sleep."""

from __future__ import annotations

import random
import threading
import time
import uuid
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""


class SystemClock:
    def now(self) -> float:
        return time.time()


class FakeClock:
    """A clock that moves only when told to (``advance``)."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        with self._lock:
            self._now += seconds
            return self._now


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
