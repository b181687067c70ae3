"""The BlobStore contract, run against every implementation through the ``store`` fixture."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

import pytest

from tonn_mock.core.clock import FAKE_EPOCH, FakeClock
from tonn_mock.storage import (
    DEFAULT_CONTENT_TYPE,
    BlobNotFound,
    BlobStore,
    BlobTooLarge,
    DirectoryBlobStore,
    MemoryBlobStore,
    UnsafeKey,
)

from .helpers import LIMIT, TrickleStream

KEY = "uploads/0b7f9a52/take.wav"


def test_put_then_get_returns_the_exact_bytes(store: BlobStore) -> None:
    payload = bytes(range(256)) * 3
    info = store.put(KEY, payload, "audio/wav")
    assert store.get(KEY) == payload
    assert info.key == KEY
    assert info.size == len(payload)
    assert info.sha256 == hashlib.sha256(payload).hexdigest()
    assert info.content_type == "audio/wav"
    assert info.created_at == FAKE_EPOCH
    assert store.info(KEY) == info


def test_empty_blob_round_trips(store: BlobStore) -> None:
    assert store.put(KEY, b"", "audio/wav").size == 0
    assert store.get(KEY) == b""


@pytest.mark.parametrize("kind", ["memory", "directory"])
def test_five_megabyte_random_blob_streams_in_and_out_intact(kind: str, tmp_path: Path) -> None:
    payload = random.Random(7).randbytes(5 * 1024 * 1024)
    store: BlobStore = (
        MemoryBlobStore(len(payload)) if kind == "memory" else DirectoryBlobStore(tmp_path, len(payload))
    )
    stream = TrickleStream(payload, step=100_003)
    info = store.put(KEY, stream, "audio/flac")
    assert stream.consumed == len(payload)
    assert info.sha256 == hashlib.sha256(payload).hexdigest()
    opened = store.open(KEY)
    with opened.stream as downloaded:
        assert downloaded.read() == payload
    assert opened.info == info


def test_put_replaces_bytes_and_metadata(store: BlobStore, clock: FakeClock) -> None:
    store.put(KEY, b"old", "audio/wav")
    clock.advance(5)
    info = store.put(KEY, io.BytesIO(b"newer"), "audio/mpeg")
    assert store.get(KEY) == b"newer"
    assert store.info(KEY) == info
    assert (info.content_type, info.size, info.created_at) == ("audio/mpeg", 5, FAKE_EPOCH + 5)


def test_missing_blob(store: BlobStore) -> None:
    with pytest.raises(BlobNotFound) as caught:
        store.get(KEY)
    assert (caught.value.code, caught.value.status, caught.value.key) == ("NoSuchKey", 404, KEY)
    with pytest.raises(BlobNotFound):
        store.open(KEY)
    assert store.info(KEY) is None


def test_delete_is_idempotent(store: BlobStore) -> None:
    store.put(KEY, b"x", "audio/wav")
    assert store.delete(KEY) is True
    assert store.delete(KEY) is False
    assert store.info(KEY) is None
    assert store.keys() == []


def test_keys_are_sorted_and_filtered_by_prefix(store: BlobStore) -> None:
    for key in ["results/t2/b.wav", "uploads/u1/a.wav", "results/t1/a.mp3", "results/t1/z.wav"]:
        store.put(key, b"x", "audio/wav")
    assert store.keys("results/t1/") == ["results/t1/a.mp3", "results/t1/z.wav"]
    assert store.keys() == [
        "results/t1/a.mp3",
        "results/t1/z.wav",
        "results/t2/b.wav",
        "uploads/u1/a.wav",
    ]


def test_a_key_cannot_be_both_a_blob_and_a_folder(store: BlobStore) -> None:
    store.put("results/t1", b"file", "audio/wav")
    with pytest.raises(UnsafeKey):
        store.put("results/t1/stem.wav", b"x", "audio/wav")
    store.put("uploads/u1/a.wav", b"x", "audio/wav")
    with pytest.raises(UnsafeKey):
        store.put("uploads/u1", b"x", "audio/wav")
    assert store.get("results/t1") == b"file"


def test_deleting_the_last_nested_blob_frees_its_folder_name(store: BlobStore) -> None:
    store.put("uploads/u1/a.wav", b"x", "audio/wav")
    store.delete("uploads/u1/a.wav")
    store.put("uploads/u1", b"now a file", "audio/wav")
    assert store.get("uploads/u1") == b"now a file"


@pytest.mark.parametrize("key", ["../x", "uploads/../../etc/passwd", "/etc/passwd", "a\\b", "a\x00"])
def test_every_operation_refuses_unsafe_keys(store: BlobStore, key: str) -> None:
    for operation in (store.get, store.open, store.info, store.delete):
        with pytest.raises(UnsafeKey):
            operation(key)
    with pytest.raises(UnsafeKey):
        store.put(key, b"x", "audio/wav")
    assert store.keys() == []


def test_blank_content_type_is_stored_as_octet_stream(store: BlobStore) -> None:
    assert store.put(KEY, b"x", "  ").content_type == DEFAULT_CONTENT_TYPE


def test_content_type_is_stored_as_sent(store: BlobStore) -> None:
    assert store.put(KEY, b"x", " Audio/WAV; rate=48000 ").content_type == "Audio/WAV; rate=48000"


def test_content_type_with_control_characters_is_refused(store: BlobStore) -> None:
    with pytest.raises(ValueError):
        store.put(KEY, b"x", "audio/wav\r\nX-Evil: 1")
    assert store.info(KEY) is None


def test_payload_of_exactly_max_bytes_is_accepted(store: BlobStore) -> None:
    assert store.put(KEY, TrickleStream(b"a" * LIMIT), "audio/wav").size == LIMIT
    assert store.put(KEY, b"b" * LIMIT, "audio/wav").size == LIMIT


def test_oversized_bytes_are_refused(store: BlobStore) -> None:
    with pytest.raises(BlobTooLarge) as caught:
        store.put(KEY, b"a" * (LIMIT + 5), "audio/wav")
    assert (caught.value.limit, caught.value.received_so_far) == (LIMIT, LIMIT + 5)
    assert (caught.value.code, caught.value.status) == ("EntityTooLarge", 413)
    assert store.info(KEY) is None


def test_oversized_stream_stops_reading_right_after_the_limit(store: BlobStore) -> None:
    stream = TrickleStream(b"a" * (3 * LIMIT))
    with pytest.raises(BlobTooLarge) as caught:
        store.put(KEY, stream, "audio/wav")
    assert caught.value.received_so_far == LIMIT + 1
    assert stream.consumed == LIMIT + 1
    assert store.info(KEY) is None
    assert store.keys() == []


def test_oversized_upload_leaves_the_existing_blob_untouched(store: BlobStore) -> None:
    before = store.put(KEY, b"keep me", "audio/wav")
    with pytest.raises(BlobTooLarge):
        store.put(KEY, TrickleStream(b"b" * (LIMIT + 1)), "audio/mpeg")
    assert store.get(KEY) == b"keep me"
    assert store.info(KEY) == before


def test_interrupted_upload_leaves_the_existing_blob_untouched(store: BlobStore) -> None:
    before = store.put(KEY, b"keep me", "audio/wav")
    with pytest.raises(OSError, match="connection reset"):
        store.put(KEY, TrickleStream(b"c" * 50_000, fail_after=20_000), "audio/wav")
    assert store.get(KEY) == b"keep me"
    assert store.info(KEY) == before


def test_zero_byte_limit_accepts_only_empty_blobs() -> None:
    store = MemoryBlobStore(0)
    store.put(KEY, b"", "audio/wav")
    with pytest.raises(BlobTooLarge):
        store.put(KEY, io.BytesIO(b"x"), "audio/wav")


def test_negative_limit_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        MemoryBlobStore(-1)


def test_max_bytes_is_exposed_for_early_413s(store: BlobStore) -> None:
    assert store.max_bytes == LIMIT


def test_a_copy_keeps_the_bytes_the_source_held_when_it_was_made(store: BlobStore) -> None:
    store.put(KEY, b"checked audio", "audio/wav")
    copied = store.copy(KEY, "results/task-1/inputs/pin")

    store.put(KEY, b"replaced afterwards", "audio/wav")
    assert store.get("results/task-1/inputs/pin") == b"checked audio"
    store.delete(KEY)
    assert store.get("results/task-1/inputs/pin") == b"checked audio"
    assert (copied.key, copied.sha256) == (
        "results/task-1/inputs/pin",
        hashlib.sha256(b"checked audio").hexdigest(),
    )
    assert store.info("results/task-1/inputs/pin") == copied


def test_copying_a_missing_blob_is_not_found(store: BlobStore) -> None:
    with pytest.raises(BlobNotFound):
        store.copy("uploads/none/x.wav", "results/task-1/inputs/pin")
    assert store.keys("results/") == []


def test_a_copy_on_a_file_system_without_hard_links_copies_the_bytes(
    disk: DirectoryBlobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk.put(KEY, b"checked audio", "audio/wav")

    def no_links(source: object, target: object) -> None:
        raise OSError("hard links are not supported here")

    monkeypatch.setattr("os.link", no_links)
    disk.copy(KEY, "results/task-1/inputs/pin")
    disk.put(KEY, b"replaced afterwards", "audio/wav")

    assert disk.get("results/task-1/inputs/pin") == b"checked audio"
