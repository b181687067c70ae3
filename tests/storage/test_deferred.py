"""Result files rendered on first download: a mock that keeps thousands of tasks holds the
renders of its newest ones only, and still serves every file it handed out."""

from __future__ import annotations

import httpx

from tonn_mock.control import MockControl
from tonn_mock.storage.deferred import DeferredResults
from tonn_mock.storage.directory import TemporaryBlobStore

BODY = {
    "masteringData": {
        "trackData": [{"trackURL": "https://example.com/songs/kept.wav"}],
        "musicalStyle": "POP",
        "desiredLoudness": "MEDIUM",
    }
}


def test_the_oldest_tasks_files_are_still_served_once_their_renders_are_let_go(
    client: httpx.Client, control: MockControl
) -> None:
    ids = [client.post("/masteringpreview", json=BODY).json()["mastering_task_id"] for _ in range(300)]
    oldest = {"masteringData": {"masteringTaskId": ids[0]}}
    url = client.post("/retrievefinalmaster", json=oldest).json()["finalMasterTaskResults"][
        "download_url_mastered"
    ]

    assert not control.backend.results.is_pending(url.split("/_storage/")[1].split("?")[0])  # let go...
    download = client.get(url)
    assert download.status_code == 200 and download.content[:4] == b"RIFF"  # ...and rendered all the same


def test_renders_held_stay_bounded_however_many_tasks_completed() -> None:
    with TemporaryBlobStore(max_bytes=1024) as blobs:
        restored: list[str] = []
        results = DeferredResults(blobs, restore=restored.append, keep_folders=4)
        for number in range(100):
            results.defer(f"results/task-{number}/preview.mp3", "audio/mpeg", lambda: b"audio")
        assert [results.is_pending(f"results/task-{n}/preview.mp3") for n in (0, 95, 96, 99)] == [
            False,
            False,
            True,
            True,
        ]
        results.ensure("results/task-0/preview.mp3")
        assert restored == ["results/task-0"]  # the task's renders are asked for again
