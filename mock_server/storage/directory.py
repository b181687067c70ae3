"""Blob stores on disk: :class:`DirectoryBlobStore`, and :class:`TemporaryBlobStore` that removes its folder.

They give every guarantee of :class:`~tonn_mock.storage.blobs.BlobStore` (see :mod:`.blobs`).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import threading
import uuid
import weakref
from contextlib import AbstractContextManager
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, BinaryIO

from tonn_mock.core.clock import Clock
from tonn_mock.storage.blobs import (
    NESTED_KEYS,
    SYSTEM_CLOCK,
    BlobData,
    BlobInfo,
    OpenedBlob,
    check_max_bytes,
    chunks,
    stored_content_type,
)
from tonn_mock.storage.errors import BlobNotFound, StorageError, UnsafeKey
from tonn_mock.storage.keys import check_key

_SIDECAR_FORMAT = 1


def _info_to_json(info: BlobInfo) -> bytes:
    return json.dumps({"format": _SIDECAR_FORMAT, **asdict(info)}, indent=2).encode()


def _info_from_json(raw: bytes, key: str) -> BlobInfo:
    """Parse a sidecar, treating anything unexpected as corruption rather than guessing."""
    try:
        fields: dict[str, Any] = json.loads(raw)
        fields.pop("format")
        info = BlobInfo(**fields)
    except (ValueError, TypeError, KeyError) as exc:
        raise StorageError("Corrupt blob metadata.", f"Sidecar of {key!r}: {exc}") from exc
    if info.key != key:
        raise StorageError("Corrupt blob metadata.", f"Sidecar of {key!r} names {info.key!r}")
    return info


def _is_blob(folder: Path, name: str) -> bool:
    """Blobs are the non-dot files that have their sidecar next to them."""
    return not name.startswith(".") and (folder / f".{name}.meta.json").exists()


_MISSING = (FileNotFoundError, NotADirectoryError, IsADirectoryError)
"""What opening a key's path raises when no blob lives there."""


class FolderLock:
    """Held by one thread of one process at a time: a thread lock, then an ``flock`` on a file in
    the folder, so that stores on one folder in several processes (the workers of
    ``serve --workers``) swap and read a blob and its sidecar in turn."""

    def __init__(self, path: Path) -> None:
        self._thread_lock = threading.Lock()
        self._descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        weakref.finalize(self, os.close, self._descriptor)

    def __enter__(self) -> None:
        self._thread_lock.acquire()
        try:
            fcntl.flock(self._descriptor, fcntl.LOCK_EX)
        except BaseException:  # as the state's Writer does: a failed flock leaves no thread locked out
            self._thread_lock.release()
            raise

    def __exit__(self, *exc_info: object) -> None:
        fcntl.flock(self._descriptor, fcntl.LOCK_UN)
        self._thread_lock.release()


