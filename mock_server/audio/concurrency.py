"""Running independent measurements on several cores.

SciPy's filter loops (``upfirdn``, ``lfilter``) release the GIL, so plain threads give real
parallelism: a stereo file's channels are oversampled side by side, and a loudness measurement
runs while the true-peak scan does. Jobs share no state, so results are identical to running them
one after another; only the wall-clock time changes. A pool is created per call (a few hundred
microseconds) so nothing lives at module level.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")
T = TypeVar("T")
R = TypeVar("R")


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


def each(function: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """``[function(item) for item in items]``, spread over the available cores, order kept."""
    work = list(items)
    workers = _workers(len(work))
    if workers == 1:
        return [function(item) for item in work]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, work))
