"""``tonn_mock.testing.intercept.mock_tonn()`` without pytest fixtures: routing, passthrough, decorators."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Iterator

import httpx
import pytest
import requests
import responses

from tonn_mock.core.settings import Settings
from tonn_mock.testing.intercept import TONN_BASE_URL, mock_tonn

KEY = {"X-API-Key": "k"}


@pytest.fixture
def local_site() -> Iterator[str]:
    """A real HTTP server on loopback standing in for an unrelated site."""

    class Hello(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "5")
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hello)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


def test_the_decorator_gives_each_call_a_fresh_mock() -> None:
    @mock_tonn(settings=Settings(progression="manual"))  # no audio work: this is about state
    def create_and_count() -> int:
        body = {"masteringData": {"trackData": [{"trackURL": "https://example.com/a.wav"}],
                                  "musicalStyle": "POP", "desiredLoudness": "LOW"}}  # fmt: skip
        assert requests.post(f"{TONN_BASE_URL}/masteringpreview", json=body, headers=KEY).ok
        return len(requests.get(f"{TONN_BASE_URL}/_mock/tasks").json())

    assert create_and_count() == create_and_count() == 1
    with pytest.raises(requests.ConnectionError):  # the network is reachable again, and absent here
        requests.get(f"{TONN_BASE_URL}/health", headers=KEY, timeout=0.001)


def test_async_functions_and_httpx_are_routed_too() -> None:
    @mock_tonn()
    async def health() -> int:
        async with httpx.AsyncClient(base_url=TONN_BASE_URL, headers=KEY) as client:
            return (await client.get("/health")).status_code

    assert asyncio.run(health()) == 200


def test_only_the_exact_origin_is_routed() -> None:
    with mock_tonn() as tonn:
        assert tonn.routes("https://tonn.roexaudio.com/upload?key=k")
        assert tonn.routes("https://TONN.roexaudio.com:443")
        assert not tonn.routes("http://tonn.roexaudio.com/upload")
        assert not tonn.routes("https://tonn.roexaudio.com.evil.example/upload")
        with pytest.raises(requests.ConnectionError, match="doesn't match any registered mock"):
            requests.get("https://tonn.roexaudio.com.evil.example/upload")
    assert tonn.origins == []


def test_unrelated_urls_are_refused_or_passed_through(local_site: str) -> None:
    with mock_tonn(), pytest.raises(requests.ConnectionError):
        requests.get(local_site)
    with mock_tonn(passthrough=True):
        assert requests.get(local_site).text == "hello"
    with mock_tonn(passthrough=[local_site]):
        assert requests.get(f"{local_site}/x").text == "hello"
    with mock_tonn():  # httpx to other hosts is never touched (the mock's webhooks use it)
        assert httpx.get(local_site).text == "hello"


def test_it_shares_a_requests_mock_the_test_already_uses() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get("https://other.example/ping", json={"pong": True})
        with mock_tonn(requests_mock=rsps):
            assert requests.get(f"{TONN_BASE_URL}/health", headers=KEY).json() == {"status": "healthy"}
            assert requests.get("https://other.example/ping").json() == {"pong": True}
        assert [r.url for r in rsps.registered()] == ["https://other.example/ping"]


def test_storage_urls_on_a_public_url_are_routed_and_bytes_round_trip() -> None:
    with mock_tonn(settings=Settings(public_url="https://storage.tonn.test")):
        urls = requests.post(
            f"{TONN_BASE_URL}/upload", json={"filename": "a b.wav", "contentType": "audio/wav"}, headers=KEY
        ).json()
        assert urls["signed_url"].startswith("https://storage.tonn.test/_storage/")
        chunks = (part for part in (b"RIFF", b"-streamed-", b"bytes"))
        put = requests.put(urls["signed_url"], data=chunks, headers={"Content-Type": "audio/wav"})
        assert put.status_code == 200, put.text
        assert requests.get(urls["readable_url"]).content == b"RIFF-streamed-bytes"


def test_a_stopped_interceptor_has_no_app() -> None:
    interceptor = mock_tonn()
    with pytest.raises(RuntimeError, match="not started"):
        interceptor.control.tasks()


def test_webhooks_of_an_intercepted_mock_are_recorded_not_sent() -> None:
    body = {
        "masteringData": {
            "trackData": [{"trackURL": "https://example.com/a.wav"}],
            "musicalStyle": "POP",
            "desiredLoudness": "LOW",
            "webhookURL": "http://127.0.0.1:9/never-listening",
        }
    }
    with mock_tonn() as interceptor:
        task_id = requests.post(f"{TONN_BASE_URL}/masteringpreview", json=body, headers=KEY).json()[
            "mastering_task_id"
        ]
        assert interceptor.control.wait_for_webhooks_idle(timeout=5)
        deliveries = interceptor.control.webhooks(task_id)

    assert deliveries and all(d["state"] == "delivered" for d in deliveries)  # a real POST there would fail
