#!/usr/bin/env python3
"""What durable state and ``--workers 2`` cost and what they guarantee, in one run.

1. Side by side (rounds alternating, the order rotated each round; wrk -t2 -c16 on
   ``POST /masteringpreview``, every answer a real 200 or the round fails): Prism 5 on the
   project's spec, ``tonn-mock serve`` in memory, with ``--state FILE`` (one process) and with
   ``--workers 2`` (one state file). Each server is started once, warmed up 2 s and kept for all
   rounds. Reports per-round ratios (min / median / max): sqlite/memory requests/s,
   2 workers/Prism and memory/Prism requests/s and p99 latency.
2. Exactly-once webhooks across 2 workers: 2,000 mastering tasks created from 8 threads, each with
   a webhook URL on a local receiver, 2 webhooks expected per task; counts received, distinct
   (task, state) pairs, duplicates and missing ones.
3. ``kill -9`` during a burst: 4 threads create tasks (``--progression after_seconds:2``) on
   ``--workers 2``; after 1,000 answered 200 the whole process group (supervisor and workers) is
   killed; a new mock on the same storage folder must know every answered task and finish it.

Needs ``wrk`` (Debian package; without it the run ends "skipped: ...") and, for the Prism
columns, Prism (``npm install @stoplight/prism-cli@5``: at ``$PRISM``, on PATH or in
``./node_modules/.bin``). Usage:
``PRISM=/path/to/prism python benchmarks/state_bench.py --rounds 5 --seconds 5``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import click
import httpx
from instant_bench import (
    HEADERS,
    SPEC,
    format_figures,
    free_port,
    mock_command,
    prism_executable,
    running,
    spread,
    wait_until_up,
    wrk,
)

Figures = dict[str, float]
TASKS = 2_000
KILL_AFTER = 1_000
STATES = ("MASTERING_TASK_PENDING", "MASTERING_TASK_PREVIEW_COMPLETED")


def master_body(webhook: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "trackData": [{"trackURL": "https://example.com/bench.wav"}],
        "musicalStyle": "POP",
        "desiredLoudness": "MEDIUM",
    }
    if webhook is not None:
        data["webhookURL"] = webhook
    return {"masteringData": data}


def workers_command(port: int, storage: Path, *extra: str) -> list[str]:
    return [*mock_command(port), "--workers", "2", "--storage-dir", str(storage), *extra]


def start(command: list[str], url: str, log: Path) -> subprocess.Popen[bytes]:
    """Start ``command`` in a session of its own (stderr to ``log``) and wait for ``/health``."""
    with log.open("ab") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    try:
        wait_until_up(url)
    except RuntimeError as problem:
        stop(process)
        raise RuntimeError(f"{problem}; its stderr:\n{log.read_text()[-2000:]}") from None
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (the supervisor passes it on to its workers); SIGKILL to the group if it hangs."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        print(f"pid {process.pid} ignored SIGTERM for 20 s: killing its process group")
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def supervised(command: list[str], url: str, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = start(command, url, log)
    try:
        yield process
    finally:
        stop(process)


def folder(stack: ExitStack) -> Path:
    """A fresh temporary folder, removed when ``stack`` closes; ``storage/`` in it for the mock."""
    path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="state-bench-")))
    (path / "storage").mkdir()
    return path


@contextmanager
def contenders(prism: str | None) -> Iterator[dict[str, str]]:
    """Start every server of part 1 once; stop them all (and remove their folders) at the end."""
    with ExitStack() as stack:
        ports = {name: free_port() for name in ("Prism", "memory", "sqlite", "2 workers")}
        urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        if prism is None:
            del urls["Prism"]
        else:
            command = [prism, "mock", str(SPEC), "--host", "127.0.0.1", "--port", str(ports["Prism"])]
            stack.enter_context(running(command, urls["Prism"]))
        stack.enter_context(running(mock_command(ports["memory"]), urls["memory"]))
        tmp = folder(stack)
        sqlite = [*mock_command(ports["sqlite"]), "--state", str(tmp / "state.sqlite3")]
        stack.enter_context(running([*sqlite, "--storage-dir", str(tmp / "storage")], urls["sqlite"]))
        tmp = folder(stack)
        command = workers_command(ports["2 workers"], tmp / "storage")
        stack.enter_context(supervised(command, urls["2 workers"], tmp / "server.log"))
        yield urls


def side_by_side(rounds: int, seconds: int, prism: str | None) -> None:
    print("== 1. POST /masteringpreview side by side (wrk -t2 -c16)")
    if prism is None:
        print("Prism not found ($PRISM, PATH, ./node_modules/.bin): its columns and ratios are skipped")
    with contenders(prism) as urls:
        for url in urls.values():
            wrk(f"{url}/masteringpreview", "create_master.lua", 2)  # warm-up
        results: dict[str, list[Figures]] = {name: [] for name in urls}
        names = list(urls)
        for number in range(rounds):
            shift = number % len(names)
            for name in names[shift:] + names[:shift]:
                results[name].append(wrk(f"{urls[name]}/masteringpreview", "create_master.lua", seconds))
                print(f"round {number + 1} {name:9}: {format_figures(results[name][-1])}")
    report_ratios(results)


def report_ratios(results: dict[str, list[Figures]]) -> None:
    def ratios(top: str, bottom: str, key: str) -> list[float]:
        return [a[key] / b[key] for a, b in zip(results[top], results[bottom], strict=True)]

    print(f"sqlite/memory requests/s (min / median / max): {spread(ratios('sqlite', 'memory', 'rps'))}")
    if "Prism" not in results:
        return
    for name in ("2 workers", "memory"):
        print(f"{name}/Prism requests/s (min / median / max): {spread(ratios(name, 'Prism', 'rps'))}")
        print(f"{name}/Prism p99 (min / median / max): {spread(ratios(name, 'Prism', 'p99'))}")


class Receiver(ThreadingHTTPServer):
    """A webhook receiver on 127.0.0.1: answers 200 and counts (mastering_task_id, state) pairs."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Hook)
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.last = self.arrived = time.monotonic()  # last: quiet-time clock; arrived: last webhook
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"

    def record(self, payload: dict[str, Any]) -> None:
        with self.lock:
            self.pairs[(str(payload.get("mastering_task_id")), str(payload.get("state")))] += 1
            self.last = self.arrived = time.monotonic()

    def total(self) -> int:
        with self.lock:
            return sum(self.pairs.values())


