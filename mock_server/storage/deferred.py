"""Result files rendered when first downloaded.

A task's outcome (success or the FAILED state, preview start times, measurements shown in
response bodies) is decided when it completes; that needs only decoding, checking and light
analysis. The audio files themselves (masters, previews, stems) are rendered from the same
inputs the first time their signed URL is fetched, then kept in blob storage. Renders are pure
functions of the request, so the bytes are the same whenever they are produced, and a mock
that never has its downloads fetched never pays for encoding them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from tonn_mock.storage import BlobStore

Render = Callable[[], bytes]
T = TypeVar("T")


def once(compute: Callable[[], T]) -> Callable[[], T]:
    """``compute``, run at most once even when called from several threads at the same time.

    The renders of one task share their expensive step (e.g. the master behind both the preview
    and the final file) through this.
    """
    lock = threading.Lock()
    done: list[T] = []

    def cached() -> T:
        with lock:
            if not done:
                done.append(compute())
            return done[0]

    return cached


class DeferredResults:
    """Pending result files by storage key, rendered at most once each."""

    def __init__(self, blobs: BlobStore) -> None:
        self._blobs = blobs
        self._pending: dict[str, tuple[str, Render]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def defer(self, key: str, content_type: str, render: Render) -> str:
        """Register how to produce ``key``; returns ``key`` for use in a task's results."""
        with self._guard:
            self._pending[key] = (content_type, render)
            self._locks.setdefault(key, threading.Lock())
        return key

    def is_pending(self, key: str) -> bool:
        with self._guard:
            return key in self._pending

    def ensure(self, key: str) -> None:
        """Render and store ``key`` if it is still pending (concurrent callers wait for one render)."""
        with self._guard:
            lock = self._locks.get(key)
        if lock is None:
            return
        with lock:
            with self._guard:
                entry = self._pending.get(key)
            if entry is None:
                return
            content_type, render = entry
            self._blobs.put(key, render(), content_type)
            with self._guard:
                self._pending.pop(key, None)
                self._locks.pop(key, None)
