"""Where task inputs come from: the mock's storage, the network (opt-in), or a stand-in signal."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from flask import Flask

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.settings import Settings

from ..conftest import API_KEY, wav_bytes

SONG = wav_bytes(seconds=11)


class _Files(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        found = self.path == "/song.wav"
        self.send_response(200 if found else 404)
        self.end_headers()
        if found:
            self.wfile.write(SONG)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def file_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetching_app(clock: FakeClock) -> Flask:
    return create_app(
        Settings(fetch_remote_inputs=True, rate_limit_enabled=False), Seams(clock, IdFactory(5))
    )


def master(app: Flask, url: str) -> dict[str, object]:
    body = {
        "masteringData": {"trackData": [{"trackURL": url}], "musicalStyle": "POP", "desiredLoudness": "LOW"}
    }
    with httpx.Client(
        transport=httpx.WSGITransport(app=app), base_url="http://testserver", headers={"X-API-Key": API_KEY}
    ) as client:
        task_id = client.post("/masteringpreview", json=body).json()["mastering_task_id"]
        retrieved = client.post(
            "/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}}
        )
    MockControl(app).backend.close()
    return dict(retrieved.json())


def test_remote_inputs_are_downloaded_when_enabled(clock: FakeClock, file_server: str) -> None:
    assert "previewMasterTaskResults" in master(fetching_app(clock), f"{file_server}/song.wav")


def test_an_input_that_cannot_be_downloaded_fails_the_task(clock: FakeClock, file_server: str) -> None:
    body = master(fetching_app(clock), f"{file_server}/missing.wav")
    assert body["status"] == "MASTERING_TASK_FAILED"
    assert "Could not download the input file" in str(body["message"])


def test_without_fetching_a_stand_in_signal_is_used(app: Flask, file_server: str) -> None:
    assert "previewMasterTaskResults" in master(app, f"{file_server}/missing.wav")
