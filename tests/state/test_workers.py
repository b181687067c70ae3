"""A team runs one shared mock with ``--workers 2``: every worker sees the same tasks, credits,
faults and journal, and each state change reaches the webhook receiver exactly once."""

from __future__ import annotations

import collections
import concurrent.futures
import re
from pathlib import Path

import httpx

from tonn_mock.testing.serving import spawn
from tonn_mock.workers import free_port

from ..webhooks.receiver import WebhookReceiver

KEY = {"X-API-Key": "team"}


def mastering(url: str, webhook: str | None = None) -> dict[str, object]:
    data: dict[str, object] = {
        "trackData": [{"trackURL": url}],
        "musicalStyle": "POP",
        "desiredLoudness": "MEDIUM",
    }
    if webhook:
        data["webhookURL"] = webhook
    return {"masteringData": data}


def create(base: str, webhook: str | None = None) -> str:
    """One create on a connection of its own (so the kernel may hand it to either worker)."""
    body = mastering("https://example.com/songs/one.wav", webhook)
    response = httpx.post(f"{base}/masteringpreview", json=body, headers=KEY)
    assert response.status_code == 200, response.text
    return str(response.json()["mastering_task_id"])


def workers_that_answered(log: list[str]) -> set[str]:
    """The numbers of the workers whose request lines are in ``log``."""
    return {match.group(1) for line in log if (match := re.search(r"\[worker (\d+)\] POST", line))}


def test_two_workers_share_tasks_and_deliver_each_webhook_once(tmp_path: Path) -> None:
    receiver = WebhookReceiver()
    try:
        with spawn("--workers", "2", "--no-credits", "--storage-dir", str(tmp_path)) as served:
            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                ids = list(pool.map(lambda _: create(served.url, receiver.url()), range(200)))
            polls = [
                httpx.post(
                    f"{served.url}/retrievepreviewmaster",
                    json={"masteringData": {"masteringTaskId": i}},
                    headers=KEY,
                )
                for i in ids
            ]
            assert {poll.status_code for poll in polls} == {200}  # whichever worker answered
            listed = httpx.get(f"{served.url}/_mock/tasks").json()
            assert sorted(task["id"] for task in listed) == sorted(ids)
            received = receiver.take(2 * len(ids), timeout=20)  # PENDING, then PREVIEW_COMPLETED
            assert len(workers_that_answered(served.log)) == 2  # both served
    finally:
        receiver.close()
    changes = collections.Counter(
        (hook.json()["mastering_task_id"], hook.json()["state"]) for hook in received
    )
    assert set(changes.values()) == {1}
    assert {state for _, state in changes} == {"MASTERING_TASK_PENDING", "MASTERING_TASK_PREVIEW_COMPLETED"}
    assert receiver.requests.empty()


def test_control_credits_and_journal_hold_across_workers(tmp_path: Path) -> None:
    with spawn("--workers", "2", "--storage-dir", str(tmp_path)) as served:
        base = served.url
        price = 220  # retrieveFinalMaster
        assert (
            httpx.put(f"{base}/_mock/credits", json={"credits": 4 * price + 100, "key": "team"}).status_code
            == 200
        )
        ids = [create(base) for _ in range(6)]

        def final(task_id: str) -> int:
            body = {"masteringData": {"masteringTaskId": task_id}}
            return httpx.post(f"{base}/retrievefinalmaster", json=body, headers=KEY).status_code

        with concurrent.futures.ThreadPoolExecutor(12) as pool:  # every task's final, twice at once
            statuses = list(pool.map(final, ids * 2))
        # four finals are paid (each once, its second call free), two refused: never below zero
        assert httpx.get(f"{base}/_mock/credits", params={"key": "team"}).json()["credits"] == 100
        assert sorted(statuses) == [200] * 8 + [402] * 4

        fault = {"operation": "getHealth", "status": 503, "count": 3}
        assert httpx.post(f"{base}/_mock/faults", json=fault).status_code == 200
        health = [httpx.get(f"{base}/health", headers=KEY).status_code for _ in range(5)]
        assert health == [503, 503, 503, 200, 200]

        journal = httpx.get(f"{base}/_mock/requests", params={"operation": "createMasteringPreview"}).json()
        assert sorted(entry["task_id"] for entry in journal) == sorted(ids)


def test_workers_start_again_at_once_on_the_port_they_just_left(tmp_path: Path) -> None:
    port = free_port("127.0.0.1", 0)
    options = ("--workers", "2", "--port", str(port), "--storage-dir", str(tmp_path))
    with spawn(*options) as first, httpx.Client(headers=KEY) as client:
        task_id = client.post(f"{first.url}/masteringpreview", json=mastering("https://e.com/a.wav")).json()[
            "mastering_task_id"
        ]
        first.stop()  # it closes the connection still open: that side of it waits out TIME_WAIT
    with spawn(*options) as second:  # the port is free for a server even so
        body = {"masteringData": {"masteringTaskId": task_id}}
        assert httpx.post(f"{second.url}/retrievepreviewmaster", json=body, headers=KEY).status_code == 200
