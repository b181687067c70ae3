"""Where task inputs come from: the mock's own storage, the network (opt-in), or a stand-in.

A ``trackURL`` that points at the mock's storage (``/_storage/<key>``) is read from there. Any
other URL is fetched only when ``fetch_remote_inputs`` is on; otherwise a deterministic generated
signal, seeded by the URL, stands in for it, so tests that pass arbitrary URLs still get real,
repeatable audio.

Two ways to read an input, at two prices. :meth:`InputResolver.facts` is what Tonn's input rules
need (container, rate, channels, length, not silent): a stored file's header and first samples,
and for a stand-in nothing at all, since its facts are known by construction. :meth:`read` gives
the whole file, for the work that needs samples; a stand-in is synthesised once and kept in the
mock's storage under the URL's hash.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar, cast
from urllib.parse import unquote, urlsplit

import httpx

from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.codecs import decode, encode
from tonn_mock.audio.inspect import AudioFacts, inspect
from tonn_mock.audio.signals import STAND_IN_LOUDNESS_LUFS, stand_in_signal
from tonn_mock.storage import STORAGE_PREFIX, BlobNotFound, BlobStore, StorageError
from tonn_mock.storage.deferred import DeferredResults

STAND_IN_SECONDS = 40.0
STAND_IN_RATE = 44100
STAND_IN_PREFIX = "stand-ins"
MEASUREMENTS_KEPT = 4096
T = TypeVar("T")
STAND_IN_FACTS = AudioFacts("WAV", STAND_IN_RATE, 2, round(STAND_IN_SECONDS * STAND_IN_RATE), level=0.1)
"""A stand-in is a 40 s stereo 16-bit WAV at 44.1 kHz of music at -18 LUFS: never silent."""


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
        self._measured: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._guard = threading.Lock()

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
        return self._stand_in(url)

    def facts(self, url: str) -> AudioFacts:
        """What the input rules need to know about ``url``, read as cheaply as possible."""
        key = storage_key(url)
        if key is not None:
            try:
                self._results.ensure(key)
                opened = self._blobs.open(key)
            except StorageError:
                raise InputUnavailable(f"Could not download the input file: {url}") from None
            with opened.stream as stream:
                return inspect(stream)
        if self._fetch_remote:
            return inspect(self._fetch(url))
        return STAND_IN_FACTS

    def identity(self, url: str) -> str:
        """A name for the audio behind ``url`` that changes when the audio does."""
        key = storage_key(url)
        if key is None:
            return url
        info = self._blobs.info(key)
        return f"{key}@{info.sha256 if info else 'missing'}"

    def measure(self, url: str, name: str, measure: Callable[[Audio], T]) -> T:
        """``measure`` of the audio behind ``url``, kept per input so each is measured once."""
        memo = (self.identity(url), name)
        with self._guard:
            if memo in self._measured:
                self._measured.move_to_end(memo)
                return cast(T, self._measured[memo])
        value = measure(decode(self.read(url)).audio)
        with self._guard:
            self._measured[memo] = value
            while len(self._measured) > MEASUREMENTS_KEPT:
                self._measured.popitem(last=False)
        return value

    def known_loudness(self, url: str) -> float | None:
        """The integrated loudness when known without reading samples (a stand-in's), else None."""
        return STAND_IN_LOUDNESS_LUFS if storage_key(url) is None and not self._fetch_remote else None

    def _stand_in(self, url: str) -> bytes:
        key = f"{STAND_IN_PREFIX}/{hashlib.sha256(url.encode()).hexdigest()}.wav"
        try:
            return self._blobs.get(key)
        except BlobNotFound:
            data = stand_in_wav(url)
            self._blobs.put(key, data, "audio/wav")
            return data

    def _fetch(self, url: str) -> bytes:
        try:
            response = httpx.get(url, timeout=self._timeout, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as problem:
            raise InputUnavailable(f"Could not download the input file: {url} ({problem})") from None
        return response.content


@functools.lru_cache(maxsize=8)
def stand_in_wav(url: str) -> bytes:
    """The generated WAV standing in for ``url`` (the last few are kept across mock resets)."""
    return encode(stand_in_signal(url, STAND_IN_SECONDS, STAND_IN_RATE), "WAV", 16)


def storage_key(url: str) -> str | None:
    """The storage key of one of the mock's own URLs, else ``None``."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(STORAGE_PREFIX):
        return None
    return path[len(STORAGE_PREFIX) :].lstrip("/") or None
