#!/usr/bin/env python3
"""Throughput of the mock: requests/s and latency percentiles, served and in-process.

Measures, against ``tonn-mock serve`` on a loopback port (a separate process, waitress):
  * POST /masteringpreview alone (progression ``manual``: the API path without audio work);
  * full lifecycles create → poll (202) → poll (200) → retrieve final (progression
    ``after_polls:1``, audio work included);
and the same lifecycle in-process through ``httpx.WSGITransport``. Each figure is the median of
``--runs`` runs. Usage: ``python benchmarks/mock_bench.py [--seconds 5] [--runs 3] [--clients 8]``.
"""

from __future__ import annotations

import functools
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import click
import httpx

KEY = "bench"
CREATE = {
    "masteringData": {
        "trackData": [{"trackURL": "https://example.com/bench.wav"}],
        "musicalStyle": "POP",
        "desiredLoudness": "MEDIUM",
    }
}


def serve(progression: str) -> tuple[subprocess.Popen[str], str]:
    command = [
        str(Path(sys.executable).parent / "tonn-mock"),
        "serve",
        "--port",
        "0",
        "--no-rate-limit",
        "--no-credits",
        "--progression",
        progression,
        "--threads",
        "8",
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    line = process.stderr.readline()
    threading.Thread(target=process.stderr.read, daemon=True).start()
    return process, line.split("listening on ", 1)[1].split()[0]


def create(client: httpx.Client) -> None:
    assert client.post("/masteringpreview", json=CREATE).status_code == 200


def lifecycle(client: httpx.Client) -> None:
    task_id = client.post("/masteringpreview", json=CREATE).json()["mastering_task_id"]
    reference = {"masteringData": {"masteringTaskId": task_id}}
    assert client.post("/retrievepreviewmaster", json=reference).status_code == 202
    assert client.post("/retrievepreviewmaster", json=reference).status_code == 200
    assert client.post("/retrievefinalmaster", json=reference).status_code == 200


def measure(
    make_client: Callable[[], httpx.Client],
    action: Callable[[httpx.Client], None],
    clients: int,
    seconds: float,
) -> tuple[float, float, float]:
    """(operations per second, p50 ms, p99 ms) for ``clients`` threads over ``seconds``."""
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        with make_client() as client:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                action(client)
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if len(latencies) < 2:
        return len(latencies) / elapsed, latencies[0], latencies[0]
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49], cuts[98]


def median_of(runs: int, run: Callable[[], tuple[float, float, float]]) -> tuple[float, float, float]:
    results = [run() for _ in range(runs)]
    return tuple(statistics.median(r[i] for r in results) for i in range(3))  # type: ignore[return-value]


def report(name: str, figures: tuple[float, float, float], unit: str) -> None:
    rate, p50, p99 = figures
    click.echo(f"{name:<44} {rate:8.1f} {unit}/s   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")


@click.command()
@click.option("--seconds", default=5.0, show_default=True, help="Duration of one run.")
@click.option("--runs", default=3, show_default=True, help="Runs per figure (the median is reported).")
@click.option("--clients", default=8, show_default=True, help="Concurrent client threads.")
def main(seconds: float, runs: int, clients: int) -> None:
    """Benchmark the mock served by waitress and in-process."""
    for progression, action, name, unit in (
        ("manual", create, "served: POST /masteringpreview", "req"),
        ("after_polls:1", lifecycle, "served: create→poll→poll→final", "lifecycle"),
    ):
        process, base_url = serve(progression)
        try:
            served = functools.partial(
                httpx.Client, base_url=base_url, headers={"X-API-Key": KEY}, timeout=60
            )
            run = functools.partial(measure, served, action, clients, seconds)
            report(name, median_of(runs, run), unit)
        finally:
            process.terminate()
            process.wait()

    from tonn_mock.app import create_app
    from tonn_mock.core.settings import Settings

    app = create_app(Settings(progression="after_polls:1", rate_limit_enabled=False, credits_enabled=False))

    def in_process() -> httpx.Client:
        return httpx.Client(
            transport=httpx.WSGITransport(app=app), base_url="http://mock", headers={"X-API-Key": KEY}
        )

    report(
        "in-process: create→poll→poll→final",
        median_of(runs, lambda: measure(in_process, lifecycle, 1, seconds)),
        "lifecycle",
    )


if __name__ == "__main__":
    main()
