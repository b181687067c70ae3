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
from collections.abc import Iterator
from pathlib import Path

from tonn_mock.testing.serving import serve_in_thread, serve_process

from .target import MOCK_KEY

ROOT = Path(__file__).resolve().parent.parent
SUITE_ENV_VARIABLES = ("TONN_BASE_URL", "TONN_LIVE", "TONN_CONTRACT_LIVE", "TONN_API_KEY")


@contextlib.contextmanager
def tonn_mock_serve(*args: str) -> Iterator[str]:
    """``tonn-mock serve`` on a free loopback port, set up for a contract run; yields its base URL.

    Only the suite's key is valid, no rate limit, tasks finish on their second poll, and a credit
    balance no run exhausts (so charging still runs).
    """
    options = ("--keys", MOCK_KEY, "--no-rate-limit", "--progression", "after_polls:1", *args)
    with serve_process(*options, env={"TONN_MOCK_INITIAL_CREDITS": str(10**9)}) as base_url:
        yield base_url


serving = serve_in_thread


def run_suite(base_url: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m pytest <args> --tonn-base-url base_url`` in a child process, from the repository root."""
    env = {name: value for name, value in os.environ.items() if name not in SUITE_ENV_VARIABLES}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args, "--tonn-base-url", base_url]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
