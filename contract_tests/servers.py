"""Real loopback servers for the self-tests, and the suite run against them in a child pytest.

``tonn_mock_serve`` starts ``tonn-mock serve --port 0`` as a separate process (exactly what a
user runs); ``serving`` serves a Flask app (a planted-bug variant) from a thread. ``run_suite``
runs ``contract_tests`` with ``--tonn-base-url`` in a child pytest: the documented switch, nothing
in-process shared with the parent.
"""

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

from .target import MOCK_KEY

ROOT = Path(__file__).resolve().parent.parent
SUITE_ENV_VARIABLES = ("TONN_BASE_URL", "TONN_LIVE", "TONN_CONTRACT_LIVE", "TONN_API_KEY")


@contextlib.contextmanager
def tonn_mock_serve(*args: str) -> Iterator[str]:
    """``tonn-mock serve`` on a free loopback port, set up for a contract run; yields its base URL.

    Only the suite's key is valid, no rate limit, tasks finish on their second poll, and a credit
    balance no run exhausts (so charging still runs).
    """
    command = [
        str(Path(sys.executable).parent / "tonn-mock"),
        "serve",
        "--port",
        "0",
        "--keys",
        MOCK_KEY,
        "--no-rate-limit",
        "--progression",
        "after_polls:1",
        *args,
    ]
    env = {**os.environ, "TONN_MOCK_INITIAL_CREDITS": str(10**9)}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert process.stderr is not None
    try:
        line = process.stderr.readline()  # returns once the server has bound its socket
        assert "listening on" in line, f"tonn-mock serve did not start: {line}"
        threading.Thread(target=process.stderr.read, daemon=True).start()  # keep the log pipe flowing
        yield line.split("listening on ", 1)[1].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()


@contextlib.contextmanager
def serving(app: Flask) -> Iterator[str]:
    """``app`` on a free loopback port, served from a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def run_suite(base_url: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m pytest <args> --tonn-base-url base_url`` in a child process, from the repository root."""
    env = {name: value for name, value in os.environ.items() if name not in SUITE_ENV_VARIABLES}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args, "--tonn-base-url", base_url]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
