"""Where the contract suite sends its requests: the mock in-process, any server, or live Tonn.

A :class:`Target` carries the base URL, the API key, whether charged operations may run, and the
inputs the run feeds the API: audio URLs (uploaded through ``/upload`` where the target is ours to
write to) and a webhook URL that never leaves the machine when the target is a local mock.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx
import numpy as np
import soundfile as sf
from flask import Flask

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import IdFactory, SystemClock
from tonn_mock.core.settings import Settings
from tonn_mock.webhooks import RecordingSender

from .knowledge import SPEC

LIVE_URL = "https://tonn.roexaudio.com"
MOCK_KEY = "tonn-contract-key"
IN_PROCESS_URL = "http://localhost"  # the host schemathesis's WSGI client sends
OFFLINE_WEBHOOK = "http://127.0.0.1:9/tonn-contract/webhook"  # in-process deliveries are only recorded
LIVE_WEBHOOK = "https://tonn-contract.invalid/webhook"  # a reserved name: never resolves
AUDIO_POOL_SIZE = 34  # distinct file names for a 32-track mix plus the other URL fields of a body
AUDIO_SECONDS = 10.5  # Tonn refuses inputs under 10 s
# a server on one of these hosts is taken for a mock: charged operations run
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class Kind(StrEnum):
    IN_PROCESS = "in-process mock"
    REMOTE = "server"
    LIVE = "live Tonn"


@dataclass(frozen=True)
class Target:
    """One API under test, and the values this run sends it."""

    kind: Kind
    base_url: str
    api_key: str
    allow_charges: bool = False
    app: Flask | None = None
    audio_urls: tuple[str, ...] = ()
    webhook_url: str = OFFLINE_WEBHOOK

    @property
    def label(self) -> str:
        return f"{self.kind} ({self.base_url})" if self.kind != Kind.IN_PROCESS else str(self.kind)

    @property
    def is_loopback(self) -> bool:
        return urlsplit(self.base_url).hostname in LOOPBACK

    def client(self, keyed: bool = True) -> httpx.Client:
        """An httpx client on this target, with the API key as ``X-API-Key`` unless not ``keyed``."""
        transport = httpx.WSGITransport(app=self.app) if self.app is not None else None
        headers = {"X-API-Key": self.api_key} if keyed else {}
        return httpx.Client(base_url=self.base_url, transport=transport, headers=headers, timeout=60.0)


@dataclass(frozen=True)
class TargetChoice:
    """The target switches, from options or the environment (options win)."""

    base_url: str | None = None
    live: bool = False
    allow_charges: bool = True
    audio_urls: tuple[str, ...] = ()
    api_key: str = MOCK_KEY

    @classmethod
    def from_environment(
        cls, base_url: str | None, live: bool, allow_charges: bool, audio: list[str]
    ) -> TargetChoice:
        key = os.environ.get("TONN_API_KEY", "").strip()
        base_url = None if live else (base_url or os.environ.get("TONN_BASE_URL") or None)
        local = not live and urlsplit(base_url or IN_PROCESS_URL).hostname in LOOPBACK
        return cls(base_url, live, allow_charges or local, tuple(audio), key or ("" if live else MOCK_KEY))

    @property
    def kind(self) -> Kind:
        return Kind.LIVE if self.live else Kind.REMOTE if self.base_url else Kind.IN_PROCESS

    @property
    def url(self) -> str:
        return LIVE_URL if self.live else (self.base_url or IN_PROCESS_URL).rstrip("/")


class Forwarder:
    """A WSGI app standing in for the in-process mock until a session fixture has built it.

    Schemathesis needs the app when the test modules are collected; the mock (and the audio it is
    given) is only built when a contract test first runs.
    """

    def __init__(self) -> None:
        self.app: Flask | None = None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if self.app is None:
            raise RuntimeError("the in-process mock is not built yet (the contract_target fixture builds it)")
        return self.app(environ, start_response)


class NotConfigured(Exception):
    """The chosen target cannot run here; the message says how to enable it."""


def choose(choice: TargetChoice) -> Target:
    """The target ``choice`` names (an in-process mock when it names none)."""
    if choice.live and not choice.api_key:
        raise NotConfigured(
            "live contract tests need an API key: set TONN_API_KEY and run "
            "`python -m pytest contract_tests --tonn-live` "
            "(add --tonn-allow-charges to include the operations that cost credits)"
        )
    app = mock_app() if choice.kind == Kind.IN_PROCESS else None
    webhook = LIVE_WEBHOOK if choice.live else OFFLINE_WEBHOOK
    return Target(choice.kind, choice.url, choice.api_key, choice.allow_charges, app, webhook_url=webhook)


def mock_app(settings: Settings | None = None) -> Flask:
    """The mock as the contract suite runs it in-process.

    Only our key is valid (so auth is really checked), no rate limit, a balance no run exhausts
    (charging still runs), tasks finish on their second poll (so 202 answers are seen), webhook
    deliveries recorded instead of sent.
    """
    settings = settings or Settings(
        api_keys=frozenset({MOCK_KEY}),
        rate_limit_enabled=False,
        initial_credits=10**9,
        progression="after_polls:1",
        seed=20_250_601,
    )
    return create_app(
        settings, Seams(clock=SystemClock(), ids=IdFactory(settings.seed), sender=RecordingSender())
    )


@contextlib.contextmanager
def prepared(target: Target, live_audio: tuple[str, ...] = ()) -> Iterator[Target]:
    """``target`` with its audio URLs and webhook URL in place, for the length of a run."""
    with contextlib.ExitStack() as stack:
        if target.app is not None:
            stack.callback(MockControl(target.app).backend.close)
        if target.kind == Kind.REMOTE and target.is_loopback:
            target = replace(target, webhook_url=stack.enter_context(webhook_sink()))
        if target.kind == Kind.LIVE:
            target = replace(target, audio_urls=live_audio or spec_audio_examples())
        else:
            target = replace(target, audio_urls=upload_audio_pool(target))
        yield target


def upload_audio_pool(target: Target, count: int = AUDIO_POOL_SIZE) -> tuple[str, ...]:
    """Upload ``count`` short FLAC tones through ``/upload`` (free) and return their readable URLs."""
    urls = []
    with target.client() as client:
        for index in range(count):
            answer = client.post(
                "/upload", json={"filename": f"track-{index:02d}.flac", "contentType": "audio/flac"}
            )
            answer.raise_for_status()
            urls_ = answer.json()
            put = client.put(
                urls_["signed_url"],
                content=tone(110.0 * (1 + index % 8)),
                headers={"Content-Type": "audio/flac"},
            )
            put.raise_for_status()
            urls.append(urls_["readable_url"])
    return tuple(urls)


def tone(freq: float, seconds: float = AUDIO_SECONDS, rate: int = 44100) -> bytes:
    """A mono FLAC sine with a slow tremolo: real, non-silent, valid for every product."""
    t = np.arange(int(seconds * rate)) / rate
    signal = 0.25 * np.sin(2 * np.pi * freq * t) * (0.75 + 0.25 * np.sin(2 * np.pi * 0.5 * t))
    buffer = io.BytesIO()
    sf.write(buffer, signal, rate, format="FLAC")
    return buffer.getvalue()


def spec_audio_examples() -> tuple[str, ...]:
    """The audio URLs of the document's own request examples (for a live run without --tonn-audio-url)."""
    found: set[str] = set()

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)
        elif isinstance(node, str) and key in {"trackURL", "audioFileLocation"}:
            found.add(node)

    for item in SPEC["paths"].values():
        for operation in item.values():
            walk(operation.get("requestBody", {}))
    return tuple(sorted(found))


class _Sink(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: deliveries are not part of the contract run's output."""


@contextlib.contextmanager
def webhook_sink() -> Iterator[str]:
    """A loopback receiver that answers every webhook POST with 204; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/tonn-contract/webhook"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