class Hook(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.server.record(json.loads(self.rfile.read(length) or b"{}"))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def receiving() -> Iterator[Receiver]:
    receiver = Receiver()
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.shutdown()
        receiver.server_close()
        thread.join(timeout=10)


def create_many(url: str, count: int, webhook: str) -> tuple[list[str], Counter[str]]:
    """``count`` mastering creates from 8 threads on one client: the ids answered 200 and the
    other outcomes (status or exception name) counted."""
    failures: Counter[str] = Counter()
    with httpx.Client(base_url=url, headers=HEADERS, timeout=30) as client:

        def create(_: int) -> str | None:
            try:
                response = client.post("/masteringpreview", json=master_body(webhook))
            except httpx.HTTPError as problem:
                failures[type(problem).__name__] += 1
                return None
            if response.status_code != 200:
                failures[f"{response.status_code} {response.text[:120]}"] += 1
                return None
            return str(response.json()["mastering_task_id"])

        with ThreadPoolExecutor(max_workers=8) as pool:
            ids = [task for task in pool.map(create, range(count)) if task is not None]
    return ids, failures


def wait_for_webhooks(receiver: Receiver, expected: int, limit: float = 120.0, quiet: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while receiver.total() < expected and time.monotonic() < deadline:
        if time.monotonic() - receiver.last > quiet:
            return
        time.sleep(0.1)


def exactly_once() -> None:
    print(f"== 2. exactly-once webhooks across 2 workers ({TASKS:,} tasks from 8 threads)")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with ExitStack() as stack:
        tmp = folder(stack)
        receiver = stack.enter_context(receiving())
        stack.enter_context(supervised(workers_command(port, tmp / "storage"), url, tmp / "server.log"))
        started = time.monotonic()
        ids, failures = create_many(url, TASKS, receiver.url)
        receiver.last = time.monotonic()
        wait_for_webhooks(receiver, len(ids) * len(STATES))
        with receiver.lock:
            pairs, elapsed = Counter(receiver.pairs), receiver.arrived - started
    expected = {(task, state) for task in ids for state in STATES}
    print(f"tasks created: {len(ids)}" + (f" (failed: {dict(failures)})" if failures else ""))
    print(f"webhooks received: {sum(pairs.values())}")
    print(f"distinct (task, state) pairs: {len(pairs)}")
    print(f"duplicates: {sum(pairs.values()) - len(pairs)}")
    print(f"missing: {len(expected - set(pairs))}")
    if unexpected := set(pairs) - expected:
        print(f"unexpected pairs: {len(unexpected)}, e.g. {sorted(unexpected)[:3]}")
    print(f"seconds (first create to last webhook): {elapsed:.1f}")


class Burst:
    """Threads creating tasks until ``killed`` is set, keeping the ids answered 200."""

    def __init__(self, url: str, target: int) -> None:
        self.url, self.target = url, target
        self.ids: list[str] = []
        self.failures: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.reached, self.killed = threading.Event(), threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.url, headers=HEADERS, timeout=30) as client:
            while not self.killed.is_set():
                try:
                    response = client.post("/masteringpreview", json=master_body())
                except httpx.HTTPError as problem:
                    if self.killed.is_set():
                        return
                    self.failures[type(problem).__name__] += 1
                    continue
                self.record(response)

    def record(self, response: httpx.Response) -> None:
        with self.lock:
            if response.status_code != 200:
                self.failures[f"{response.status_code} {response.text[:120]}"] += 1
                return
            self.ids.append(str(response.json()["mastering_task_id"]))
            if len(self.ids) >= self.target:
                self.reached.set()


def burst_then_kill(process: subprocess.Popen[bytes], url: str) -> Burst:
    """4 threads create tasks; after ``KILL_AFTER`` answered 200, SIGKILL the process group."""
    burst = Burst(url, KILL_AFTER)
    threads = [threading.Thread(target=burst.run, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    reached = burst.reached.wait(timeout=180)
    burst.killed.set()  # before the kill, so every error after it counts as the kill's
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    for thread in threads:
        thread.join(timeout=60)
    if not reached:
        raise RuntimeError(f"only {len(burst.ids)} tasks answered 200 in 180 s: {dict(burst.failures)}")
    return burst


def settle(url: str, timeout: float = 60.0) -> tuple[dict[str, dict[str, Any]], bool]:
    """Poll ``/_mock/tasks`` until no task is running: the tasks by id, and whether they settled."""
    deadline = time.monotonic() + timeout
    while True:
        tasks = {t["id"]: t for t in httpx.get(f"{url}/_mock/tasks", headers=HEADERS, timeout=30).json()}
        settled = not any(t["running"] for t in tasks.values())
        if settled or time.monotonic() > deadline:
            return tasks, settled
        time.sleep(0.2)


def kill_and_restart() -> None:
    print(f"== 3. kill -9 of 2 workers and their supervisor after {KILL_AFTER:,} creates answered 200")
    progression = ("--progression", "after_seconds:2")
    with ExitStack() as stack:
        tmp = folder(stack)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        process = start(workers_command(port, tmp / "storage", *progression), url, tmp / "server.log")
        stack.callback(stop, process)
        burst = burst_then_kill(process, url)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        restarted = time.monotonic()
        command = workers_command(port, tmp / "storage", *progression)
        stack.enter_context(supervised(command, url, tmp / "restart.log"))
        up = time.monotonic() - restarted
        tasks, settled = settle(url)
        seconds = time.monotonic() - restarted
    report_restart(burst, tasks, settled, up, seconds)


def report_restart(
    burst: Burst, tasks: dict[str, dict[str, Any]], settled: bool, up: float, seconds: float
) -> None:
    answered = set(burst.ids)
    found = answered & set(tasks)
    final = [tasks[task] for task in found if not tasks[task]["running"]]
    failed = f" (other outcomes: {dict(burst.failures)})" if burst.failures else ""
    print(f"answered 200 before the kill: {len(answered)}{failed}")
    unanswered = len(set(tasks) - answered)
    print(f"found after restart among those: {len(found)} (stored but never answered: {unanswered})")
    print(f"lost: {len(answered - found)}")
    states = Counter(task["state"] for task in final)
    print(f"reached final state: {len(final)} ({', '.join(f'{s} {n}' for s, n in states.items())})")
    still = "" if settled else f" (NOT settled: {sum(t['running'] for t in tasks.values())} still running)"
    print(f"seconds to settle: {seconds:.1f} (up after {up:.1f}){still}")


@click.command()
@click.option("--rounds", default=5, show_default=True, help="Alternating side-by-side rounds.")
@click.option("--seconds", default=5, show_default=True, help="Length of each wrk run.")
def main(rounds: int, seconds: int) -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("skipped: wrk is not installed (apt-get install wrk)")
    side_by_side(rounds, seconds, prism_executable())
    exactly_once()
    kill_and_restart()


if __name__ == "__main__":
    main()
