"""Blob stores: where uploaded audio and produced results live while the mock runs.

This simulates the GCS bucket behind Tonn's signed URLs, not GCS itself: one flat namespace of
keys (see :mod:`.keys`), whole-object writes, a content type and a SHA-256 per object. Not
simulated: buckets, ACLs, generations/versioning, resumable or multipart uploads, ranges.

Guarantees every implementation of :class:`BlobStore` gives:

* a ``put`` is all-or-nothing: a failed, interrupted or oversized upload leaves neither a
  partial blob nor damage to the blob already stored under that key;
* ``max_bytes`` is enforced while reading, so a 413 needs no more than ``max_bytes + 1`` bytes;
* concurrent puts to different keys are independent, and a reader racing a writer on the same
  key sees the old or the new blob (data and metadata together), never a mix;
* a key cannot be both a blob and a "directory" of other blobs (``a`` and ``a/b``): the second
  put is refused with :class:`UnsafeKey`, the same on disk and in memory.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, Protocol

from tonn_mock.core.clock import Clock, SystemClock
from tonn_mock.storage.errors import BlobNotFound, BlobTooLarge, StorageError, UnsafeKey
from tonn_mock.storage.keys import check_key

SYSTEM_CLOCK: Clock = SystemClock()

DEFAULT_CONTENT_TYPE = "application/octet-stream"
"""Stored when a PUT carries no Content-Type, as GCS does."""

_CHUNK = 64 * 1024
_SIDECAR_FORMAT = 1
_NESTED = "collides with an existing key used as a folder or a file"


class ReadableStream(Protocol):
    """Anything with a blocking ``read(size)``: files, ``BytesIO``, a WSGI input stream."""

    def read(self, size: int, /) -> bytes:
        """Return up to ``size`` bytes; ``b""`` (or ``None``) means end of stream."""


BlobData = bytes | ReadableStream
"""What ``put`` accepts: the whole payload, or a stream read in chunks."""


@dataclass(frozen=True)
class BlobInfo:
    """Metadata kept next to every blob (on disk: the JSON sidecar)."""

    key: str
    content_type: str
    size: int
    sha256: str
    created_at: float


class OpenedBlob(NamedTuple):
    """A blob's metadata plus a stream of exactly the bytes that metadata describes."""

    info: BlobInfo
    stream: BinaryIO


class BlobStore(Protocol):
    """The narrow seam routes and the task store use; swap implementations freely in tests."""

    @property
    def max_bytes(self) -> int:
        """Largest accepted blob, so a route can refuse on Content-Length before reading."""

    def put(self, key: str, data: BlobData, content_type: str) -> BlobInfo:
        """Store ``data`` under ``key`` atomically, replacing any previous blob."""

    def get(self, key: str) -> bytes:
        """Return the whole blob or raise :class:`BlobNotFound`."""

    def open(self, key: str) -> OpenedBlob:
        """Return metadata and a stream for large downloads; the caller closes the stream."""

    def info(self, key: str) -> BlobInfo | None:
        """Return the blob's metadata, or ``None`` when there is no such blob."""

    def delete(self, key: str) -> bool:
        """Remove the blob; return whether there was one (deleting twice is fine)."""

    def keys(self, prefix: str = "") -> list[str]:
        """Return the stored keys starting with ``prefix``, sorted."""


def _chunks(data: BlobData, limit: int) -> Iterator[bytes]:
    """Yield the payload, raising :class:`BlobTooLarge` as soon as it passes ``limit``."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        payload = bytes(data)
        if len(payload) > limit:
            raise BlobTooLarge(limit, len(payload))
        yield payload
        return
    received = 0
    while chunk := data.read(min(_CHUNK, limit - received + 1)):
        received += len(chunk)
        if received > limit:
            raise BlobTooLarge(limit, received)
        yield chunk


def _stored_content_type(content_type: str) -> str:
    """Keep the client's Content-Type as sent (GCS does), refusing header-breaking text."""
    value = content_type.strip()
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise ValueError(f"content type {content_type!r} contains control characters")
    return value or DEFAULT_CONTENT_TYPE


def _check_max_bytes(max_bytes: int) -> int:
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, got {max_bytes}")
    return max_bytes


