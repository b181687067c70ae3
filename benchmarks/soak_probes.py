"""Soak scenarios that probe: bad input on every operation family, storage tampering, signals and
restarts, slow clients, and resets under traffic (``soak.py`` runs them)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from soak_load import example_body
from soak_tools import HEADERS, HealthProbe, Receiver, Row, Tally, client_of, upload, wav

from tonn_mock.testing.serving import spawn as serve
from tonn_openapi import load_spec

SPEC = load_spec()
DEEP = b"[" * 10_000 + b"]" * 10_000
BAD_BODIES = [
    DEEP,
    b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
    b'{"x": NaN}',
    b'{"x": Infinity}',
    b'{"x": 1e400}',
    b'{"x": 1' + b"0" * 5_000 + b"}",
    b'{"oops": ',
    b"",
    b"\xff\xfe\x00garbage",
    b'"just a string"',
    b"null",
    b"[]",
]
WRONG_TYPES = [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
]
CONTROL = [
    ("POST", "/_mock/faults"),
    ("POST", "/_mock/failures"),
    ("PUT", "/_mock/credits"),
    ("PUT", "/_mock/progression"),
    ("POST", "/_mock/tasks/x/fail"),
]


def bad_input() -> Row:
    """Every bad body to every operation with a body and to the control plane, and every body
    operation's example under the wrong media types: none may answer a 5xx."""
    row, tally = Row("bad input: every operation family and the control plane"), Tally()
    operations = [path for path, item in SPEC["paths"].items() if "requestBody" in item.get("post", {})]
    with serve("--no-credits") as mock, client_of(mock) as client:
        for path in operations:
            for body in BAD_BODIES:
                tally.note(client.post(path, content=body, headers={"Content-Type": "application/json"}))
            example = json.dumps(example_body(path, 0, None)).encode()
            for content_type in WRONG_TYPES:
                tally.note(client.post(path, content=example, headers={"Content-Type": content_type}))
        for method, path in CONTROL:
            for body in BAD_BODIES:
                tally.note(
                    client.request(method, path, content=body, headers={"Content-Type": "application/json"})
                )
        for query in ("status=1e400", "status=NaN", "limit=-1", "operation=nope"):
            tally.note(client.get(f"/_mock/requests?{query}"))
    row.requests, row.server_errors = tally.sent, tally.server_errors
    row.note = f"statuses {dict(sorted(tally.statuses.items()))}"
    return row


def _variants(url: str) -> dict[str, str]:
    """``url`` altered every way a tamperer would: each must be refused."""
    parts = urlsplit(url)
    query = parts.query
    swap = {"X-Goog-Expires=3600": "X-Goog-Expires=604800", "X-Goog-Date=": "X-Goog-Date=2"}
    altered = {
        name: urlunsplit(parts._replace(query=query.replace(old, new, 1)))
        for name, (old, new) in enumerate(swap.items())
    }
    return {
        "unsigned": urlunsplit(parts._replace(query="")),
        "signature altered": url[:-1] + ("0" if url[-1] != "0" else "1"),
        "expiry extended": altered[0],
        "date altered": altered[1],
        "key altered": urlunsplit(parts._replace(path=parts.path[:-4] + "x.wav")),
        "traversal": urlunsplit(parts._replace(path="/_storage/uploads/../results/x/RoEx_Final_Master.wav")),
        "encoded traversal": urlunsplit(parts._replace(path="/_storage/uploads/%2e%2e/%2e%2e/etc/passwd")),
        "NUL in key": urlunsplit(parts._replace(path="/_storage/uploads/a%00b.wav")),
        "signature param doubled": url + "&X-Goog-Signature=00",
        "algorithm changed": url.replace("GOOG4-HMAC-SHA256", "GOOG4-RSA-SHA256"),
    }


