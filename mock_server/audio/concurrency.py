"""Running independent measurements on several cores.

SciPy's filter loops (``upfirdn``, ``sosfilt``, ``lfilter``) and NumPy's matrix products release
the GIL, so plain threads give real parallelism: the loudness measurement runs while the
true-peak scan does, and the channels of one file are filtered side by side. Jobs share no state,
so results are identical to running them one after another; only the wall-clock time changes. A
pool is created per call (well under a millisecond) so nothing lives at module level.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")
T = TypeVar("T")


def _workers(jobs: int) -> int:
    """Threads worth starting: no more than jobs or cores."""
    return max(1, min(jobs, os.cpu_count() or 1))


def both(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """Run two independent jobs at once and return both results."""
    if _workers(2) == 1:
        return first(), second()
    with ThreadPoolExecutor(max_workers=2) as pool:
        pending = pool.submit(second)
        return first(), pending.result()


def each(function: Callable[[T], A], items: Sequence[T]) -> list[A]:
    """``[function(item) for item in items]``, with the calls spread over the cores."""
    workers = _workers(len(items))
    if workers == 1:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))
