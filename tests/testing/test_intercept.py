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
from tonn_mock.webhooks import HttpxWebhookSender

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


def test_unrelated_urls_are_refused_or_passed_through_by_requests_and_httpx_alike(local_site: str) -> None:
    with mock_tonn():
        with pytest.raises(requests.ConnectionError):
            requests.get(local_site)
        with pytest.raises(httpx.ConnectError, match="Connection refused by tonn-testkit"):
            httpx.get(local_site)
    with mock_tonn(passthrough=True):
        assert requests.get(local_site).text == httpx.get(local_site).text == "hello"
    with mock_tonn(passthrough=[local_site]):
        assert requests.get(f"{local_site}/x").text == httpx.get(f"{local_site}/x").text == "hello"


def test_async_httpx_to_other_hosts_is_refused_too(local_site: str) -> None:
    async def fetch() -> int:
        async with httpx.AsyncClient() as client:
            return (await client.get(local_site)).status_code

    with mock_tonn(), pytest.raises(httpx.ConnectError):
        asyncio.run(fetch())


def test_the_mocks_own_webhook_deliveries_are_never_refused(local_site: str) -> None:
    sender = HttpxWebhookSender()
    with mock_tonn():
        status = sender.send(f"{local_site}/hook", {"state": "done"}, timeout=5)
    sender.close()
    assert status == 501  # the little site answers GET only: the POST reached it


def test_it_shares_a_requests_mock_the_test_already_uses() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get("https://other.example/ping", json={"pong": True})
        with mock_tonn(requests_mock=rsps):
            assert requests.get(f"{TONN_BASE_URL}/health", headers=KEY).json() == {"status": "healthy"}
            assert requests.get("https://other.example/ping").json() == {"pong": True}
        assert [r.url for r in rsps.registered()] == ["https://other.example/ping"]


def test_it_joins_a_requests_mock_already_active_without_being_told() -> None:
    with responses.RequestsMock() as rsps:  # asserts every registered response was called
        rsps.get("https://other.example/ping", json={"pong": True})
        with mock_tonn():
            assert requests.get(f"{TONN_BASE_URL}/health", headers=KEY).json() == {"status": "healthy"}
            assert requests.get("https://other.example/ping").json() == {"pong": True}
        assert [r.url for r in rsps.registered()] == ["https://other.example/ping"]


def test_a_responses_activate_inside_the_interception_still_reaches_the_mock() -> None:
    @responses.activate
    def my_code_under_its_own_responses_mock() -> tuple[int, object]:
        responses.get("https://other.example/ping", json={"pong": True})
        health = requests.get(f"{TONN_BASE_URL}/health", headers=KEY).status_code
        return health, requests.get("https://other.example/ping").json()

    with mock_tonn():
        assert my_code_under_its_own_responses_mock() == (200, {"pong": True})
        assert requests.get(f"{TONN_BASE_URL}/health", headers=KEY).status_code == 200  # ours again
    assert responses.mock.registered() == []


def test_a_strict_requests_mock_started_inside_is_not_bothered_by_tonn_routes() -> None:
    with mock_tonn(), responses.RequestsMock() as rsps:
        rsps.get("https://other.example/ping", json={"pong": True})
        assert requests.get(f"{TONN_BASE_URL}/health", headers=KEY).status_code == 200
        assert requests.get("https://other.example/ping").ok


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
