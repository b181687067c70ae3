"""Soak scenarios under load: tasks of every product and progression, a backlog of work, webhook
receivers that misbehave beside a healthy one, and concurrent charging (``soak.py`` runs them)."""

from __future__ import annotations

import copy
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
from soak_tools import HealthProbe, Receiver, Row, Tally, client_of, refused_url, upload, wav

from tonn_mock.testing.serving import spawn as serve
from tonn_openapi import load_spec

SPEC = load_spec()
POLICIES = ("immediate", "after_polls:2", "after_seconds:0.3")
INPUTS = 3
"""Distinct stand-in inputs: the loudest 30 s of each is measured when first asked for."""


@dataclass(frozen=True)
class Product:
    create: str
    id_key: str
    poll: Callable[[str], tuple[str, str, dict[str, Any] | None]]
    done: Callable[[dict[str, Any]], bool | None]
    """True when finished, False when failed, None while running."""


def _finished(body: dict[str, Any], results: str) -> bool | None:
    if body.get("error") is True:
        return False
    return True if results in body else None


PRODUCTS = {
    "mastering": Product(
        "/masteringpreview",
        "mastering_task_id",
        lambda i: ("POST", "/retrievepreviewmaster", {"masteringData": {"masteringTaskId": i}}),
        lambda body: _finished(body, "previewMasterTaskResults"),
    ),
    "mixing": Product(
        "/mixpreview",
        "multitrack_task_id",
        lambda i: (
            "POST",
            "/retrievepreviewmix",
            {"multitrackData": {"multitrackTaskId": i, "retrieveFXSettings": False}},
        ),
        lambda body: _finished(body, "previewMixTaskResults"),
    ),
    "enhance": Product(
        "/mixenhancepreview",
        "mixrevive_task_id",
        lambda i: ("POST", "/retrieveenhancedtrack", {"mixReviveData": {"mixReviveTaskId": i}}),
        lambda body: (
            None
            if body.get("revivedTrackTaskResults", {}).get("download_url_preview_revived") is None
            and not body.get("error")
            else not body.get("error")
        ),
    ),
    "separation": Product(
        "/separate",
        "stemflowTaskId",
        lambda i: ("GET", f"/separatestatus/{i}", None),
        lambda body: {"complete": True, "failed": False}.get(str(body.get("status"))),
    ),
    "postprod": Product(
        "/postprod/dialogue-enhancement/preview",
        "postprodTaskId",
        lambda i: (
            "POST",
            "/postprod/dialogue-enhancement/retrievepreview",
            {"postProdData": {"postprodTaskId": i}},
        ),
        lambda body: _finished(body, "previewResults"),
    ),
}


