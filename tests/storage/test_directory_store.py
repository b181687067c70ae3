"""What only the on-disk store has: sidecars, atomic files, the root boundary, temp folders."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tonn_mock.core.clock import FAKE_EPOCH, FakeClock
from tonn_mock.storage import (
    BlobNotFound,
    BlobTooLarge,
    DirectoryBlobStore,
    StorageError,
    TemporaryBlobStore,
    UnsafeKey,
)

from .helpers import LIMIT, TrickleStream, files_under

KEY = "uploads/0b7f9a52/take.wav"


def test_blob_is_a_plain_file_with_a_json_sidecar(disk: DirectoryBlobStore) -> None:
    disk.put(KEY, b"RIFF....WAVE", "audio/wav")
    assert disk.blob_path(KEY) == disk.root / KEY
    assert (disk.root / KEY).read_bytes() == b"RIFF....WAVE"
    assert disk.sidecar_path(KEY) == disk.root / "uploads/0b7f9a52/.take.wav.meta.json"
    assert json.loads(disk.sidecar_path(KEY).read_text()) == {
        "format": 1,
        "key": KEY,
        "content_type": "audio/wav",
        "size": 12,
        "sha256": hashlib.sha256(b"RIFF....WAVE").hexdigest(),
        "created_at": FAKE_EPOCH,
    }


def test_only_blob_and_sidecar_remain_after_a_put(disk: DirectoryBlobStore) -> None:
    disk.put(KEY, TrickleStream(b"x" * 100_000), "audio/wav")
    assert files_under(disk.root) == ["uploads/0b7f9a52/.take.wav.meta.json", KEY]


@pytest.mark.parametrize(
    "payload",
    [TrickleStream(b"x" * (LIMIT + 10)), TrickleStream(b"y" * 90_000, fail_after=30_000)],
    ids=["oversized", "interrupted"],
)
def test_failed_upload_leaves_no_file_and_keeps_the_old_one(
    disk: DirectoryBlobStore, payload: TrickleStream
) -> None:
    disk.put(KEY, b"old", "audio/wav")
    before = files_under(disk.root)
    with pytest.raises((BlobTooLarge, OSError)):
        disk.put(KEY, payload, "audio/wav")
    assert files_under(disk.root) == before
    assert disk.get(KEY) == b"old"


def test_failed_first_upload_leaves_nothing_at_all(disk: DirectoryBlobStore) -> None:
    with pytest.raises(BlobTooLarge):
        disk.put(KEY, TrickleStream(b"x" * (LIMIT + 1)), "audio/wav")
    assert files_under(disk.root) == []
    assert disk.keys() == []


def test_blobs_survive_a_new_store_on_the_same_root(tmp_path: Path) -> None:
    DirectoryBlobStore(tmp_path, LIMIT).put(KEY, b"persisted", "audio/flac")
    reopened = DirectoryBlobStore(tmp_path, LIMIT)
    assert reopened.get(KEY) == b"persisted"
    assert reopened.keys() == [KEY]


def test_keys_ignore_stray_files_without_sidecar(disk: DirectoryBlobStore) -> None:
    disk.put(KEY, b"x", "audio/wav")
    (disk.root / "uploads/0b7f9a52/orphan.wav").write_bytes(b"crash leftover")
    assert disk.keys() == [KEY]
    with pytest.raises(BlobNotFound):
        disk.get("uploads/0b7f9a52/orphan.wav")


def test_deleting_removes_files_and_empty_folders(disk: DirectoryBlobStore) -> None:
    disk.put(KEY, b"x", "audio/wav")
    disk.put("uploads/other/a.wav", b"x", "audio/wav")
    disk.delete(KEY)
    assert not (disk.root / "uploads/0b7f9a52").exists()
    assert files_under(disk.root) == ["uploads/other/.a.wav.meta.json", "uploads/other/a.wav"]


def test_corrupt_sidecar_is_reported_not_guessed(disk: DirectoryBlobStore) -> None:
    disk.put(KEY, b"x", "audio/wav")
    disk.sidecar_path(KEY).write_text("{not json")
    with pytest.raises(StorageError, match="Corrupt blob metadata"):
        disk.info(KEY)


def test_sidecar_naming_another_key_is_corrupt(disk: DirectoryBlobStore) -> None:
    disk.put(KEY, b"x", "audio/wav")
    fields = json.loads(disk.sidecar_path(KEY).read_text())
    disk.sidecar_path(KEY).write_text(json.dumps({**fields, "key": "uploads/x/y"}))
    with pytest.raises(StorageError, match="names"):
        disk.get(KEY)


def test_symlink_leading_outside_the_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(b"secret")
    store = DirectoryBlobStore(tmp_path / "root", LIMIT)
    os.symlink(outside, store.root / "uploads")
    with pytest.raises(UnsafeKey, match="outside the storage root"):
        store.get("uploads/secret.txt")
    with pytest.raises(UnsafeKey):
        store.put("uploads/x/evil.wav", b"x", "audio/wav")
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]


def test_temporary_store_removes_its_folder_on_close(clock: FakeClock) -> None:
    with TemporaryBlobStore(LIMIT, clock) as store:
        store.put(KEY, b"x", "audio/wav")
        root = store.root
        assert root.is_dir()
    assert not root.exists()
    store.close()  # twice is fine


def test_closed_store_refuses_use(clock: FakeClock) -> None:
    store = TemporaryBlobStore(LIMIT, clock)
    store.close()
    for operation in (store.get, store.info, store.delete):
        with pytest.raises(StorageError, match="closed"):
            operation(KEY)
    with pytest.raises(StorageError, match="closed"):
        store.put(KEY, b"x", "audio/wav")
    assert not store.root.exists()
