#!/usr/bin/env python3
"""The mock beside Prism 5 on the project's own spec, and the figures of "instant answers".

Side by side (one run, rounds alternating which server goes first; wrk -t2 -c16):
  * served ``POST /masteringpreview``: requests/s and p99 of ``tonn-mock serve`` (validation on,
    rate limit and credits off) and of ``prism mock openapi/openapi.json`` on the same requests,
    every answer a real 200 (a non-2xx answer fails the round);
then the mock alone:
  * a 30-track ``/mixpreview`` create with 30 URLs never seen before (median and max, ms);
  * full mastering lifecycles over a socket (create, preview, final), per second (wrk, 8 x 1);
  * resident memory after 10,000 and 20,000 finished tasks.

Needs ``wrk`` (Debian package) and Prism (``npm install @stoplight/prism-cli@5``: found on PATH,
in ``./node_modules/.bin`` or at ``$PRISM``); a missing tool is named and its part skipped.
Usage: ``python benchmarks/instant_bench.py [--rounds 5] [--seconds 5]``.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import httpx

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "openapi.json"
WRK_SCRIPTS = Path(__file__).resolve().parent / "wrk"
HEADERS = {"X-API-Key": "bench"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/health", headers=HEADERS, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up within {timeout:g} s")


@contextmanager
def running(command: list[str], url: str) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(url)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def mock_command(port: int) -> list[str]:
    tonn_mock = str(Path(sys.executable).parent / "tonn-mock")
    return [tonn_mock, "serve", "--port", str(port), "--no-rate-limit", "--no-credits"]


def prism_executable() -> str | None:
    local = ROOT / "node_modules" / ".bin" / "prism"
    return os.environ.get("PRISM") or shutil.which("prism") or (str(local) if local.exists() else None)


def wrk(url: str, script: str, seconds: int, threads: int = 2, connections: int = 16) -> dict[str, float]:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s"]
    output = subprocess.run(
        [*command, str(WRK_SCRIPTS / script), url], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"{url} answered non-2xx statuses:\n{output}")
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}  # type: ignore[union-attr]
    for name, text in re.findall(r"\s+(50|99)%\s+([\d.]+\w+)", output):
        figures[f"p{name}"] = milliseconds(text)
    if match := re.search(r"lifecycles (\d+)", output):
        figures["lifecycles"] = int(match.group(1)) / seconds
    return figures


def milliseconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def side_by_side(rounds: int, seconds: int, prism: str) -> None:
    mock_port, prism_port = free_port(), free_port()
    mock_url, prism_url = f"http://127.0.0.1:{mock_port}", f"http://127.0.0.1:{prism_port}"
    prism_command = [prism, "mock", str(SPEC), "--host", "127.0.0.1", "--port", str(prism_port)]
    with running(mock_command(mock_port), mock_url), running(prism_command, prism_url):
        for url in (mock_url, prism_url):
            wrk(f"{url}/masteringpreview", "create_master.lua", 2)  # warm-up
        results: dict[str, list[dict[str, float]]] = {"mock": [], "prism": []}
        for number in range(rounds):
            order = [("mock", mock_url), ("prism", prism_url)][:: 1 if number % 2 == 0 else -1]
            for name, url in order:
                results[name].append(wrk(f"{url}/masteringpreview", "create_master.lua", seconds))
                print(f"round {number + 1} {name:5}: {format_figures(results[name][-1])}")
    rps = [m["rps"] / p["rps"] for m, p in zip(results["mock"], results["prism"], strict=True)]
    p99 = [m["p99"] / p["p99"] for m, p in zip(results["mock"], results["prism"], strict=True)]
    print(f"mock/Prism requests/s (min / median / max): {spread(rps)}")
    print(f"mock/Prism p99 latency (min / median / max): {spread(p99)}")


def format_figures(figures: dict[str, float]) -> str:
    return f"{figures['rps']:8.1f} req/s  p50 {figures['p50']:6.2f} ms  p99 {figures['p99']:6.2f} ms"


def mix_creates(url: str, count: int = 20, tracks: int = 30) -> None:
    times = []
    with httpx.Client(base_url=url, headers=HEADERS, timeout=60) as client:
        for number in range(count):
            data = [
                {
                    "trackURL": f"https://example.com/bench/{time.time_ns()}-{number}-{track}.wav",
                    "instrumentGroup": "OTHER_GROUP1",
                    "presenceSetting": "NORMAL",
                    "panPreference": "NO_PREFERENCE",
                    "reverbPreference": "NONE",
                }
                for track in range(tracks)
            ]
            body = {"multitrackData": {"trackData": data, "musicalStyle": "POP", "returnStems": False}}
            started = time.perf_counter()
            assert client.post("/mixpreview", json=body).status_code == 200
            times.append((time.perf_counter() - started) * 1000)
    median, worst = statistics.median(times), max(times)
    print(f"{tracks}-track /mixpreview create, new URLs: median {median:.1f} ms, max {worst:.1f} ms")


def resident_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]


def create_tasks(url: str, count: int) -> None:
    body = {
        "masteringData": {
            "trackData": [{"trackURL": "https://example.com/bench.wav"}],
            "musicalStyle": "POP",
            "desiredLoudness": "MEDIUM",
        }
    }
    with httpx.Client(base_url=url, headers=HEADERS) as client:
        for _ in range(count):
            assert client.post("/masteringpreview", json=body).status_code == 200


def mock_alone(seconds: int) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running(mock_command(port), url) as process:
        mix_creates(url)
        wrk(url, "lifecycle.lua", 2, threads=8, connections=8)  # warm-up: the input is measured once
        rates = [wrk(url, "lifecycle.lua", seconds, threads=8, connections=8)["lifecycles"] for _ in range(3)]
        print(f"mastering lifecycles over a socket, per second (min / median / max): {spread(rates)}")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running(mock_command(port), url) as process:
        create_tasks(url, 10_000)
        at_10k = resident_mib(process.pid)
        create_tasks(url, 10_000)
        at_20k = resident_mib(process.pid)
        growth = (at_20k / at_10k - 1) * 100
        print(
            f"resident memory: {at_10k:.0f} MiB at 10,000 tasks, {at_20k:.0f} MiB at 20,000 ({growth:+.1f}%)"
        )


@click.command()
@click.option("--rounds", default=5, show_default=True, help="Alternating rounds against Prism.")
@click.option("--seconds", default=5, show_default=True, help="Length of each wrk run.")
def main(rounds: int, seconds: int) -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("skipped: wrk is not installed (apt-get install wrk)")
    prism = prism_executable()
    if prism is None:
        print("skipped the side-by-side part: Prism not found (npm install @stoplight/prism-cli@5)")
    else:
        side_by_side(rounds, seconds, prism)
    mock_alone(seconds)


if __name__ == "__main__":
    main()