def example_body(path: str, number: int, webhook: str | None) -> dict[str, Any]:
    """The spec's first example for ``path``, with fresh stand-in URLs and our webhook receiver
    (or none)."""
    examples = SPEC["paths"][path]["post"]["requestBody"]["content"]["application/json"]["examples"]
    body: dict[str, Any] = copy.deepcopy(next(iter(examples.values()))["value"])

    def fix(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("trackURL", "audioFileLocation"):  # a few inputs, each measured once
                    node[key] = f"https://example.com/soak/{number % INPUTS}/{key}-{len(str(value))}.wav"
                elif key == "webhookURL":
                    node[key] = webhook
                else:
                    fix(value)
            if node.get("webhookURL", "") is None:
                del node["webhookURL"]
        elif isinstance(node, list):
            for item in node:
                fix(item)

    fix(body)
    wrapper = next(iter(body))
    if webhook and path != "/upload":
        body[wrapper]["webhookURL"] = webhook
    return body


def run_task(
    client: httpx.Client, tally: Tally, product: Product, body: dict[str, Any], deadline: float
) -> str:
    """Create a task and poll it to its end: ``done``, ``failed``, ``lost`` (404) or ``stuck``."""
    created = tally.note(client.post(product.create, json=body))
    if created.status_code != 200:
        return "failed"
    task_id = created.json()[product.id_key]
    method, path, poll_body = product.poll(task_id)
    while time.monotonic() < deadline:
        answer = tally.note(client.request(method, path, json=poll_body))
        if answer.status_code == 404:
            return "lost"
        finished = product.done(answer.json()) if answer.status_code in (200, 202) else None
        if finished is not None:
            return "done" if finished else "failed"
        time.sleep(0.02)  # a client's poll interval (after_seconds needs time to pass)
    return "stuck"


def load(tasks: int) -> Row:
    """``tasks`` tasks over five products and three progressions, 8 clients at once."""
    row, tally, hook = Row("load: 5 products x 3 progressions"), Tally(), Receiver("ok")
    outcomes: Counter[str] = Counter()
    with serve("--no-credits") as mock, client_of(mock) as client:
        for policy in POLICIES:
            client.put("/_mock/progression", json={"policy": policy})
            deadline = time.monotonic() + 60

            def one(n: int, deadline: float = deadline) -> str:
                product = PRODUCTS[list(PRODUCTS)[n % len(PRODUCTS)]]
                return run_task(client, tally, product, example_body(product.create, n, hook.url), deadline)

            with ThreadPoolExecutor(8) as pool:
                outcomes.update(pool.map(one, range(tasks // len(POLICIES))))
        time.sleep(0.5)  # let the last webhooks arrive before counting duplicates
    hook.close()
    row.requests, row.server_errors = tally.sent, tally.server_errors
    row.lost, row.stuck = outcomes.get("lost", 0) + outcomes.get("failed", 0), outcomes.get("stuck", 0)
    row.duplicated = hook.duplicates()
    row.note = f"{outcomes.get('done', 0)} tasks done; {len(hook.received)} webhooks, 0 expected twice"
    return row


def backlog(tasks: int) -> Row:
    """``tasks`` created under ``manual``, then all polled at once when their work is due."""
    row, tally = Row(f"backlog: {tasks} tasks' work due at once"), Tally()
    with serve("--no-credits", "--progression", "manual") as mock, client_of(mock) as client:
        song = upload(client, wav())["readable_url"]
        body = {
            "masteringData": {
                "trackData": [{"trackURL": song}],
                "musicalStyle": "POP",
                "desiredLoudness": "LOW",
            }
        }
        with ThreadPoolExecutor(8) as pool:
            ids = [
                a.json()["mastering_task_id"]
                for a in pool.map(
                    lambda _: tally.note(client.post("/masteringpreview", json=body)), range(tasks)
                )
            ]
        client.put("/_mock/progression", json={"policy": "immediate"})

        def timed(task_id: str) -> tuple[float, bool]:
            started = time.monotonic()
            answer = tally.note(
                client.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}})
            )
            return time.monotonic() - started, "previewMasterTaskResults" in answer.json()

        with HealthProbe(mock.url) as health, ThreadPoolExecutor(8) as pool:
            polls = list(pool.map(timed, ids))
    slowest = max(seconds for seconds, _ in polls)
    row.requests, row.server_errors = tally.sent + health.sent, tally.server_errors + health.failures
    row.stuck = sum(not finished for _, finished in polls)
    row.violations = sum(seconds > 1.0 for seconds, _ in polls) + (health.slowest > 0.1)
    slowest_health = health.slowest * 1000
    row.note = (
        f"slowest poll {slowest * 1000:.0f} ms (< 1 s), slowest /health {slowest_health:.0f} ms (< 100 ms)"
    )
    return row


def webhooks(slow_tasks: int) -> Row:
    """A healthy receiver's latency, alone and while ``slow_tasks`` tasks target receivers that
    fail, stall, drip or refuse; and the longest attempt against the 1 s timeout."""
    row, tally = Row(f"webhooks: {slow_tasks} tasks to failing/stalling/dripping/refusing receivers"), Tally()
    healthy = Receiver("ok")
    bad = [Receiver("fail"), Receiver("stall"), Receiver("drip")]
    targets = [r.url for r in bad] + [refused_url()]
    options = (
        "--no-credits",
        "--webhook-timeout",
        "1",
        "--webhook-max-attempts",
        "2",
        "--webhook-base-delay",
        "0.2",
    )
    with serve(*options) as mock, client_of(mock) as client:

        def latency(n: int) -> float | None:
            started = time.monotonic()
            body = example_body("/masteringpreview", n, healthy.url)
            task_id = tally.note(client.post("/masteringpreview", json=body)).json()["mastering_task_id"]
            arrived = healthy.wait_for(task_id, "MASTERING_TASK_PREVIEW_COMPLETED", 10)
            return None if arrived is None else arrived - started

        idle = [latency(n) for n in range(10)]
        for n in range(slow_tasks):
            tally.note(
                client.post(
                    "/masteringpreview", json=example_body("/masteringpreview", 1000 + n, targets[n % 4])
                )
            )
        loaded = [latency(5000 + n) for n in range(10)]
        attempts = _timed_out_attempts(client, tally)
    for receiver in (healthy, *bad):
        receiver.close()
    idle_ms = statistics.median(x for x in idle if x is not None) * 1000
    loaded_ms = statistics.median(x for x in loaded if x is not None) * 1000
    longest = max((a["duration_ms"] for a in attempts), default=0.0)
    row.requests, row.server_errors = tally.sent, tally.server_errors
    row.lost = sum(x is None for x in idle + loaded)
    row.duplicated = healthy.duplicates()
    row.violations = (loaded_ms > 2 * idle_ms + 20) + (longest > 1500)
    row.note = (
        f"healthy median {idle_ms:.1f} ms idle, {loaded_ms:.1f} ms loaded (<= 2x + 20 ms); "
        f"longest attempt {longest:.0f} ms (<= 1500)"
    )
    return row


def _timed_out_attempts(client: httpx.Client, tally: Tally) -> list[dict[str, Any]]:
    """Every attempt so far, once some to the stalling and dripping receivers have timed out."""
    deadline = time.monotonic() + 10
    while True:
        attempts = [a for d in tally.note(client.get("/_mock/webhooks")).json() for a in d["attempts"]]
        timed_out = [a for a in attempts if (a["error"] or "").startswith("timeout")]
        if len(timed_out) >= 4 or time.monotonic() > deadline:
            return attempts
        time.sleep(0.1)


def charging(masters: int, mixes: int) -> Row:
    """In-process, with the interpreter switching threads every microsecond: three racing
    retrievals per task; each task must be charged once."""
    from tonn_mock.app import create_app
    from tonn_mock.control import MockControl
    from tonn_mock.core.settings import Settings

    row, balance = Row("charging: racing final masters and FX settings"), 10_000_000
    app = create_app(Settings(initial_credits=balance))
    control = MockControl(app)
    prices = control.backend.ledger.prices
    client = httpx.Client(
        transport=httpx.WSGITransport(app=app), base_url="http://soak", headers={"X-API-Key": "race"}
    )
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        answered = _race_final_masters(client, masters) + _race_fx_settings(client, mixes)
    finally:
        sys.setswitchinterval(before)
        client.close()
    spent, due = (
        balance - control.credits("race"),
        prices["retrieveFinalMaster"] * masters + prices["retrieveFXSettings"] * mixes,
    )
    control.backend.close()
    row.requests = (masters + mixes) * 4
    row.server_errors = row.requests - (masters + mixes) - answered
    row.duplicated = (
        (spent - due) // min(prices["retrieveFinalMaster"], prices["retrieveFXSettings"])
        if spent > due
        else 0
    )
    row.lost = int(spent < due)
    row.note = f"{masters} masters and {mixes} FX answers, 3 racers each: {spent} credits charged, {due} due"
    return row


def _race(client: httpx.Client, calls: list[tuple[str, dict[str, Any]]]) -> int:
    barrier = threading.Barrier(len(calls) * 3)

    def call(path: str, body: dict[str, Any]) -> int:
        barrier.wait(10)
        return client.post(path, json=body).status_code

    with ThreadPoolExecutor(len(calls) * 3) as pool:
        return sum(s == 200 for s in pool.map(lambda c: call(*c), [c for c in calls for _ in range(3)]))


def _race_final_masters(client: httpx.Client, count: int) -> int:
    created = [
        client.post("/masteringpreview", json=example_body("/masteringpreview", n, None))
        for n in range(count)
    ]
    ids = [answer.json()["mastering_task_id"] for answer in created]
    return sum(
        _race(
            client,
            [("/retrievefinalmaster", {"masteringData": {"masteringTaskId": i}}) for i in ids[k : k + 10]],
        )
        for k in range(0, count, 10)
    )


def _race_fx_settings(client: httpx.Client, count: int) -> int:
    created = [client.post("/mixpreview", json=example_body("/mixpreview", n, None)) for n in range(count)]
    ids = [answer.json()["multitrack_task_id"] for answer in created]
    bodies = [{"multitrackData": {"multitrackTaskId": i, "retrieveFXSettings": True}} for i in ids]
    return sum(
        _race(client, [("/retrievepreviewmix", b) for b in bodies[k : k + 10]]) for k in range(0, count, 10)
    )
