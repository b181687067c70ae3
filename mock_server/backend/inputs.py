"""Where task inputs come from: the mock's own storage, the network (opt-in), or a stand-in.

A ``trackURL`` that points at the mock's storage (``/_storage/<key>``) is read from there. Any
other URL is fetched only when ``fetch_remote_inputs`` is on; otherwise a deterministic generated
signal, seeded by the URL, stands in for it, so tests that pass arbitrary URLs still get real,
repeatable audio.
"""

from __future__ import annotations

import functools
from urllib.parse import unquote, urlsplit

import httpx

from tonn_mock.audio.codecs import encode
from tonn_mock.audio.signals import stand_in_signal
from tonn_mock.storage import STORAGE_PREFIX, BlobStore, StorageError
from tonn_mock.storage.deferred import DeferredResults

STAND_IN_SECONDS = 40.0


class InputUnavailable(Exception):
    """The input could not be read (the task fails with this message)."""


class InputResolver:
    def __init__(
        self, blobs: BlobStore, results: DeferredResults, fetch_remote: bool, timeout: float = 30.0
    ) -> None:
        self._blobs = blobs
        self._results = results
        self._fetch_remote = fetch_remote
        self._timeout = timeout

    def read(self, url: str) -> bytes:
        """The bytes behind ``url``."""
        key = storage_key(url)
        if key is not None:
            try:
                self._results.ensure(key)  # another task's result, not downloaded yet
                return self._blobs.get(key)
            except StorageError:
                raise InputUnavailable(f"Could not download the input file: {url}") from None
        if self._fetch_remote:
            return self._fetch(url)
        return stand_in_wav(url)

    def _fetch(self, url: str) -> bytes:
        try:
            response = httpx.get(url, timeout=self._timeout, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as problem:
            raise InputUnavailable(f"Could not download the input file: {url} ({problem})") from None
        return response.content


@functools.lru_cache(maxsize=32)
def stand_in_wav(url: str) -> bytes:
    """The generated WAV standing in for ``url`` (cached: it is the same for the same URL)."""
    return encode(stand_in_signal(url, STAND_IN_SECONDS, 44100), "WAV", 16)


def storage_key(url: str) -> str | None:
    """The storage key of one of the mock's own URLs, else ``None``."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(STORAGE_PREFIX):
        return None
    return path[len(STORAGE_PREFIX) :].lstrip("/") or None
