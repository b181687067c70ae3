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
  put is refused with :class:`UnsafeKey`, the same on disk and in memory;
* ``copy`` keeps the bytes a key holds at that moment under a second key: replacing or deleting
  the first later leaves the copy as it was (tasks pin their inputs this way).

This module holds the protocol and the in-memory store; the stores on disk are in :mod:`.directory`.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO, NamedTuple, Protocol

from tonn_mock.core.clock import Clock, SystemClock
from tonn_mock.storage.errors import BlobNotFound, BlobTooLarge, UnsafeKey
from tonn_mock.storage.keys import check_key

SYSTEM_CLOCK: Clock = SystemClock()

DEFAULT_CONTENT_TYPE = "application/octet-stream"
"""Stored when a PUT carries no Content-Type, as GCS does."""

CHUNK = 64 * 1024
NESTED_KEYS = "collides with an existing key used as a folder or a file"


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

    def copy(self, source: str, target: str) -> BlobInfo:
        """Store the bytes ``source`` holds now also under ``target`` (:class:`BlobNotFound` if none)."""

    def delete(self, key: str) -> bool:
        """Remove the blob; return whether there was one (deleting twice is fine)."""

    def keys(self, prefix: str = "") -> list[str]:
        """Return the stored keys starting with ``prefix``, sorted."""


def chunks(data: BlobData, limit: int) -> Iterator[bytes]:
    """Yield the payload, raising :class:`BlobTooLarge` as soon as it passes ``limit``."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        payload = bytes(data)
        if len(payload) > limit:
            raise BlobTooLarge(limit, len(payload))
        yield payload
        return
    received = 0
    while chunk := data.read(min(CHUNK, limit - received + 1)):
        received += len(chunk)
        if received > limit:
            raise BlobTooLarge(limit, received)
        yield chunk


def stored_content_type(content_type: str) -> str:
    """Keep the client's Content-Type as sent (GCS does), refusing header-breaking text."""
    value = content_type.strip()
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise ValueError(f"content type {content_type!r} contains control characters")
    return value or DEFAULT_CONTENT_TYPE


def check_max_bytes(max_bytes: int) -> int:
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, got {max_bytes}")
    return max_bytes


class MemoryBlobStore:
    """A :class:`BlobStore` in a dict: fastest for in-process tests, gone with the object."""

    def __init__(self, max_bytes: int, clock: Clock = SYSTEM_CLOCK) -> None:
        self._max_bytes = check_max_bytes(max_bytes)
        self._clock = clock
        self._blobs: dict[str, tuple[BlobInfo, bytes]] = {}
        self._lock = threading.Lock()

    @property
    def max_bytes(self) -> int:
        return self._max_bytes

    def put(self, key: str, data: BlobData, content_type: str) -> BlobInfo:
        """Read everything first (outside the lock), then swap the entry in one step."""
        check_key(key)
        content_type = stored_content_type(content_type)
        payload = b"".join(chunks(data, self._max_bytes))
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
            raise UnsafeKey(key, NESTED_KEYS)

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

    def copy(self, source: str, target: str) -> BlobInfo:
        """The same bytes object under a second key: free, and unaffected by later puts."""
        check_key(target)
        info, payload = self._entry(source)
        copied = replace(info, key=target, created_at=self._clock.now())
        with self._lock:
            self._refuse_nesting(target)
            self._blobs[target] = (copied, payload)
        return copied

    def delete(self, key: str) -> bool:
        check_key(key)
        with self._lock:
            return self._blobs.pop(key, None) is not None

    def keys(self, prefix: str = "") -> list[str]:
        with self._lock:
            return sorted(k for k in self._blobs if k.startswith(prefix))
