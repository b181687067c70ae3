"""No call waits on audio work: a create and the first poll read headers, never samples.

A load generator, a fuzzer or a 30-track mix gets its answers at once; the audio is read only
when a value needs it (the FX settings of an upload, the loudest preview window) or a file is
downloaded. Finished tasks past the retention limit are forgotten with their files.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from flask import Flask

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.backend.inputs import TaskInputs, stand_in_wav
from tonn_mock.control import MockControl
from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.settings import Settings
from tonn_mock.webhooks import RecordingSender

from ..conftest import API_KEY, upload, wav_bytes


@pytest.fixture
def samples_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every input whose samples were read (whole-file reads of an upload or a stand-in)."""
    reads: list[str] = []
    original = TaskInputs.read

    def counting(self: TaskInputs, url: str) -> bytes:
        reads.append(url)
        return original(self, url)

    monkeypatch.setattr(TaskInputs, "read", counting)
    return reads


def mix_of(tracks: int) -> dict[str, object]:
    data = [
        {
            "trackURL": f"https://example.com/session/track-{n:02}.wav",
            "instrumentGroup": "OTHER_GROUP1",
            "presenceSetting": "NORMAL",
            "panPreference": "NO_PREFERENCE",
            "reverbPreference": "NONE",
        }
        for n in range(tracks)
    ]
    return {"multitrackData": {"trackData": data, "musicalStyle": "POP", "returnStems": False}}


def test_a_30_track_mix_is_created_and_finished_without_reading_any_audio(
    client: httpx.Client, control: MockControl, samples_read: list[str]
) -> None:
    response = client.post("/mixpreview", json=mix_of(30))
    task_id = response.json()["multitrack_task_id"]
    body = {"multitrackData": {"multitrackTaskId": task_id, "retrieveFXSettings": False}}
    poll = client.post("/retrievepreviewmix", json=body)

    assert response.status_code == 200 and poll.status_code == 200
    assert control.task(task_id)["state"] == "MIX_TASK_PREVIEW_COMPLETED"
    assert samples_read == []


def test_the_fx_settings_of_stand_ins_need_no_samples_either(
    client: httpx.Client, samples_read: list[str]
) -> None:
    task_id = client.post("/mixpreview", json=mix_of(30)).json()["multitrack_task_id"]
    body = {"multitrackData": {"multitrackTaskId": task_id, "retrieveFXSettings": True}}

    settings = client.post("/retrievepreviewmix", json=body).json()["previewMixTaskResults"]

    assert len(settings["mix_output_settings"]) == 30 and samples_read == []


def test_a_mastering_task_with_a_start_time_is_answered_from_the_header(
    client: httpx.Client, samples_read: list[str]
) -> None:
    url = upload(client, wav_bytes(seconds=45.0))
    data = {"trackData": [{"trackURL": url}], "musicalStyle": "POP", "desiredLoudness": "LOW"}
    task_id = client.post(
        "/masteringpreview", json={"masteringData": {**data, "previewStartTime": 40.0}}
    ).json()["mastering_task_id"]

    results = client.post(
        "/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}}
    ).json()

    assert results["previewMasterTaskResults"]["preview_start_time"] == 15.0  # clamped: 45 s - 30 s
    assert samples_read == []


def test_the_loudest_window_is_measured_once_per_input(client: httpx.Client, samples_read: list[str]) -> None:
    data = {"trackData": [{"trackURL": "https://example.com/one-song.wav"}], "musicalStyle": "POP"}
    starts = []
    for _ in range(3):
        body = {"masteringData": {**data, "desiredLoudness": "LOW"}}
        task_id = client.post("/masteringpreview", json=body).json()["mastering_task_id"]
        poll = {"masteringData": {"masteringTaskId": task_id}}
        starts.append(client.post("/retrievepreviewmaster", json=poll).json()["previewMasterTaskResults"])

    assert len({result["preview_start_time"] for result in starts}) == 1
    assert samples_read == ["https://example.com/one-song.wav"]


def test_a_stand_in_is_synthesised_once_and_kept_in_the_mock(
    control: MockControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    synthesised: list[str] = []
    monkeypatch.setattr(
        "tonn_mock.backend.inputs.stand_in_wav",
        lambda url: synthesised.append(url) or stand_in_wav(url),
    )
    for _ in range(2):
        control.backend.inputs.read("https://example.com/kept.wav")
    assert synthesised == ["https://example.com/kept.wav"]


@pytest.fixture
def small_mock(clock: FakeClock) -> Iterator[tuple[httpx.Client, MockControl]]:
    settings = Settings(rate_limit_enabled=False, retain_tasks=3)
    app: Flask = create_app(settings, Seams(clock=clock, ids=IdFactory(5), sender=RecordingSender()))
    with httpx.Client(
        transport=httpx.WSGITransport(app=app), base_url="http://testserver", headers={"X-API-Key": API_KEY}
    ) as client:
        yield client, MockControl(app)
    MockControl(app).backend.close()


def test_past_the_retention_limit_the_oldest_finished_tasks_are_forgotten_with_their_files(
    small_mock: tuple[httpx.Client, MockControl],
) -> None:
    client, control = small_mock
    body = {
        "trackData": [{"trackURL": "https://example.com/a.wav"}],
        "musicalStyle": "POP",
        "desiredLoudness": "LOW",
    }
    ids = [
        client.post("/masteringpreview", json={"masteringData": body}).json()["mastering_task_id"]
        for _ in range(3)
    ]
    first_preview = client.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": ids[0]}})
    preview_url = first_preview.json()["previewMasterTaskResults"]["download_url_mastered_preview"]
    assert client.get(preview_url).status_code == 200

    for _ in range(2):
        ids.append(client.post("/masteringpreview", json={"masteringData": body}).json()["mastering_task_id"])

    assert {task["id"] for task in control.tasks()} == set(ids[-3:])
    gone = client.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": ids[0]}})
    assert gone.status_code == 404
    assert client.get(preview_url).status_code == 404
    assert control.backend.blobs.keys(f"results/{ids[0]}/") == []
