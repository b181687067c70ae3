"""Concurrent retrievals charge once: checking whether a task's one-time charge was taken and
taking it are one step, so racing threads (with the interpreter switching between them as often
as it can) never pay twice for a final master, an FX settings answer or a recombine."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tonn_mock.control import MockControl

from ..conftest import API_KEY
from .conftest import mastering_body, poll_body

RACERS = 3


@pytest.fixture
def switching_often() -> Iterator[None]:
    """Let the interpreter switch threads every microsecond, where check-then-act races show."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def race(calls: list[tuple[str, dict[str, Any]]], client: httpx.Client) -> list[int]:
    """Every call ``RACERS`` times at once; the statuses."""
    barrier = threading.Barrier(RACERS * len(calls))

    def call(path: str, body: dict[str, Any]) -> int:
        barrier.wait(timeout=10)
        return client.post(path, json=body).status_code

    with ThreadPoolExecutor(RACERS * len(calls)) as pool:
        futures = [pool.submit(call, path, body) for path, body in calls for _ in range(RACERS)]
        return [future.result() for future in futures]


def test_racing_final_masters_are_charged_once_each(
    client: httpx.Client, control: MockControl, switching_often: None
) -> None:
    task_ids = [
        client.post("/masteringpreview", json=mastering_body(f"https://example.com/{n}.wav")).json()[
            "mastering_task_id"
        ]
        for n in range(60)
    ]
    control.set_credits(100_000)
    before = control.credits(API_KEY)

    for chunk in (task_ids[i : i + 10] for i in range(0, len(task_ids), 10)):
        statuses = race([("/retrievefinalmaster", poll_body(task_id)) for task_id in chunk], client)
        assert set(statuses) == {200}

    assert before - control.credits(API_KEY) == 220 * len(task_ids)


def test_racing_fx_settings_retrievals_are_charged_once_each(
    client: httpx.Client, control: MockControl, switching_often: None
) -> None:
    track = {"instrumentGroup": "BASS_GROUP", "presenceSetting": "NORMAL", "panPreference": "CENTRE"}
    task_ids = [
        client.post(
            "/mixpreview",
            json={
                "multitrackData": {
                    "trackData": [
                        {**track, "trackURL": f"https://example.com/{n}-{t}.wav"} for t in range(2)
                    ],
                    "musicalStyle": "POP",
                    "returnStems": False,
                }
            },
        ).json()["multitrack_task_id"]
        for n in range(30)
    ]
    price = control.backend.ledger.prices["retrieveFXSettings"]
    before = control.credits(API_KEY)

    for chunk in (task_ids[i : i + 10] for i in range(0, len(task_ids), 10)):
        bodies = [
            {"multitrackData": {"multitrackTaskId": task_id, "retrieveFXSettings": True}} for task_id in chunk
        ]
        assert set(race([("/retrievepreviewmix", body) for body in bodies], client)) == {200}

    assert before - control.credits(API_KEY) == price * len(task_ids)
