"""A real HTTP webhook sink on 127.0.0.1 (port 0) for round-trip tests.

Requests land in a ``queue.Queue`` so tests wait for them with a timeout instead of sleeping.
Answers are scripted (a status, or ``HANG`` to hold the request open until ``release`` is set),
and any unexpected error in a handler thread is kept so the fixture can fail the test with it.
"""

from __future__ import annotations

import json
import queue
import sys
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal, cast

HANG: Literal["hang"] = "hang"
Answer = int | Literal["hang"]

HANG_LIMIT = 5.0
"""A hung request is answered after this many seconds even if nobody releases it."""


@dataclass(frozen=True)
class ReceivedWebhook:
    """One POST as the receiver saw it; header names are lower-cased."""

    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


class _Server(ThreadingHTTPServer):
    """Carries the receiver to the handler and keeps handler errors instead of printing them."""

    receiver: WebhookReceiver

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Keep unexpected errors; a sender that hung up after its timeout is expected."""
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, ConnectionError):
            self.receiver.errors.append(error)


class _Handler(BaseHTTPRequestHandler):
    """Records each POST, then answers with the next scripted answer (default 200)."""

    def do_POST(self) -> None:
        """Queue the request for the test, then answer (or hang) as scripted."""
        receiver = cast(_Server, self.server).receiver
        length = int(self.headers.get("Content-Length", "0"))
        headers = {name.lower(): value for name, value in self.headers.items()}
        receiver.requests.put(ReceivedWebhook(self.path, headers, self.rfile.read(length)))
        answer = receiver.next_answer()
        if answer == HANG:
            receiver.release.wait(HANG_LIMIT)
            answer = 200
        self.send_response(answer)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


class WebhookReceiver:
    """Listens on 127.0.0.1:<free port> in a daemon thread until :meth:`close`."""

    def __init__(self) -> None:
        self.requests: queue.Queue[ReceivedWebhook] = queue.Queue()
        self.release = threading.Event()
        self.errors: list[BaseException] = []
        self._answers: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.receiver = self
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        """Serve until shutdown; a short poll interval keeps ``shutdown()`` from lagging."""
        self._server.serve_forever(poll_interval=0.01)

    def url(self, path: str = "/hook") -> str:
        """An address on this receiver."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def respond(self, *answers: Answer) -> None:
        """Script the next answers; once used up, requests get 200."""
        with self._lock:
            self._answers.extend(answers)

    def next_answer(self) -> Answer:
        """The next scripted answer (called by the handler thread)."""
        with self._lock:
            return self._answers.popleft() if self._answers else 200

    def get(self, timeout: float = 2.0) -> ReceivedWebhook:
        """The next request, failing the test if none arrives within ``timeout`` seconds."""
        try:
            return self.requests.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no webhook arrived within {timeout} s") from None

    def take(self, count: int, timeout: float = 2.0) -> list[ReceivedWebhook]:
        """The next ``count`` requests, in arrival order."""
        return [self.get(timeout) for _ in range(count)]

    def close(self) -> None:
        """Release hung requests, stop serving and join the server thread."""
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5.0)
