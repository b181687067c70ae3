"""Fixtures for driving the mock in-process: an app, an httpx client on it, and its control plane."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import numpy as np
import pytest
import soundfile as sf
from flask import Flask

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.settings import Settings
from tonn_mock.webhooks import RecordingSender
from tonn_openapi import load_spec
from tonn_openapi.schemas import SchemaRegistry, pointer

API_KEY = "test-key"
SPEC = load_spec()
REGISTRY = SchemaRegistry(SPEC)


@pytest.fixture
def sender() -> RecordingSender:
    return RecordingSender()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings() -> Settings:
    return Settings(rate_limit_enabled=False, seed=7)


@pytest.fixture
def app(settings: Settings, clock: FakeClock, sender: RecordingSender) -> Iterator[Flask]:
    app = create_app(settings, Seams(clock=clock, ids=IdFactory(settings.seed), sender=sender))
    yield app
    MockControl(app).backend.close()


@pytest.fixture
def control(app: Flask) -> MockControl:
    return MockControl(app)


@pytest.fixture
def client(app: Flask) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=httpx.WSGITransport(app=app), base_url="http://testserver", headers={"X-API-Key": API_KEY}
    ) as client:
        yield client


def assert_matches_spec(response: httpx.Response, method: str, path: str) -> None:
    """The response body validates against the schema the spec documents for its status."""
    documented = SPEC["paths"][path][method]["responses"][str(response.status_code)]
    if "$ref" in documented:
        response_at = documented["$ref"].removeprefix("#/").split("/")
    else:
        response_at = ["paths", path, method, "responses", str(response.status_code)]
    schema_at = pointer(*response_at, "content", "application/json", "schema")
    errors = [e.message for e in REGISTRY.validator(schema_at).iter_errors(response.json())]
    assert not errors, f"{method.upper()} {path} {response.status_code}: {errors}"


def wav_bytes(
    seconds: float = 12.0, rate: int = 44100, freq: float = 220.0, level: float = 0.25, fmt: str = "WAV"
) -> bytes:
    """A stereo tone with a slow tremolo: plausible, non-silent test audio."""
    t = np.arange(int(seconds * rate)) / rate
    tone = level * np.sin(2 * np.pi * freq * t) * (0.75 + 0.25 * np.sin(2 * np.pi * 0.5 * t))
    buffer = io.BytesIO()
    sf.write(buffer, np.stack([tone, tone], axis=1), rate, format=fmt)
    return buffer.getvalue()


def upload(
    client: httpx.Client, data: bytes, filename: str = "track.wav", content_type: str = "audio/wav"
) -> str:
    """Upload through /upload + the signed PUT; returns the readable URL."""
    urls: dict[str, Any] = client.post(
        "/upload", json={"filename": filename, "contentType": content_type}
    ).json()
    put = client.put(urls["signed_url"], content=data, headers={"Content-Type": content_type})
    assert put.status_code == 200, put.text
    return str(urls["readable_url"])


def decode(client: httpx.Client, url: str) -> tuple[np.ndarray, int]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    data, rate = sf.read(io.BytesIO(response.content))
    return data, rate


def encoded(samples: np.ndarray, rate: int = 44100, fmt: str = "WAV", subtype: str | None = None) -> bytes:
    """``samples`` (frames, or frames x channels) as the bytes of an audio file."""
    buffer = io.BytesIO()
    sf.write(buffer, samples, rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def tone(seconds: float = 12.0, rate: int = 44100, level: float = 0.25, freq: float = 220.0) -> np.ndarray:
    """A steady stereo sine (both channels alike), as samples: frames x 2."""
    t = np.arange(int(seconds * rate)) / rate
    wave = level * np.sin(2 * np.pi * freq * t)
    return np.stack([wave, wave], axis=1)


def assert_webhook_matches_spec(payload: Any, webhook_name: str) -> None:
    """The payload validates against the request body the spec documents for ``webhooks/<name>``."""
    at = pointer("webhooks", webhook_name, "post", "requestBody", "content", "application/json", "schema")
    errors = [e.message for e in REGISTRY.validator(at).iter_errors(payload)]
    assert not errors, f"{webhook_name}: {errors} in {payload}"


@pytest.fixture
def live_url(app: Flask) -> Iterator[str]:
    """The app served on a real loopback socket (for the official client and other HTTP users)."""
    from .servers import running

    with running(app) as url:
        yield url


def assert_rendered_on_first_download(client: httpx.Client, control: MockControl, urls: list[str]) -> None:
    """No file behind ``urls`` is rendered yet; fetching one renders it (and no other), and a
    second fetch serves the same bytes."""
    from tonn_mock.backend.inputs import storage_key

    results = control.backend.results
    keys = [storage_key(url) or url for url in urls]
    assert [key for key in keys if not results.is_pending(key)] == [], "rendered before any download"
    for index, (url, key) in enumerate(zip(urls, keys, strict=True)):
        first = client.get(url)
        assert first.status_code == 200, first.text
        assert not results.is_pending(key)
        assert all(results.is_pending(later) for later in keys[index + 1 :]), "rendered with another file"
        assert client.get(url).content == first.content
