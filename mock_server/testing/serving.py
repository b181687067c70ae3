"""Running the mock on a real loopback socket: in a thread, or as a ``tonn-mock serve`` process.

Both bind port 0 (a free port) and return once the socket listens, without sleeping. Used by the
pytest plugin, the test suites and the contract suite's remote runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server


class _QuietHandler(WSGIRequestHandler):
    def log(self, type: str, message: str, *args: Any) -> None:
        """Requests are logged by the app (``tonn_mock.requests``), not on stderr."""


@contextlib.contextmanager
def serve_in_thread(app: Flask) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 at a free port from a daemon thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="tonn-mock-server", daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()


@dataclass
class Spawned:
    """A ``tonn-mock serve`` process: its base URL and the lines it has written to stderr so far."""

    process: subprocess.Popen[str]
    url: str
    log: list[str]

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 10.0) -> float:
        """Send ``signum`` and wait for the process to end; returns how long that took (seconds)."""
        started = time.monotonic()
        self.process.send_signal(signum)
        self.process.wait(timeout)
        return time.monotonic() - started


@contextlib.contextmanager
def spawn(*args: str, env: dict[str, str] | None = None) -> Iterator[Spawned]:
    """Run ``tonn-mock serve --port 0 <args>`` as a separate process; yields it once it listens
    (its log lines before that included), and stops it at the end if it is still running."""
    command = [str(Path(sys.executable).parent / "tonn-mock"), "serve", "--port", "0", *args]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    assert process.stderr is not None
    stderr, log = process.stderr, list[str]()
    while not log or "listening on" not in log[-1]:  # readline returns once the socket is bound
        log.append(stderr.readline())
        if not log[-1]:
            process.wait(timeout=10)
            stderr.close()
            raise RuntimeError(f"tonn-mock serve did not start: {''.join(log)}")
    url = log[-1].split("listening on ", 1)[1].split()[0]
    reader = threading.Thread(target=lambda: log.extend(stderr), daemon=True)  # keeps the pipe flowing
    reader.start()
    try:
        yield Spawned(process, url, log)
    finally:
        _end(process)
        reader.join(timeout=5)
        stderr.close()


def _end(process: subprocess.Popen[str]) -> None:
    """Stop the process gracefully (so it removes its temporary folder); kill it if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def serve_process(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run ``tonn-mock serve --port 0 <args>`` as a separate process; yields its base URL once it
    listens, and stops it gracefully (SIGTERM) at the end."""
    with spawn(*args, env=env) as served:
        yield served.url
