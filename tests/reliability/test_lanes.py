"""Calls that a scripted fault delays hold only themselves: while they wait, ``tonn-mock serve``
goes on answering every other request, in one process (on waitress's threads) and with workers
alike (a worker runs delayed calls on its threads, not on its event loop:
:mod:`tonn_mock.gateway.lanes`)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from .conftest import ENGINES, KEY, mastering_body, poll_body, spawn

DELAY = 4.0
DELAYED = 2
"""Fewer delayed calls than a process has threads (``--threads 4``)."""


def delayed_call(url: str) -> float:
    """A mastering create the fault delays; how long it took."""
    with httpx.Client(
        base_url=url, headers={"X-API-Key": KEY}, timeout=30
    ) as client:  # a connection of its own
        started = time.monotonic()
        assert (
            client.post("/masteringpreview", json=mastering_body("https://example.com/late.wav")).status_code
            == 200
        )
        return time.monotonic() - started


@pytest.mark.parametrize("engine", ENGINES)
def test_while_delayed_calls_wait_every_other_request_is_answered(engine: tuple[str, ...]) -> None:
    with (
        spawn(*engine) as mock,
        httpx.Client(base_url=mock.url, headers={"X-API-Key": KEY}, timeout=30) as client,
    ):
        created = client.post("/masteringpreview", json=mastering_body("https://example.com/a.wav"))
        task_id = created.json()["mastering_task_id"]
        fault = {"operation": "createMasteringPreview", "latency": DELAY}
        assert client.post("/_mock/faults", json=fault).status_code in (200, 201)

        with ThreadPoolExecutor(DELAYED) as pool:
            delayed = [pool.submit(delayed_call, mock.url) for _ in range(DELAYED)]
            time.sleep(0.5)  # the delayed calls arrive first
            for _ in range(3):
                assert client.get("/health").status_code == 200
                assert client.post("/retrievepreviewmaster", json=poll_body(task_id)).status_code in (
                    200,
                    202,
                )
                analysis = {
                    "mixDiagnosisData": {
                        "audioFileLocation": "https://example.com/b.wav",
                        "isMaster": False,
                        "musicalStyle": "POP",
                    }
                }
                assert client.post("/mixanalysis", json=analysis).status_code == 200
            answered_while_waiting = not any(call.done() for call in delayed)
            durations = [call.result() for call in delayed]

    assert answered_while_waiting, "the other requests waited for the delayed calls"
    assert min(durations) >= DELAY * 0.9  # the calls were delayed indeed
