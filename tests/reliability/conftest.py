"""Mocks served as ``tonn-mock serve`` serves them: waitress with its limits and graceful stop in
a thread of the test process, or the command itself in a process of its own (one process on
waitress, or granian workers: :data:`ENGINES`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
from flask import Flask

from tonn_mock import server as server_module
from tonn_mock.app import create_app
from tonn_mock.control import MockControl
from tonn_mock.core.settings import Settings
from tonn_mock.testing.serving import spawn

__all__ = ["ENGINES", "KEY", "ServeMock", "Served", "mastering_body", "poll_body", "spawn"]

KEY = "reliability-key"
ENGINES = [
    pytest.param((), id="one-process"),
    pytest.param(("--workers", "2"), id="two-workers"),
]
"""``tonn-mock serve``'s two ways of serving (waitress in one process; granian workers), as
options to ``spawn``: the guarantees a served mock gives hold for both."""


@dataclass
class Served:
    """A mock on a loopback port: its base URL, app and control plane."""

    url: str
    app: Flask
    control: MockControl

    def client(self, key: str = KEY, timeout: float = 30.0) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"X-API-Key": key}, timeout=timeout)


ServeMock = Callable[..., Served]


@pytest.fixture
def serve_mock() -> Iterator[ServeMock]:
    """Start mocks with ``serve_mock(settings, threads=...)``; each is stopped gracefully after the test."""
    running: list[tuple[server_module.Stop, threading.Thread]] = []

    def start(settings: Settings | None = None, threads: int = 8) -> Served:
        app = create_app(settings or Settings(seed=11))
        server = server_module.build(app, "127.0.0.1", 0, threads)
        stop = server_module.Stop()
        thread = threading.Thread(target=server_module.serve, args=(app, server, stop), daemon=True)
        thread.start()
        running.append((stop, thread))
        return Served(f"http://127.0.0.1:{server.effective_port}", app, MockControl(app))

    yield start
    for stop, thread in running:
        stop.requested.set()
        stop.hurry.set()
        thread.join(timeout=10)
        assert not thread.is_alive(), "the served mock did not stop"


def mastering_body(url: str, **extra: object) -> dict[str, object]:
    data = {"trackData": [{"trackURL": url}], "musicalStyle": "POP", "desiredLoudness": "MEDIUM", **extra}
    return {"masteringData": data}


def poll_body(task_id: str) -> dict[str, object]:
    return {"masteringData": {"masteringTaskId": task_id}}
