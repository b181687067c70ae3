"""Where task inputs come from: the mock's own storage, the network (opt-in), or a stand-in.

A ``trackURL`` on the mock's storage (``/_storage/<key>``) is read from there, once its signature
and expiry pass the same check a download does (:meth:`UrlSigner.verify`): an unsigned, altered
or expired URL cannot be read, whoever's file it names, and the task fails saying why. The host is
not checked, as signed URLs never bind it here (:mod:`tonn_mock.storage.signing`). Any other URL
is fetched only when ``fetch_remote_inputs`` is on; otherwise a deterministic generated signal,
seeded by the URL, stands in for it, so tests that pass arbitrary URLs still get real,
repeatable audio.

A task reads its inputs through :meth:`InputResolver.of` (its :class:`TaskInputs`), which pins
each one the first time it is read: the bytes behind a stored URL are copied (a hard link on disk)
to ``results/<task id>/inputs/``, and a fetched file is kept there. Every later read, the renders
on first download included, reads the pinned copy, so a task's results are a function of the
input that was checked when it completed, whatever is PUT to the upload URL afterwards. The pins
go with the task's other files when it is forgotten.

Two ways to read an input, at two prices. :meth:`TaskInputs.facts` is what Tonn's input rules
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
from typing import Any, BinaryIO, TypeVar, cast
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx

from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.codecs import decode, encode
from tonn_mock.audio.inspect import AudioFacts, inspect
from tonn_mock.audio.signals import STAND_IN_LOUDNESS_LUFS, stand_in_signal
from tonn_mock.storage import (
    RESULTS_PREFIX,
    STORAGE_PREFIX,
    BlobNotFound,
    BlobStore,
    SignatureError,
    StorageError,
    UrlSigner,
    single_valued,
)
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
        self,
        blobs: BlobStore,
        results: DeferredResults,
        signer: UrlSigner,
        fetch_remote: bool,
        timeout: float = 30.0,
    ) -> None:
        self._blobs = blobs
        self._results = results
        self._signer = signer
        self._fetch_remote = fetch_remote
        self._timeout = timeout
        self._measured: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._guard = threading.Lock()

    def of(self, scope: str) -> TaskInputs:
        """The inputs of task ``scope`` (or of one answer's result folder), pinned when first read."""
        return TaskInputs(self, f"{RESULTS_PREFIX}/{scope}/inputs")

    def read(self, url: str) -> bytes:
        """The bytes behind ``url`` now, unpinned: for an answer given at once (mix analysis)."""
        key = self.verified_key(url)
        if key is not None:
            return self._stored(key, url, self._blobs.get)
        if self._fetch_remote:
            return self.fetch(url)
        return self.stand_in(url)

    def verified_key(self, url: str) -> str | None:
        """The storage key of one of the mock's URLs, once its signature and expiry pass; ``None``
        for any other URL; :class:`InputUnavailable` naming the refusal otherwise."""
        key = storage_key(url)
        if key is None:
            return None
        try:
            query = single_valued(parse_qsl(urlsplit(url).query, keep_blank_values=True))
            self._signer.verify("GET", key, query)
        except SignatureError as refusal:
            raise InputUnavailable(
                f"Could not download the input file: {url} ({refusal.code}: {refusal})"
            ) from None
        return key

    def pin(self, url: str, pinned: str) -> None:
        """Keep the input behind ``url`` at ``pinned`` (a stand-in needs no pin)."""
        key = self.verified_key(url)
        if key is not None:
            self._stored(key, url, lambda stored: self._blobs.copy(stored, pinned))
        elif self._fetch_remote:
            self._blobs.put(pinned, self.fetch(url), "application/octet-stream")

    @property
    def blobs(self) -> BlobStore:
        return self._blobs

    def measure(
        self, identity: str, name: str, audio: Callable[[], Audio], measure: Callable[[Audio], T]
    ) -> T:
        """``measure`` of the audio known as ``identity``, kept so that each is measured once."""
        memo = (identity, name)
        with self._guard:
            if memo in self._measured:
                self._measured.move_to_end(memo)
                return cast(T, self._measured[memo])
        value = measure(audio())
        with self._guard:
            self._measured[memo] = value
            while len(self._measured) > MEASUREMENTS_KEPT:
                self._measured.popitem(last=False)
        return value

    def is_stand_in(self, url: str) -> bool:
        return storage_key(url) is None and not self._fetch_remote

    def stand_in(self, url: str) -> bytes:
        key = f"{STAND_IN_PREFIX}/{hashlib.sha256(url.encode()).hexdigest()}.wav"
        try:
            return self._blobs.get(key)
        except BlobNotFound:
            data = stand_in_wav(url)
            self._blobs.put(key, data, "audio/wav")
            return data

    def fetch(self, url: str) -> bytes:
        try:
            response = httpx.get(url, timeout=self._timeout, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as problem:
            raise InputUnavailable(f"Could not download the input file: {url} ({problem})") from None
        return response.content

    def _stored(self, key: str, url: str, use: Callable[[str], T]) -> T:
        try:
            self._results.ensure(key)  # another task's result, not downloaded yet
            return use(key)
        except StorageError:
            raise InputUnavailable(f"Could not download the input file: {url}") from None


class TaskInputs:
    """One task's inputs, each pinned the first time it is read (see the module's docstring)."""

    def __init__(self, resolver: InputResolver, folder: str) -> None:
        self._resolver = resolver
        self._blobs = resolver.blobs
        self._folder = folder

    def facts(self, url: str) -> AudioFacts:
        """What the input rules need to know about ``url``, read as cheaply as possible."""
        pinned = self._pinned(url)
        if pinned is None:
            return STAND_IN_FACTS
        with self._opened(pinned, url) as stream:
            return inspect(stream)

    def read(self, url: str) -> bytes:
        """The bytes of ``url`` as pinned."""
        pinned = self._pinned(url)
        if pinned is None:
            return self._resolver.stand_in(url)
        with self._opened(pinned, url) as stream:
            return stream.read()

    def measure(self, url: str, name: str, measure: Callable[[Audio], T]) -> T:
        """``measure`` of the audio behind ``url``, kept per input content so each is measured once."""
        pinned = self._pinned(url)
        info = self._blobs.info(pinned) if pinned is not None else None
        identity = f"sha256:{info.sha256}" if info is not None else url
        return self._resolver.measure(identity, name, lambda: decode(self.read(url)).audio, measure)

    def known_loudness(self, url: str) -> float | None:
        """The integrated loudness when known without reading samples (a stand-in's), else None."""
        return STAND_IN_LOUDNESS_LUFS if self._resolver.is_stand_in(url) else None

    def _pinned(self, url: str) -> str | None:
        """The key of the pinned copy of ``url``, pinning it now if needed; ``None`` for a stand-in."""
        if self._resolver.is_stand_in(url):
            return None
        pinned = f"{self._folder}/{hashlib.sha256(url.encode()).hexdigest()[:32]}"
        if self._blobs.info(pinned) is None:
            self._resolver.pin(url, pinned)
        return pinned

    def _opened(self, pinned: str, url: str) -> BinaryIO:
        try:
            return self._blobs.open(pinned).stream
        except StorageError:  # forgotten with its task meanwhile
            raise InputUnavailable(f"Could not download the input file: {url}") from None


@functools.lru_cache(maxsize=8)
def stand_in_wav(url: str) -> bytes:
    """The generated WAV standing in for ``url`` (the last few are kept across mock resets)."""
    return encode(stand_in_signal(url, STAND_IN_SECONDS, STAND_IN_RATE), "WAV", 16)


def storage_key(url: str) -> str | None:
    """The storage key of one of the mock's own URLs (its path is under ``/_storage/``), else ``None``."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(f"{STORAGE_PREFIX}/"):
        return None
    return path[len(STORAGE_PREFIX) :].lstrip("/") or None
