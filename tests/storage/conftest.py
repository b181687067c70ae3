"""Fixtures for storage tests; ``store`` runs each contract test against every BlobStore."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tonn_mock.core.clock import FakeClock
from tonn_mock.storage import BlobStore, DirectoryBlobStore, MemoryBlobStore, UrlSigner

from .helpers import LIMIT


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["memory", "directory"])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> BlobStore:
    """Every implementation in turn: the Protocol's promises hold for all of them."""
    if request.param == "memory":
        return MemoryBlobStore(LIMIT, clock)
    return DirectoryBlobStore(tmp_path / "blobs", LIMIT, clock)


@pytest.fixture
def disk(tmp_path: Path, clock: FakeClock) -> Iterator[DirectoryBlobStore]:
    """A directory store for tests about the on-disk layout."""
    store = DirectoryBlobStore(tmp_path / "blobs", LIMIT, clock)
    yield store
    store.close()


@pytest.fixture
def signer(clock: FakeClock) -> UrlSigner:
    return UrlSigner(b"test-secret", clock)
