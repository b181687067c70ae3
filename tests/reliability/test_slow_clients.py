"""Slow clients do not stall ``tonn-mock serve``: downloads nobody reads hold no worker thread,
hundreds of idle connections do not stop it accepting, and /health stays fast throughout."""

from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from .conftest import ENGINES, spawn

THREADS = 2
STALLED_DOWNLOADS = 2 * THREADS
IDLE_CONNECTIONS = 150
LARGE = 40 * 1024 * 1024
"""Well past waitress's 16 MB output high-water mark plus what the socket buffers take in."""


@contextlib.contextmanager
def connections(url: str, count: int, request: bytes = b"", receive_buffer: int = 4096) -> Iterator[None]:
    """``count`` open connections to ``url`` that send ``request`` (if any) and never read."""
    parts = urlsplit(url)
    opened: list[socket.socket] = []
    try:
        for _ in range(count):
            connection = socket.create_connection((parts.hostname, parts.port))
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
            opened.append(connection)
            connection.sendall(request)
        yield
    finally:
        for connection in opened:
            connection.close()


def slowest_health(url: str, asks: int = 20) -> float:
    slowest = 0.0
    with httpx.Client(base_url=url, headers={"X-API-Key": "k"}, timeout=10) as client:
        for _ in range(asks):
            started = time.monotonic()
            assert client.get("/health").status_code == 200
            slowest = max(slowest, time.monotonic() - started)
    return slowest


@pytest.mark.parametrize("engine", ENGINES)
def test_unread_downloads_and_idle_connections_leave_health_fast(engine: tuple[str, ...]) -> None:
    with (
        spawn(*engine, "--threads", str(THREADS)) as mock,
        httpx.Client(headers={"X-API-Key": "k"}) as client,
    ):
        urls = client.post(
            f"{mock.url}/upload", json={"filename": "big.wav", "contentType": "audio/wav"}
        ).json()
        client.put(urls["signed_url"], content=os.urandom(LARGE), headers={"Content-Type": "audio/wav"})
        readable = urlsplit(urls["readable_url"])
        download = f"GET {readable.path}?{readable.query} HTTP/1.1\r\nHost: mock\r\n\r\n".encode()

        with connections(mock.url, STALLED_DOWNLOADS, download), connections(mock.url, IDLE_CONNECTIONS):
            slowest = slowest_health(mock.url)
            assert mock.stop() < 5.0  # and it still stops promptly

    # stalled clients used to hold every worker, so /health timed out; benchmarks/soak.py measures
    # the figure (under 100 ms), this bound only has to hold on a loaded machine
    assert slowest < 2.0, f"slowest /health {slowest * 1000:.0f} ms"
