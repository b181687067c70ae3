"""A reset in the middle of traffic is atomic: requests already under way finish on the mock they
started on, later ones meet the fresh one, and none is answered with a 500."""

from __future__ import annotations

import functools
import threading
from collections import Counter
from typing import Any

import httpx

from tonn_mock.core.settings import Settings

from ..conftest import wav_bytes
from .conftest import ServeMock, mastering_body, poll_body

RESETS = 20
CLIENTS = 4


class Traffic:
    """Upload, create, poll and download in a loop, counting every answer's status."""

    def __init__(self, client: httpx.Client) -> None:
        self.client, self.song = client, wav_bytes(seconds=11)
        self.statuses: Counter[int] = Counter()
        self.progress = threading.Condition()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            urls = self.note(
                self.client.post("/upload", json={"filename": "a.wav", "contentType": "audio/wav"})
            )
            if "signed_url" not in urls:
                continue
            self.note(
                self.client.put(urls["signed_url"], content=self.song, headers={"Content-Type": "audio/wav"})
            )
            task = self.note(self.client.post("/masteringpreview", json=mastering_body(urls["readable_url"])))
            if "mastering_task_id" in task:
                done = self.note(
                    self.client.post("/retrievepreviewmaster", json=poll_body(task["mastering_task_id"]))
                )
                if "previewMasterTaskResults" in done:
                    self.note(
                        self.client.get(done["previewMasterTaskResults"]["download_url_mastered_preview"])
                    )

    def note(self, answer: httpx.Response) -> dict[str, Any]:
        with self.progress:
            self.statuses[answer.status_code] += 1
            self.progress.notify_all()
        is_json = answer.headers.get("content-type", "").startswith("application/json")
        return dict(answer.json()) if is_json and isinstance(answer.json(), dict) else {}

    def answered(self) -> int:
        return sum(self.statuses.values())

    def answered_at_least(self, count: int) -> bool:
        return self.answered() >= count


def test_resets_during_traffic_answer_no_request_with_a_500(serve_mock: ServeMock) -> None:
    mock = serve_mock(Settings(seed=5))
    traffic = Traffic(mock.client())
    clients = [threading.Thread(target=traffic.run) for _ in range(CLIENTS)]
    for client in clients:
        client.start()
    with mock.client() as control:
        for _ in range(RESETS):
            with traffic.progress:
                wanted = traffic.answered() + 5
                assert traffic.progress.wait_for(functools.partial(traffic.answered_at_least, wanted), 10)
            assert control.post("/_mock/reset").status_code == 200
    traffic.stop.set()
    for client in clients:
        client.join(10)
    traffic.client.close()

    assert [status for status in traffic.statuses if status >= 500] == [], traffic.statuses
    assert mock.control.errors() == []
    assert traffic.statuses[200] > RESETS