class MemoryBlobStore:
    """A :class:`BlobStore` in a dict: fastest for in-process tests, gone with the object."""

    def __init__(self, max_bytes: int, clock: Clock = SYSTEM_CLOCK) -> None:
        self._max_bytes = _check_max_bytes(max_bytes)
        self._clock = clock
        self._blobs: dict[str, tuple[BlobInfo, bytes]] = {}
        self._lock = threading.Lock()

    @property
    def max_bytes(self) -> int:
        return self._max_bytes

    def put(self, key: str, data: BlobData, content_type: str) -> BlobInfo:
        """Read everything first (outside the lock), then swap the entry in one step."""
        check_key(key)
        content_type = _stored_content_type(content_type)
        payload = b"".join(_chunks(data, self._max_bytes))
        info = BlobInfo(
            key, content_type, len(payload), hashlib.sha256(payload).hexdigest(), self._clock.now()
        )
        with self._lock:
            self._refuse_nesting(key)
            self._blobs[key] = (info, payload)
        return info

    def _refuse_nesting(self, key: str) -> None:
        """Mirror the directory store, where ``a`` and ``a/b`` cannot both exist."""
        parts = key.split("/")
        parents = {"/".join(parts[:i]) for i in range(1, len(parts))}
        if parents & self._blobs.keys() or any(k.startswith(key + "/") for k in self._blobs):
            raise UnsafeKey(key, _NESTED)

    def _entry(self, key: str) -> tuple[BlobInfo, bytes]:
        check_key(key)
        with self._lock:
            entry = self._blobs.get(key)
        if entry is None:
            raise BlobNotFound(key)
        return entry

    def get(self, key: str) -> bytes:
        return self._entry(key)[1]

    def open(self, key: str) -> OpenedBlob:
        info, payload = self._entry(key)
        return OpenedBlob(info, io.BytesIO(payload))

    def info(self, key: str) -> BlobInfo | None:
        try:
            return self._entry(key)[0]
        except BlobNotFound:
            return None

    def delete(self, key: str) -> bool:
        check_key(key)
        with self._lock:
            return self._blobs.pop(key, None) is not None

    def keys(self, prefix: str = "") -> list[str]:
        with self._lock:
            return sorted(k for k in self._blobs if k.startswith(prefix))


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


class DirectoryBlobStore:
    """A :class:`BlobStore` on disk: ``<root>/<key>`` plus a ``.<name>.meta.json`` sidecar.

    Bytes are streamed into ``<root>/.staging/`` (same file system), then moved into place
    with ``os.replace``; blob and sidecar are swapped together under a lock that readers also
    take while they open the pair, so metadata always matches the bytes read. Dot-names can
    never be keys, so sidecars and staging files cannot collide with blobs. A blob without a
    sidecar (a crash between the two renames) is treated as absent. One store per root;
    symlinks inside the root that lead outside it are refused, but concurrent tampering with
    the directory by another process is not defended against.
    """

    def __init__(self, root: Path, max_bytes: int, clock: Clock = SYSTEM_CLOCK) -> None:
        self._max_bytes = _check_max_bytes(max_bytes)
        self._clock = clock
        self.root = Path(root)
        self._staging = self.root / ".staging"
        self._staging.mkdir(parents=True, exist_ok=True)
        self._real_root = Path(os.path.realpath(self.root))
        self._lock = threading.Lock()
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
        content_type = _stored_content_type(content_type)
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

    def _new_staging_file(self, staged: list[Path]) -> BinaryIO:
        handle, name = tempfile.mkstemp(dir=self._staging, suffix=".part")
        staged.append(Path(name))
        return os.fdopen(handle, "wb")

    def _stage(self, data: BlobData, staged: list[Path]) -> tuple[int, str]:
        """Copy the payload to a staging file; return its size and SHA-256."""
        digest, size = hashlib.sha256(), 0
        with self._new_staging_file(staged) as out:
            for chunk in _chunks(data, self._max_bytes):
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
                raise UnsafeKey(key, _NESTED) from exc

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
        found = []
        start = self.root / prefix.rpartition("/")[0]
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
