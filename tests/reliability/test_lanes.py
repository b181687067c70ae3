"""Which requests run where. Calls that a scripted fault delays hold only themselves: while they
wait, ``tonn-mock serve`` goes on answering every other request, in one process (on waitress's
threads) and with workers alike (a worker runs delayed calls on its threads, not on its event
loop: :mod:`tonn_mock.gateway.lanes`). One process runs a path on its I/O loop only once the path
has proven quick, and retrievals of results never there."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tonn_mock.app import create_app
from tonn_mock.gateway.lanes import long_request_test
from tonn_mock.server import QUICK_RUNS, QUICK_SECONDS, Lanes

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


class Request:
    def __init__(self, path: str) -> None:
        self.path = path


class Channel:
    """A connection with one request for ``path``, whose answer takes ``seconds`` of processor time."""

    def __init__(self, path: str, seconds: float = 0.0) -> None:
        self.requests, self.seconds, self.answered = [Request(path)], seconds, 0

    def service(self) -> None:
        ends = time.thread_time() + self.seconds
        while time.thread_time() < ends:
            pass
        self.answered += 1

    def cancel(self) -> None:
        pass


def lane_of(lanes: Lanes, channel: Channel) -> str:
    """Hand ``channel`` to ``lanes``, answer it where it went, and say which lane that was."""
    lanes.add_task(channel)
    if lanes.short:
        lanes.run_short()
        return "loop"
    lanes.queue.popleft().service()  # as a waitress thread would
    return "threads"


def test_one_process_runs_a_path_on_its_io_loop_once_proven_quick_and_not_once_it_is_slow() -> None:
    lanes = Lanes(lambda path: path.startswith("/_mock/"), threads=0)
    quick, slow = Channel("/masteringpreview"), Channel("/masteringpreview", seconds=QUICK_SECONDS * 2)
    try:
        first = [lane_of(lanes, quick) for _ in range(2 * QUICK_RUNS)]
        assert first == ["threads"] * QUICK_RUNS + ["loop"] * QUICK_RUNS  # unproven paths run on the threads

        assert [lane_of(lanes, slow), lane_of(lanes, quick)] == ["loop", "loop"]  # one slow answer is borne
        assert [lane_of(lanes, slow), lane_of(lanes, slow)] == ["loop", "threads"]  # a second is not
        assert lane_of(lanes, quick) == "threads"  # until the path proves quick again
        assert [lane_of(lanes, Channel("/_mock/tasks")) for _ in range(2 * QUICK_RUNS)] == ["threads"] * (
            2 * QUICK_RUNS
        )  # what may take long never runs on the loop, however quick it was
    finally:
        lanes.shutdown(timeout=1)


def test_retrievals_of_results_may_take_long_and_creates_may_not() -> None:
    """A retrieval measures the input's samples the first time a value needs them."""
    may_take_long = long_request_test(create_app())
    assert may_take_long("/retrievepreviewmaster")
    assert may_take_long("/postprod/dialogue-enhancement/retrievepreview")
    assert not may_take_long("/masteringpreview")
    assert not may_take_long("/health")
