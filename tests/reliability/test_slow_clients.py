"""Slow clients do not stall ``tonn-mock serve``: downloads nobody reads hold no worker thread,
hundreds of idle connections do not stop it accepting, and /health stays fast throughout."""

from __future__ import annotations

import contextlib
import json
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


def large_upload(url: str) -> str:
    """The readable URL of a :data:`LARGE` file uploaded to the mock at ``url``."""
    with httpx.Client(headers={"X-API-Key": "k"}) as client:
        urls = client.post(f"{url}/upload", json={"filename": "big.wav", "contentType": "audio/wav"}).json()
        client.put(urls["signed_url"], content=os.urandom(LARGE), headers={"Content-Type": "audio/wav"})
    return str(urls["readable_url"])


@pytest.mark.parametrize("engine", ENGINES)
def test_unread_downloads_and_idle_connections_leave_health_fast(engine: tuple[str, ...]) -> None:
    with spawn(*engine, "--threads", str(THREADS)) as mock:
        readable = urlsplit(large_upload(mock.url))
        download = f"GET {readable.path}?{readable.query} HTTP/1.1\r\nHost: mock\r\n\r\n".encode()

        with connections(mock.url, STALLED_DOWNLOADS, download), connections(mock.url, IDLE_CONNECTIONS):
            slowest = slowest_health(mock.url)
            assert mock.stop() < 5.0  # and it still stops promptly

    # stalled clients used to hold every worker, so /health timed out; benchmarks/soak.py measures
    # the figure (under 100 ms), this bound only has to hold on a loaded machine
    assert slowest < 2.0, f"slowest /health {slowest * 1000:.0f} ms"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_request_sent_behind_an_unread_download_waits_for_it_and_stalls_nobody(
    engine: tuple[str, ...],
) -> None:
    """A client sends ``/health`` right behind a large download on one connection and reads
    nothing for a while: every other client is answered meanwhile, and the client then gets the
    file in full, then its answer."""
    with spawn(*engine, "--threads", str(THREADS)) as mock:
        readable = urlsplit(large_upload(mock.url))
        download = f"GET {readable.path}?{readable.query} HTTP/1.1\r\nHost: mock\r\n\r\n"
        health = "GET /health HTTP/1.1\r\nHost: mock\r\nX-API-Key: k\r\nConnection: close\r\n\r\n"
        with socket.create_connection((readable.hostname, readable.port)) as behind:
            behind.sendall((download + health).encode())
            time.sleep(0.5)  # both requests have arrived, and the file fills the socket's buffers
            slowest = slowest_health(mock.url)
            received = read_until_closed(behind, timeout=30)

    assert slowest < 2.0, f"slowest /health {slowest * 1000:.0f} ms"
    file_head, _, rest = received.partition(b"\r\n\r\n")
    assert file_head.startswith(b"HTTP/1.1 200") and f"content-length: {LARGE}".encode() in file_head.lower()
    health_head, _, health_body = rest[LARGE:].partition(b"\r\n\r\n")
    assert health_head.startswith(b"HTTP/1.1 200"), health_head
    assert json.loads(health_body) == {"status": "healthy"}


def read_until_closed(connection: socket.socket, timeout: float) -> bytes:
    """Everything ``connection`` receives until the server closes it."""
    connection.settimeout(timeout)
    chunks = []
    while chunk := connection.recv(1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)
