"""SIGTERM (or SIGINT) stops ``tonn-mock serve`` gracefully: every request it had received is
answered in full, the process is gone within 5 s, its temporary folder with it, and webhooks it
could not deliver are kept for the next start on the same storage folder."""

from __future__ import annotations

import signal
import threading
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tonn_mock.backend.pending import PENDING_FILE
from tonn_mock.state import SqliteStore
from tonn_mock.testing.serving import Spawned

from ..webhooks.receiver import WebhookReceiver
from .conftest import ENGINES, mastering_body, spawn

CLIENTS = 8
UNDER_WAY = 200
"""Answers to wait for before the signal, so that it lands in the middle of the burst."""


def burst(
    url: str, outcomes: Counter[str], started: threading.Event, stop: threading.Event, answered: list[str]
) -> None:
    """Create tasks back to back until the server goes away; count how each request ended, and
    keep the ids of the tasks answered."""
    body = mastering_body("https://example.com/song.wav")
    with httpx.Client(base_url=url, headers={"X-API-Key": "k"}, timeout=10) as client:
        while not stop.is_set():
            try:
                answer = client.post("/masteringpreview", json=body)
            except httpx.ConnectError:
                outcomes["refused"] += 1  # after the listener closed: never sent
                return
            except httpx.HTTPError:
                outcomes["cut"] += 1  # sent, and not answered in full
                return
            outcomes["5xx" if answer.status_code >= 500 else "answered"] += 1
            answered.append(answer.json().get("mastering_task_id", ""))
            if outcomes["answered"] >= UNDER_WAY:
                started.set()


def signal_during_burst(mock: Spawned, signum: int) -> tuple[Counter[str], list[str], float]:
    """Send ``signum`` to ``mock`` in the middle of a burst of creates from :data:`CLIENTS` clients;
    how the requests ended, the ids of the tasks answered, and how long the mock took to end."""
    outcomes: Counter[str] = Counter()
    answered: list[str] = []
    started, stop = threading.Event(), threading.Event()
    clients = [
        threading.Thread(target=burst, args=(mock.url, outcomes, started, stop, answered))
        for _ in range(CLIENTS)
    ]
    for client in clients:
        client.start()
    assert started.wait(10)
    gone_in = mock.stop(signum)
    stop.set()
    for client in clients:
        client.join(10)
    return outcomes, answered, gone_in


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_a_burst_cuts_no_request_and_leaves_no_folder(tmp_path: Path, signum: int) -> None:
    with spawn(env={"TMPDIR": str(tmp_path)}) as mock:
        outcomes, _, gone_in = signal_during_burst(mock, signum)

    assert (outcomes["cut"], outcomes["5xx"]) == (0, 0), outcomes
    assert outcomes["answered"] >= UNDER_WAY
    assert gone_in < 5.0 and mock.process.returncode == 0
    assert list(tmp_path.glob("tonn-mock-*")) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_with_workers_a_signal_runs_no_request_it_does_not_answer(tmp_path: Path, signum: int) -> None:
    """granian closes the connections idle at a stop at once, so a request that a client sends on
    one just then goes unanswered ("server disconnected"). It never reached the mock: a client
    may send it again. Every request that did reach it is answered in full."""
    state = tmp_path / "state.sqlite3"
    with spawn("--workers", "2", "--state", str(state), env={"TMPDIR": str(tmp_path)}) as mock:
        outcomes, answered, gone_in = signal_during_burst(mock, signum)

    stored = SqliteStore(state)
    try:
        assert sorted(task.id for task in stored.tasks()) == sorted(answered), outcomes
    finally:
        stored.close()
    assert outcomes["5xx"] == 0 and outcomes["answered"] >= UNDER_WAY
    assert gone_in < 5.0 and mock.process.returncode == 0
    assert list(tmp_path.glob("tonn-mock-*")) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_webhooks_pending_at_shutdown_are_sent_by_the_next_start(
    tmp_path: Path, engine: tuple[str, ...]
) -> None:
    receiver = WebhookReceiver()
    receiver.respond(503)  # the first attempt fails; its retry is due a minute later
    options = (*engine, "--storage-dir", str(tmp_path), "--webhook-base-delay", "60")
    body = mastering_body("https://example.com/song.wav", webhookURL=receiver.url("/done"))
    try:
        with spawn(*options) as first:
            created = httpx.post(f"{first.url}/masteringpreview", json=body, headers={"X-API-Key": "k"})
            task_id = created.json()["mastering_task_id"]
            assert receiver.get(timeout=5).json()["mastering_task_id"] == task_id
            assert first.stop() < 5.0

        states = ["MASTERING_TASK_PENDING", "MASTERING_TASK_PREVIEW_COMPLETED"]  # the failed one, the next
        with spawn(*options) as second:  # the state in the storage folder kept both
            delivered = [webhook.json() for webhook in receiver.take(2, timeout=5)]
            log = httpx.get(f"{second.url}/_mock/webhooks", params={"task_id": task_id}).json()
        assert [(d["mastering_task_id"], d["state"]) for d in delivered] == [(task_id, s) for s in states]
        assert [len(delivery["attempts"]) for delivery in log] == [2, 1]  # the retry went on from the first
        assert not (tmp_path / PENDING_FILE).exists()
    finally:
        receiver.close()
