"""Threads: independent puts do not interfere; a reader racing a writer sees old or new."""

from __future__ import annotations

import hashlib
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tonn_mock.storage import BlobStore, DirectoryBlobStore

from .helpers import LIMIT

KEY = "results/task-1/master.wav"
# Two versions that differ in bytes *and* metadata, each larger than one write chunk.
VERSIONS = {b"o" * 300_001: "audio/wav", b"n" * 200_003: "audio/mpeg"}
WRITES = 40
WORKERS = 8


def test_concurrent_puts_to_different_keys_all_land(store: BlobStore) -> None:
    barrier = threading.Barrier(WORKERS)

    def upload(worker: int) -> dict[str, bytes]:
        barrier.wait(timeout=5)
        written = {}
        for n in range(10):
            key, payload = f"uploads/w{worker}/f{n}.wav", f"{worker}:{n}".encode() * 999
            store.put(key, io.BytesIO(payload), "audio/wav")
            written[key] = payload
        return written

    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(upload, range(WORKERS)))
    expected = {key: payload for written in results for key, payload in written.items()}
    assert store.keys() == sorted(expected)
    assert all(store.get(key) == payload for key, payload in expected.items())


def _write_alternately(store: BlobStore, offset: int) -> None:
    versions = list(VERSIONS.items())
    for n in range(WRITES):
        payload, content_type = versions[(n + offset) % 2]
        store.put(KEY, io.BytesIO(payload), content_type)


def _read_until(store: BlobStore, done: threading.Event) -> int:
    """Read (bytes + metadata) until the writers finish; fail on any torn or mixed read."""
    reads = 0
    while not done.is_set() or reads < 5:
        opened = store.open(KEY)
        with opened.stream as stream:
            data = stream.read()
        assert VERSIONS.get(data) == opened.info.content_type, "torn read or stale metadata"
        assert opened.info.sha256 == hashlib.sha256(data).hexdigest()
        assert opened.info.size == len(data)
        assert store.get(KEY) in VERSIONS
        reads += 1
    return reads


def test_readers_racing_writers_see_old_or_new_never_partial(store: BlobStore) -> None:
    first = next(iter(VERSIONS.items()))
    store.put(KEY, *first)
    done = threading.Event()
    with ThreadPoolExecutor(5) as pool:
        writers = [pool.submit(_write_alternately, store, offset) for offset in (0, 1)]
        readers = [pool.submit(_read_until, store, done) for _ in range(3)]
        for writer in writers:
            writer.result(timeout=30)
        done.set()
        assert all(reader.result(timeout=30) >= 5 for reader in readers)
    assert store.get(KEY) in VERSIONS


def test_workers_sharing_a_storage_folder_read_old_or_new_never_a_mix(tmp_path: Path) -> None:
    """Each worker of ``serve --workers`` has its own store on the shared folder: one replacing a
    file while another serves it hands out the old bytes with their metadata, or the new ones."""
    writer, reader = (DirectoryBlobStore(tmp_path, max_bytes=LIMIT) for _ in range(2))
    writer.put(KEY, *next(iter(VERSIONS.items())))
    done = threading.Event()
    with ThreadPoolExecutor(3) as pool:
        writers = [pool.submit(_write_alternately, writer, offset) for offset in (0, 1)]
        reading = pool.submit(_read_until, reader, done)
        for written in writers:
            written.result(timeout=30)
        done.set()
        assert reading.result(timeout=30) >= 5
