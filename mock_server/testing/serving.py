"""Running the mock on a real loopback socket: in a thread, or as a ``tonn-mock serve`` process.

Both bind port 0 (a free port) and return once the socket listens, without sleeping. Used by the
pytest plugin, the test suites and the contract suite's remote runs.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
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


@contextlib.contextmanager
def serve_process(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run ``tonn-mock serve --port 0 <args>`` as a separate process; yields its base URL once it listens."""
    command = [str(Path(sys.executable).parent / "tonn-mock"), "serve", "--port", "0", *args]
    process = subprocess.Popen(
        command,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert process.stderr is not None
    stderr = process.stderr
    try:
        line = stderr.readline()  # returns once the server has bound its socket
        if "listening on" not in line:
            raise RuntimeError(f"tonn-mock serve did not start: {line}")
        threading.Thread(target=stderr.read, daemon=True).start()  # keep the log pipe flowing
        yield line.split("listening on ", 1)[1].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=10)
        stderr.close()
