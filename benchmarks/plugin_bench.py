#!/usr/bin/env python3
"""What the pytest plugin costs: per-test fixture overhead, and the in-process request rate.

Fixture overhead: a generated test file with ``--tests`` empty tests per fixture (and as many
using no fixture at all) runs in one pytest session in a subprocess; a conftest hook records each
test's setup + call + teardown time. The overhead of a fixture is the median of its tests minus
the median of the fixture-free ones (the first test of each kind, which pays for session fixtures,
is left out).

Request rate: requests per second through each in-process path, on the same mock, median of
``--runs`` runs of ``--requests`` requests each, for ``GET /health`` (gate + route) and
``POST /upload`` (a JSON body validated against the spec, a signed URL pair; creating tasks would
start background audio work competing for the CPU): ``httpx.WSGITransport``, ``requests`` under
``mock_tonn()`` (responses), ``httpx`` under ``mock_tonn()`` (patched transport), and for
comparison the served mock over a loopback socket.

Usage: ``python benchmarks/plugin_bench.py [--tests 200] [--requests 1000] [--runs 3]``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from flask import Flask

FIXTURES = ("tonn_mock", "tonn_client", "tonn_intercept", "tonn_served_client")
RECORDER = """
import json, os
import pytest

DURATIONS = {}


@pytest.hookimpl
def pytest_runtest_logreport(report):
    DURATIONS.setdefault(report.nodeid, 0.0)
    DURATIONS[report.nodeid] += report.duration


def pytest_sessionfinish(session):
    with open(os.environ["BENCH_OUT"], "w") as out:
        json.dump(DURATIONS, out)
"""
UPLOAD = {"filename": "bench.wav", "contentType": "audio/wav"}


def fixture_tests(count: int) -> str:
    lines = ["import pytest", ""]
    for name in ("baseline", *FIXTURES):
        parameters = "n" if name == "baseline" else f"n, {name}"
        lines += [
            f"@pytest.mark.parametrize('n', range({count}))",
            f"def test_{name}({parameters}):",
            "    pass",
            "",
        ]
    return "\n".join(lines)


def fixture_overhead(count: int) -> dict[str, float]:
    """Median per-test overhead of each fixture over an empty test, in milliseconds."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "conftest.py").write_text(RECORDER)
        (root / "test_bench.py").write_text(fixture_tests(count))
        (root / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider -q\n")
        out = root / "durations.json"
        command = [sys.executable, "-m", "pytest", str(root)]
        subprocess.run(command, cwd=root, env={**os.environ, "BENCH_OUT": str(out)}, check=True)
        durations: dict[str, float] = json.loads(out.read_text())
    medians = {}
    for name in ("baseline", *FIXTURES):
        times = [d for node, d in durations.items() if f"::test_{name}[" in node and not node.endswith("[0]")]
        medians[name] = statistics.median(times) * 1000
    return {name: medians[name] - medians["baseline"] for name in FIXTURES} | {
        "baseline": medians["baseline"]
    }


@contextmanager
def served(app: Flask) -> Iterator[str]:
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log(self, *args: object) -> None:
            pass

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def rate(call: Callable[[], object], requests: int, runs: int) -> float:
    """Median requests per second of ``runs`` timed loops of ``requests`` calls."""
    call()  # warm up
    results = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(requests):
            call()
        results.append(requests / (time.perf_counter() - start))
    return statistics.median(results)


def request_rates(requests: int, runs: int) -> dict[str, dict[str, float]]:
    import httpx
    import requests as requests_lib

    from tonn_mock.app import create_app
    from tonn_mock.core.settings import Settings
    from tonn_mock.testing.harness import MockOptions, TonnMock
    from tonn_mock.testing.intercept import TONN_BASE_URL, mock_tonn

    app = create_app(Settings(rate_limit_enabled=False, credits_enabled=False))
    mock = TonnMock.attach(app, MockOptions())
    headers = {"X-API-Key": mock.api_key}
    paths: dict[str, dict[str, float]] = {}

    def measure(label: str, get: Callable[[], object], post: Callable[[], object]) -> None:
        paths[label] = {
            "GET /health": rate(get, requests, runs),
            "POST /upload": rate(post, requests, runs),
        }

    wsgi = mock.http_client()
    measure(
        "httpx.WSGITransport",
        lambda: wsgi.get("/health"),
        lambda: wsgi.post("/upload", json=UPLOAD),
    )
    with mock_tonn(app), requests_lib.Session() as session, httpx.Client(headers=headers) as patched:
        session.headers.update(headers)
        measure(
            "requests via mock_tonn (responses)",
            lambda: session.get(f"{TONN_BASE_URL}/health"),
            lambda: session.post(f"{TONN_BASE_URL}/upload", json=UPLOAD),
        )
        measure(
            "httpx via mock_tonn (patched transport)",
            lambda: patched.get(f"{TONN_BASE_URL}/health"),
            lambda: patched.post(f"{TONN_BASE_URL}/upload", json=UPLOAD),
        )
    with served(app) as url, httpx.Client(base_url=url, headers=headers) as socket_client:
        measure(
            "served mock, loopback socket (comparison)",
            lambda: socket_client.get("/health"),
            lambda: socket_client.post("/upload", json=UPLOAD),
        )
    mock.close()
    mock.backend.close()
    return paths


@click.command()
@click.option("--tests", default=200, show_default=True, help="tests per fixture")
@click.option("--requests", "count", default=1000, show_default=True, help="requests per timed run")
@click.option("--runs", default=3, show_default=True)
def main(tests: int, count: int, runs: int) -> None:
    overhead = fixture_overhead(tests)
    click.echo(f"\nper-test fixture overhead (median of {tests - 1} tests, over an empty test):")
    click.echo(f"  {'empty test (baseline)':40s} {overhead['baseline']:7.2f} ms")
    for name in FIXTURES:
        click.echo(f"  {name:40s} {overhead[name]:+7.2f} ms")
    click.echo(f"\nin-process request rate (median of {runs} runs of {count} requests):")
    for label, figures in request_rates(count, runs).items():
        cells = "   ".join(f"{path} {value:7.0f}/s" for path, value in figures.items())
        click.echo(f"  {label:42s} {cells}")


if __name__ == "__main__":
    main()
