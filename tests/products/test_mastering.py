"""A team masters a track against the mock: upload, preview, poll, final master, download."""

from __future__ import annotations

import io

import httpx
import pyloudnorm
import pytest
import soundfile as sf

from tonn_mock.control import MockControl
from tonn_mock.webhooks import RecordingSender

from ..conftest import API_KEY, assert_matches_spec, decode, upload, wav_bytes


def start_mastering(client: httpx.Client, track_url: str, **fields: object) -> str:
    data = {
        "trackData": [{"trackURL": track_url}],
        "musicalStyle": "POP",
        "desiredLoudness": "MEDIUM",
        **fields,
    }
    response = client.post("/masteringpreview", json={"masteringData": data})
    assert response.status_code == 200, response.text
    assert_matches_spec(response, "post", "/masteringpreview")
    return str(response.json()["mastering_task_id"])


def retrieve(client: httpx.Client, operation: str, task_id: str) -> httpx.Response:
    response = client.post(f"/{operation}", json={"masteringData": {"masteringTaskId": task_id}})
    assert_matches_spec(response, "post", f"/{operation}")
    return response


def test_preview_and_final_master_of_an_uploaded_track(client: httpx.Client) -> None:
    task_id = start_mastering(
        client, upload(client, wav_bytes(seconds=40)), desiredLoudness="HIGH", sampleRate="48000"
    )

    preview = retrieve(client, "retrievepreviewmaster", task_id)
    assert preview.status_code == 200
    results = preview.json()["previewMasterTaskResults"]
    audio, preview_rate = decode(client, results["download_url_mastered_preview"])
    assert abs(len(audio) / preview_rate - 30.0) <= 0.010  # the MP3 decodes to exactly 30 s

    final = retrieve(client, "retrievefinalmaster", task_id)
    assert final.status_code == 200
    master, rate = decode(client, final.json()["finalMasterTaskResults"]["download_url_mastered"])
    assert rate == 48000
    assert pyloudnorm.Meter(rate).integrated_loudness(master) == pytest.approx(-8.0, abs=1.0)


def test_a_forced_loudness_replaces_the_preset(client: httpx.Client) -> None:
    task_id = start_mastering(
        client,
        upload(client, wav_bytes(seconds=12)),
        desiredLoudness="HIGH",
        forcedLoudness=True,
        forcedLoudnessInLUFS=-16,
    )

    final = retrieve(client, "retrievefinalmaster", task_id)

    master, rate = decode(client, final.json()["finalMasterTaskResults"]["download_url_mastered"])
    assert pyloudnorm.Meter(rate).integrated_loudness(master) == pytest.approx(-16.0, abs=1.0)


def test_the_default_final_master_is_a_16_bit_wav_at_44_1_khz(client: httpx.Client) -> None:
    task_id = start_mastering(client, upload(client, wav_bytes(seconds=12, rate=48000)))

    final = retrieve(client, "retrievefinalmaster", task_id)

    response = client.get(final.json()["finalMasterTaskResults"]["download_url_mastered"])
    info = sf.info(io.BytesIO(response.content))
    assert (info.format, info.subtype, info.samplerate) == ("WAV", "PCM_16", 44100)
    assert info.duration == pytest.approx(12.0, abs=0.001)


def test_the_preview_is_still_processing_for_the_first_polls(
    client: httpx.Client, control: MockControl
) -> None:
    control.set_progression("after_polls:2")
    task_id = start_mastering(client, "https://example.com/song.wav")

    first, second, third = (retrieve(client, "retrievepreviewmaster", task_id) for _ in range(3))

    assert (first.status_code, first.json()) == (202, {"status": 202})
    assert (second.status_code, second.json()) == (202, {"status": 202})
    assert third.status_code == 200 and "previewMasterTaskResults" in third.json()


def test_the_final_master_is_charged_once(client: httpx.Client, control: MockControl) -> None:
    task_id = start_mastering(client, "https://example.com/song.wav")
    before = control.credits(API_KEY)

    retrieve(client, "retrievefinalmaster", task_id)
    retrieve(client, "retrievefinalmaster", task_id)

    assert control.credits(API_KEY) == before - 220


def test_a_final_master_without_credits_is_refused_with_402(
    client: httpx.Client, control: MockControl
) -> None:
    task_id = start_mastering(client, "https://example.com/song.wav")
    control.set_credits(100, API_KEY)

    response = retrieve(client, "retrievefinalmaster", task_id)

    assert response.status_code == 402
    assert control.credits(API_KEY) == 100
    assert "220" in response.json()["message"]


def test_a_scripted_failure_ends_in_the_failed_state(client: httpx.Client, control: MockControl) -> None:
    control.fail_next("Source file could not be downloaded.", lifecycle="mastering")
    task_id = start_mastering(client, "https://example.com/song.wav")

    response = retrieve(client, "retrievepreviewmaster", task_id)

    assert response.status_code == 200
    assert response.json() == {
        "error": True,
        "message": "Source file could not be downloaded.",
        "info": "The task failed.",
        "status": "MASTERING_TASK_FAILED",
    }


def test_an_unreadable_upload_fails_the_task_not_the_request(client: httpx.Client) -> None:
    url = upload(client, b"this is not audio at all" * 100)
    task_id = start_mastering(client, url)

    response = retrieve(client, "retrievepreviewmaster", task_id)

    assert response.status_code == 200
    assert response.json()["status"] == "MASTERING_TASK_FAILED"


def test_webhooks_report_each_state_in_order(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    task_id = start_mastering(client, "https://example.com/song.wav", webhookURL="https://hooks.example/tonn")
    retrieve(client, "retrievefinalmaster", task_id)
    assert control.wait_for_webhooks_idle(timeout=5)

    states = [p["state"] for p in sender.payloads("https://hooks.example/tonn")]
    assert states == [
        "MASTERING_TASK_PENDING",
        "MASTERING_TASK_PREVIEW_COMPLETED",
        "MASTERING_TASK_FINAL_COMPLETED",
    ]
    final = sender.payloads()[-1]
    assert final["mastering_task_id"] == task_id and final["download_url_mastered"].startswith(
        "http://testserver/"
    )


@pytest.mark.parametrize("operation", ["retrievepreviewmaster", "retrievefinalmaster"])
def test_unknown_and_foreign_tasks_are_404(client: httpx.Client, operation: str) -> None:
    task_id = start_mastering(client, "https://example.com/song.wav")

    unknown = retrieve(client, operation, "00000000-0000-4000-8000-000000000000")
    foreign = client.post(
        f"/{operation}",
        json={"masteringData": {"masteringTaskId": task_id}},
        headers={"X-API-Key": "someone-else"},
    )

    assert unknown.status_code == foreign.status_code == 404
