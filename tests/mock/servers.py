"""Serving an app on a real loopback socket for tests (no fixed ports, no sleeping)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from flask import Flask
from werkzeug.serving import make_server


@contextlib.contextmanager
def running(app: Flask) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 at a free port in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@contextlib.contextmanager
def tonn_mock_serve(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run ``tonn-mock serve --port 0`` as a separate process; yields its base URL once it listens."""
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
        line = stderr.readline()  # blocks until the server has bound its socket
        assert "listening on" in line, line
        drain = threading.Thread(target=stderr.read, daemon=True)  # keep the log pipe flowing
        drain.start()
        yield line.split("listening on ", 1)[1].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=10)
        stderr.close()
