"""Result files rendered when first downloaded.

A task's outcome (success or the FAILED state) is decided when it completes, from its inputs'
headers and first samples. The audio files themselves (masters, previews, stems) are rendered from the same
inputs the first time their signed URL is fetched, then kept in blob storage. Renders are pure
functions of the request, so the bytes are the same whenever they are produced, and a mock
that never has its downloads fetched never pays for encoding them.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar, cast

from tonn_mock.storage import BlobStore

Render = Callable[[], bytes]
T = TypeVar("T")


class SharedSteps:
    """The expensive steps several renders of one task share (the master behind both the preview
    and the final file), computed once while in use and then let go.

    A bounded number of recent steps is kept, so pending renders hold no audio and a long-running
    mock's memory stays flat however many tasks were never downloaded.
    """

    def __init__(self, keep: int = 4) -> None:
        self._keep = keep
        self._done: OrderedDict[str, Any] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, name: str, compute: Callable[[], T]) -> T:
        """The step ``name``, computed by ``compute`` unless a recent call already did."""
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            with self._guard:
                if name in self._done:
                    self._done.move_to_end(name)
                    return cast(T, self._done[name])
            value = compute()
            with self._guard:
                self._done[name] = value
                while len(self._done) > self._keep:
                    oldest, _ = self._done.popitem(last=False)
                    self._locks.pop(oldest, None)
            return value

    def step(self, name: str, compute: Callable[[], T]) -> Callable[[], T]:
        """``compute`` as a shared step: a callable to hand to several renders."""
        return functools.partial(self.get, name, compute)


KEEP_FOLDERS = 256
"""The tasks (result folders) whose pending renders a process holds at most."""


class DeferredResults:
    """Pending result files by storage key, rendered at most once each (in this process).

    A key that is neither pending nor stored belongs to a task this process did not complete
    (another worker did, or a run before a restart), or to one whose renders were let go:
    ``restore(folder)`` registers that task's renders again from its stored record, then the key
    renders as usual. So only the renders of the newest ``keep_folders`` tasks are held (each
    is a few closures the garbage collector would otherwise scan in every full collection, for
    every task the mock keeps); without ``restore`` every one is held.
    """

    def __init__(
        self,
        blobs: BlobStore,
        restore: Callable[[str], None] | None = None,
        keep_folders: int = KEEP_FOLDERS,
        still_kept: Callable[[str], bool] | None = None,
    ) -> None:
        self._blobs = blobs
        self._restore = restore
        self._still_kept = still_kept
        """Whether a folder's owner is still kept, asked before a render when another process may
        have forgotten it (past the retention limit) since this one registered its renders."""
        self._keep = keep_folders
        self._pending: dict[str, tuple[str, Render]] = {}
        self._by_folder: OrderedDict[str, set[str]] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def defer(self, key: str, content_type: str, render: Render) -> str:
        """Register how to produce ``key``; returns ``key`` for use in a task's results."""
        folder = _task_folder(key)
        with self._guard:
            self._pending[key] = (content_type, render)
            self._locks.setdefault(key, threading.Lock())
            self._by_folder.setdefault(folder, set()).add(key)
            self._by_folder.move_to_end(folder)
            while self._restore is not None and len(self._by_folder) > self._keep:
                self._let_go(next(iter(self._by_folder)))
        return key

    def forget(self, folder: str) -> None:
        """Drop the pending renders in ``folder`` (the files of a task that is forgotten)."""
        with self._guard:
            self._let_go(folder.rstrip("/"))

    def is_pending(self, key: str) -> bool:
        with self._guard:
            return key in self._pending

    def ensure(self, key: str) -> None:
        """Render and store ``key`` if it is still pending (concurrent callers wait for one render)."""
        with self._guard:
            lock = self._locks.get(key)
        if lock is None and self._restore is not None and self._blobs.info(key) is None:
            self._restore(_task_folder(key))
            with self._guard:
                lock = self._locks.get(key)
        if lock is None:
            return
        with lock:
            with self._guard:
                entry = self._pending.get(key)
            if entry is None:
                return
            if self._still_kept is not None and not self._still_kept(_task_folder(key)):
                with self._guard:
                    self._let_go(_task_folder(key))
                return
            content_type, render = entry
            self._blobs.put(key, render(), content_type)
            with self._guard:
                self._pending.pop(key, None)
                self._locks.pop(key, None)
                self._by_folder.get(_task_folder(key), set()).discard(key)

    def _let_go(self, folder: str) -> None:
        """Drop the pending renders of ``folder`` (called with the guard held)."""
        for key in self._by_folder.pop(folder, set()):
            self._pending.pop(key, None)
            self._locks.pop(key, None)


def _task_folder(key: str) -> str:
    """``results/<task id>`` of ``results/<task id>/stems/bass.wav``: where a task's files live."""
    return "/".join(key.split("/", 2)[:2])
