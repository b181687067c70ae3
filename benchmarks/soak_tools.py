"""What the soak (``soak.py``) is made of: its table's rows, a tally of outcomes, a
/health probe, and webhook receivers that answer well, fail, stall, drip or are not there.

Everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import io
import json
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import numpy as np
import soundfile as sf

from tonn_mock.testing.serving import Spawned

KEY = "soak-key"
HEADERS = {"X-API-Key": KEY}


@dataclass
class Row:
    """One line of the soak's table."""

    scenario: str
    requests: int = 0
    server_errors: int = 0
    lost: int = 0
    duplicated: int = 0
    stuck: int = 0
    violations: int = 0
    seconds: float = 0.0
    note: str = ""

    @property
    def clean(self) -> bool:
        return not (self.server_errors or self.lost or self.duplicated or self.stuck or self.violations)


@dataclass
class Tally:
    """Statuses of the requests a scenario sent (thread-safe)."""

    statuses: Counter[int] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, answer: httpx.Response) -> httpx.Response:
        with self.lock:
            self.statuses[answer.status_code] += 1
        return answer

    @property
    def sent(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


def client_of(served: Spawned, timeout: float = 30.0) -> httpx.Client:
    """An httpx client on ``served`` that sends the soak's key."""
    return httpx.Client(base_url=served.url, headers=HEADERS, timeout=timeout)


class HealthProbe:
    """Asks /health every 20 ms while in use; keeps the slowest answer and counts failures."""

    def __init__(self, url: str) -> None:
        self.url, self.slowest, self.failures, self.sent = url, 0.0, 0, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> HealthProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._done.set()
        self._thread.join(10)

    def _run(self) -> None:
        with httpx.Client(base_url=self.url, headers=HEADERS, timeout=10) as client:
            while not self._done.wait(0.02):
                started = time.monotonic()
                try:
                    ok = client.get("/health").status_code == 200
                except httpx.HTTPError:
                    ok = False
                self.slowest, self.sent = max(self.slowest, time.monotonic() - started), self.sent + 1
                self.failures += not ok


def wav(seconds: float = 11.0, rate: int = 44100) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    tone = 0.25 * np.sin(2 * np.pi * 220 * t) * (0.75 + 0.25 * np.sin(2 * np.pi * 0.5 * t))
    buffer = io.BytesIO()
    sf.write(buffer, np.stack([tone, tone], axis=1), rate, format="WAV")
    return buffer.getvalue()


def upload(client: httpx.Client, data: bytes, name: str = "soak.wav") -> dict[str, Any]:
    urls: dict[str, Any] = client.post("/upload", json={"filename": name, "contentType": "audio/wav"}).json()
    client.put(urls["signed_url"], content=data, headers={"Content-Type": "audio/wav"})
    return urls


# webhook receivers ---------------------------------------------------------------------------------


class Receiver:
    """An HTTP receiver on 127.0.0.1 that answers every webhook in its ``manner``:
    ``ok`` (200), ``fail`` (500), ``stall`` (answers nothing until closed) or ``drip`` (its
    answer a byte every 0.2 s). It records each (task, state) it received and when."""

    def __init__(self, manner: str) -> None:
        self.manner, self.closed = manner, threading.Event()
        self.received: list[tuple[str, str, float]] = []
        self.arrived = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/{manner}"

    def record(self, body: bytes) -> None:
        payload = json.loads(body)
        task = next(
            (str(v) for k, v in payload.items() if k.lower().replace("_", "").endswith("taskid")), "?"
        )
        with self.arrived:
            self.received.append((task, str(payload.get("state") or payload.get("status")), time.monotonic()))
            self.arrived.notify_all()

    def wait_for(self, task: str, state: str, timeout: float) -> float | None:
        """When (monotonic) ``task`` reached this receiver in ``state``; None if not within ``timeout``."""
        with self.arrived:
            self.arrived.wait_for(lambda: any(t == task and s == state for t, s, _ in self.received), timeout)
            return next((at for t, s, at in self.received if t == task and s == state), None)

    def duplicates(self) -> int:
        seen = Counter((task, state) for task, state, _ in self.received)
        return sum(count - 1 for count in seen.values())

    def close(self) -> None:
        self.closed.set()
        self._server.shutdown()
        self._server.server_close()


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if receiver.manner == "stall":
                receiver.closed.wait(30)
                return
            if receiver.manner == "drip":
                self._drip()
                return
            receiver.record(body)
            self.send_response(200 if receiver.manner == "ok" else 500)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _drip(self) -> None:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n":
                if receiver.closed.wait(0.2):
                    return
                with contextlib.suppress(OSError):
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    return Handler


def refused_url() -> str:
    """A loopback URL where nothing listens (a port that was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/refuse"