def tampering() -> Row:
    """Altered, unsigned and traversing storage URLs: refused on GET and PUT, and as task inputs
    (the task fails); an unsigned path to another key's result cannot be read as an input."""
    row, tally = Row("storage tampering: URLs, uploads and task inputs"), Tally()
    accepted: list[str] = []
    with serve("--no-credits") as mock, client_of(mock) as client:
        urls = upload(client, wav())
        for name, url in _variants(urls["readable_url"]).items():
            if tally.note(client.get(url)).status_code == 200:
                accepted.append(f"GET {name}")
            if _task_completes(client, tally, url):
                accepted.append(f"input {name}")
        for name, url in _variants(urls["signed_url"]).items():
            if (
                tally.note(client.put(url, content=b"x", headers={"Content-Type": "audio/wav"})).status_code
                == 200
            ):
                accepted.append(f"PUT {name}")
        if (
            tally.note(
                client.put(urls["signed_url"], content=b"x", headers={"Content-Type": "audio/flac"})
            ).status_code
            == 200
        ):
            accepted.append("PUT with another Content-Type")
        accepted += _cross_tenant(client, tally)
    row.requests, row.server_errors, row.violations = tally.sent, tally.server_errors, len(accepted)
    row.note = "accepted: " + (", ".join(accepted) if accepted else "none")
    return row


def _task_completes(client: httpx.Client, tally: Tally, url: str) -> bool:
    body = {
        "masteringData": {"trackData": [{"trackURL": url}], "musicalStyle": "POP", "desiredLoudness": "LOW"}
    }
    task = tally.note(client.post("/masteringpreview", json=body)).json()
    poll = {"masteringData": {"masteringTaskId": task["mastering_task_id"]}}
    return "previewMasterTaskResults" in tally.note(client.post("/retrievepreviewmaster", json=poll)).json()


def _cross_tenant(client: httpx.Client, tally: Tally) -> list[str]:
    theirs = upload(client, wav(), "private.wav")["readable_url"]
    body = {
        "masteringData": {
            "trackData": [{"trackURL": theirs}],
            "musicalStyle": "POP",
            "desiredLoudness": "LOW",
        }
    }
    task_id = tally.note(client.post("/masteringpreview", json=body)).json()["mastering_task_id"]
    final = tally.note(
        client.post("/retrievefinalmaster", json={"masteringData": {"masteringTaskId": task_id}})
    )
    private = urlsplit(final.json()["finalMasterTaskResults"]["download_url_mastered"])
    stolen = urlunsplit(private._replace(netloc="127.0.0.1:1", query=""))
    client.headers["X-API-Key"] = "another-tenant"
    try:
        return ["another key's master as an input"] if _task_completes(client, tally, stolen) else []
    finally:
        client.headers.update(HEADERS)


def _burst(url: str, outcomes: Counter[str], under_way: threading.Event, stop: threading.Event) -> None:
    body = example_body("/masteringpreview", 0, None)
    with httpx.Client(base_url=url, headers=HEADERS, timeout=10) as client:
        while not stop.is_set():
            try:
                answer = client.post("/masteringpreview", json=body)
            except httpx.ConnectError:
                outcomes["refused"] += 1
                return
            except httpx.HTTPError:
                outcomes["cut"] += 1
                return
            outcomes["5xx" if answer.status_code >= 500 else "answered"] += 1
            if outcomes["answered"] >= 200:
                under_way.set()


def signals(runs: int) -> Row:
    """SIGTERM or SIGINT during a burst of 8 clients, ``runs`` times: no request cut, the process
    gone within 5 s, no temporary folder left; then a webhook pending at SIGTERM is sent by the
    next start on the same storage folder."""
    row, slowest, left = Row("signals: SIGTERM/SIGINT mid-burst, then a restart"), 0.0, 0
    outcomes: Counter[str] = Counter()
    for run in range(runs):
        with tempfile.TemporaryDirectory() as tmp, serve(env={"TMPDIR": tmp}) as mock:
            under_way, stop = threading.Event(), threading.Event()
            clients = [
                threading.Thread(target=_burst, args=(mock.url, outcomes, under_way, stop)) for _ in range(8)
            ]
            for client in clients:
                client.start()
            under_way.wait(20)
            slowest = max(slowest, mock.stop(signal.SIGTERM if run % 2 == 0 else signal.SIGINT))
            stop.set()
            for client in clients:
                client.join(10)
            left += len(list(Path(tmp).glob("tonn-mock-*")))
    resumed = _restart_resumes_webhooks()
    row.requests = sum(outcomes.values()) + 2
    row.server_errors, row.lost = outcomes["5xx"], outcomes["cut"] + (not resumed)
    row.violations = (slowest > 5.0) + left
    row.note = (
        f"{runs} stops, slowest exit {slowest:.2f} s (< 5 s), folders left {left}, "
        f"pending webhook resumed: {resumed}"
    )
    return row