class DirectoryBlobStore:
    """A :class:`BlobStore` on disk: ``<root>/<key>`` plus a ``.<name>.meta.json`` sidecar.

    Bytes are streamed into ``<root>/.staging/`` (same file system), then moved into place
    with ``os.replace``; blob and sidecar are swapped together under a lock that readers also
    take while they open the pair, so metadata always matches the bytes read. Dot-names can
    never be keys, so sidecars and staging files cannot collide with blobs. A blob without a
    sidecar (a crash between the two renames) is treated as absent. Stores on one root in
    several processes share it (the lock is a :class:`FolderLock`); symlinks inside the root
    that lead outside it are refused, but tampering with the directory by anything else is not
    defended against.
    """

    _folder_is_private = False
    """Whether no other process can have a store on this folder (then a thread lock suffices)."""

    def __init__(self, root: Path, max_bytes: int, clock: Clock = SYSTEM_CLOCK) -> None:
        self._max_bytes = check_max_bytes(max_bytes)
        self._clock = clock
        self.root = Path(root)
        self._staging = self.root / ".staging"
        self._staging.mkdir(parents=True, exist_ok=True)
        self._real_root = Path(os.path.realpath(self.root))
        self._lock: AbstractContextManager[Any] = (
            threading.Lock() if self._folder_is_private else FolderLock(self.root / ".lock")
        )
        self._closed = False

    @property
    def max_bytes(self) -> int:
        return self._max_bytes

    def blob_path(self, key: str) -> Path:
        """Where the bytes of ``key`` live (for debugging and tests; the key is checked)."""
        self._check_open()
        path = self.root / check_key(key)
        if not Path(os.path.realpath(path)).is_relative_to(self._real_root):
            raise UnsafeKey(key, "resolves outside the storage root")
        return path

    def sidecar_path(self, key: str) -> Path:
        """Where the JSON metadata of ``key`` lives."""
        path = self.blob_path(key)
        return path.with_name(f".{path.name}.meta.json")

    def put(self, key: str, data: BlobData, content_type: str) -> BlobInfo:
        """Stream into staging files, then commit blob and sidecar together."""
        blob, sidecar = self.blob_path(key), self.sidecar_path(key)
        content_type = stored_content_type(content_type)
        staged: list[Path] = []
        try:
            size, digest = self._stage(data, staged)
            info = BlobInfo(key, content_type, size, digest, self._clock.now())
            self._stage_bytes(_info_to_json(info), staged)
            self._commit(key, [(staged[0], blob), (staged[1], sidecar)])
            return info
        finally:
            for path in staged:
                path.unlink(missing_ok=True)

    def copy(self, source: str, target: str) -> BlobInfo:
        """Give ``target`` the bytes ``source`` holds now: a hard link where the file system allows
        (a put swaps in a new file, so the link keeps the old bytes), else a copy."""
        blob, sidecar = self.blob_path(target), self.sidecar_path(target)
        staged: list[Path] = []
        try:
            copied = replace(self._stage_copy(source, staged), key=target, created_at=self._clock.now())
            self._stage_bytes(_info_to_json(copied), staged)
            self._commit(target, [(staged[0], blob), (staged[1], sidecar)])
            return copied
        finally:
            for path in staged:
                path.unlink(missing_ok=True)

    def _stage_copy(self, source: str, staged: list[Path]) -> BlobInfo:
        """A staging file with the bytes of ``source``, and their metadata, read together."""
        link = self._staging / f"{uuid.uuid4().hex}.link"
        blob, sidecar = self.blob_path(source), self.sidecar_path(source)
        with self._lock:
            try:
                info = _info_from_json(sidecar.read_bytes(), source)
                os.link(blob, link)
                staged.append(link)
                return info
            except _MISSING as exc:
                raise BlobNotFound(source) from exc
            except OSError:
                pass  # no hard links on this file system: copy the bytes below
        opened = self.open(source)
        with opened.stream as stream:
            self._stage(stream, staged)
        return opened.info

    def _new_staging_file(self, staged: list[Path]) -> BinaryIO:
        handle, name = tempfile.mkstemp(dir=self._staging, suffix=".part")
        staged.append(Path(name))
        return os.fdopen(handle, "wb")

    def _stage(self, data: BlobData, staged: list[Path]) -> tuple[int, str]:
        """Copy the payload to a staging file; return its size and SHA-256."""
        digest, size = hashlib.sha256(), 0
        with self._new_staging_file(staged) as out:
            for chunk in chunks(data, self._max_bytes):
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
        return size, digest.hexdigest()

    def _stage_bytes(self, payload: bytes, staged: list[Path]) -> None:
        with self._new_staging_file(staged) as out:
            out.write(payload)

    def _commit(self, key: str, moves: list[tuple[Path, Path]]) -> None:
        """Move staged files into place, under the lock readers take too."""
        with self._lock:
            self._check_open()
            try:
                moves[0][1].parent.mkdir(parents=True, exist_ok=True)
                for source, target in moves:
                    os.replace(source, target)
            except (FileExistsError, NotADirectoryError, IsADirectoryError) as exc:
                raise UnsafeKey(key, NESTED_KEYS) from exc

    def open(self, key: str) -> OpenedBlob:
        """Open bytes and read metadata under the lock; the open handle survives replacement."""
        blob, sidecar = self.blob_path(key), self.sidecar_path(key)
        with self._lock:
            try:
                info = _info_from_json(sidecar.read_bytes(), key)
                stream = blob.open("rb")
            except _MISSING as exc:
                raise BlobNotFound(key) from exc
        return OpenedBlob(info, stream)

    def get(self, key: str) -> bytes:
        with self.open(key).stream as stream:
            return stream.read()

    def info(self, key: str) -> BlobInfo | None:
        sidecar = self.sidecar_path(key)
        with self._lock:
            try:
                raw_info = sidecar.read_bytes()
            except _MISSING:
                return None
        return _info_from_json(raw_info, key)

    def delete(self, key: str) -> bool:
        """Remove sidecar, bytes and the folders left empty, so ``a/b`` no longer blocks ``a``.

        Folders are only created and removed under the lock, so this cannot race a put.
        """
        blob, sidecar = self.blob_path(key), self.sidecar_path(key)
        with self._lock:
            try:
                sidecar.unlink()
            except _MISSING:
                return False
            blob.unlink(missing_ok=True)
            self._prune(blob.parent)
            return True

    def _prune(self, folder: Path) -> None:
        """Remove ``folder`` and its parents up to (not including) the root while empty."""
        while folder != self.root:
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent

    def keys(self, prefix: str = "") -> list[str]:
        """Walk the prefix's folder for blobs that have a sidecar, skipping every dot-name."""
        self._check_open()
        found: list[str] = []
        start = os.path.join(self.root, prefix.rpartition("/")[0])
        if not os.path.isdir(start):
            return found  # the usual case of a forgotten task that left no files
        for folder, dirs, files in os.walk(start):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            base = Path(folder).relative_to(self.root)
            found += [(base / n).as_posix() for n in files if _is_blob(Path(folder), n)]
        return sorted(k for k in found if k.startswith(prefix))

    def close(self) -> None:
        """Refuse further use; the files stay (see :class:`TemporaryBlobStore` for cleanup)."""
        self._closed = True

    def _check_open(self) -> None:
        if self._closed:
            raise StorageError("Blob store is closed.", str(self.root))


class TemporaryBlobStore(DirectoryBlobStore):
    """A :class:`DirectoryBlobStore` in a fresh temporary folder, deleted by ``close()``.

    Use as a context manager in tests and for a mock server whose uploads should not outlive it.
    """

    _folder_is_private = True  # made for this store alone

    def __init__(self, max_bytes: int, clock: Clock = SYSTEM_CLOCK, prefix: str = "tonn-mock-") -> None:
        root = Path(tempfile.mkdtemp(prefix=prefix))
        self._cleanup = weakref.finalize(self, shutil.rmtree, root, ignore_errors=True)
        super().__init__(root, max_bytes, clock)

    def close(self) -> None:
        """Delete the folder and everything in it; calling twice is fine.

        A store that is never closed is still removed when it is garbage-collected or at exit.
        """
        with self._lock:
            super().close()
            self._cleanup()

    def __enter__(self) -> TemporaryBlobStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