def _restart_resumes_webhooks() -> bool:
    receiver = Receiver("fail")
    with tempfile.TemporaryDirectory() as folder:
        options = ("--storage-dir", folder, "--webhook-base-delay", "60")
        with serve(*options) as first, client_of(first) as client:
            task_id = client.post(
                "/masteringpreview", json=example_body("/masteringpreview", 1, receiver.url)
            ).json()["mastering_task_id"]
            receiver.wait_for(task_id, "MASTERING_TASK_PENDING", 10)
            first.stop(signal.SIGTERM)
        receiver.manner = "ok"
        with serve(*options):
            resumed = receiver.wait_for(task_id, "MASTERING_TASK_PREVIEW_COMPLETED", 10) is not None
    receiver.close()
    return resumed


@contextlib.contextmanager
def _stalled(url: str, count: int, request: bytes) -> Iterator[None]:
    parts, opened = urlsplit(url), []
    try:
        for _ in range(count):
            connection = socket.create_connection((parts.hostname, parts.port))
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            connection.sendall(request)
            opened.append(connection)
        yield
    finally:
        for connection in opened:
            connection.close()


def slow_clients(downloads: int, megabytes: int, idle: int) -> Row:
    """``downloads`` clients that ask for a large file and never read it, and ``idle`` open
    connections that send nothing, against 8 threads: /health must stay under 100 ms."""
    row, tally = (
        Row(f"slow clients: {downloads} unread {megabytes} MB downloads, {idle} idle connections"),
        Tally(),
    )
    with serve("--no-credits") as mock, client_of(mock) as client:
        urls = client.post("/upload", json={"filename": "big.wav", "contentType": "audio/wav"}).json()
        tally.note(
            client.put(
                urls["signed_url"], content=os.urandom(megabytes << 20), headers={"Content-Type": "audio/wav"}
            )
        )
        readable = urlsplit(urls["readable_url"])
        request = f"GET {readable.path}?{readable.query} HTTP/1.1\r\nHost: soak\r\n\r\n".encode()
        with (
            _stalled(mock.url, downloads, request),
            _stalled(mock.url, idle, b""),
            HealthProbe(mock.url) as health,
        ):
            time.sleep(2.0)  # the probe asks every 20 ms meanwhile
    row.requests = tally.sent + health.sent + downloads
    row.server_errors, row.violations = tally.server_errors + health.failures, int(health.slowest > 0.1)
    row.note = f"slowest /health {health.slowest * 1000:.0f} ms over {health.sent} asks (< 100 ms)"
    return row


def reset_under_traffic(resets: int) -> Row:
    """4 clients upload, create, poll and download while the control plane resets ``resets`` times."""
    row, tally, stop = Row(f"reset: {resets} resets under traffic"), Tally(), threading.Event()
    song = wav()
    with serve("--no-credits") as mock:

        def traffic() -> None:
            with client_of(mock) as client:
                while not stop.is_set():
                    _one_round(client, tally, song)

        clients = [threading.Thread(target=traffic) for _ in range(4)]
        for client in clients:
            client.start()
        with client_of(mock) as control:
            for _ in range(resets):
                seen = tally.sent
                while tally.sent < seen + 5:
                    time.sleep(0.005)
                tally.note(control.post("/_mock/reset"))
        stop.set()
        for client in clients:
            client.join(30)
    row.requests, row.server_errors = tally.sent, tally.server_errors
    row.note = f"statuses {dict(sorted(tally.statuses.items()))}"
    return row


def _one_round(client: httpx.Client, tally: Tally, song: bytes) -> None:
    urls = _json(tally.note(client.post("/upload", json={"filename": "a.wav", "contentType": "audio/wav"})))
    if "signed_url" not in urls:
        return
    tally.note(client.put(urls["signed_url"], content=song, headers={"Content-Type": "audio/wav"}))
    body = {
        "masteringData": {
            "trackData": [{"trackURL": urls["readable_url"]}],
            "musicalStyle": "POP",
            "desiredLoudness": "LOW",
        }
    }
    task = _json(tally.note(client.post("/masteringpreview", json=body)))
    if "mastering_task_id" in task:
        poll = {"masteringData": {"masteringTaskId": task["mastering_task_id"]}}
        done = _json(tally.note(client.post("/retrievepreviewmaster", json=poll)))
        if "previewMasterTaskResults" in done:
            tally.note(client.get(done["previewMasterTaskResults"]["download_url_mastered_preview"]))


def _json(answer: httpx.Response) -> dict[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
