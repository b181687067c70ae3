"""A team splits a song into stems: separate, poll the status, retrieve and download the stems."""

from __future__ import annotations

import io
from typing import Any

import httpx
import numpy as np
import pytest
import soundfile as sf

import tonn_mock.audio as engine
from tonn_mock.control import MockControl
from tonn_mock.webhooks import RecordingSender

from ..conftest import (
    API_KEY,
    assert_matches_spec,
    assert_rendered_on_first_download,
    assert_webhook_matches_spec,
    decode,
    upload,
    wav_bytes,
)

HOOK = "https://hooks.example/stems"


def separate(client: httpx.Client, audio_url: str, **fields: object) -> str:
    response = client.post("/separate", json={"stemflowData": {"audioFileLocation": audio_url, **fields}})
    assert response.status_code == 200, response.text
    assert_matches_spec(response, "post", "/separate")
    return str(response.json()["stemflowTaskId"])


def status(client: httpx.Client, task_id: str) -> dict[str, Any]:
    response = client.get(f"/separatestatus/{task_id}")
    assert response.status_code == 200, response.text
    assert_matches_spec(response, "get", "/separatestatus/{stemflowTaskId}")
    return dict(response.json())


def retrieve(client: httpx.Client, task_id: str) -> httpx.Response:
    response = client.post("/retrievestems", json={"stemflowData": {"stemflowTaskId": task_id}})
    assert_matches_spec(response, "post", "/retrievestems")
    return response


def test_four_stems_of_an_uploaded_song_add_back_up_to_it(client: httpx.Client) -> None:
    song = wav_bytes(seconds=12)
    task_id = separate(client, upload(client, song))

    assert task_id.startswith("sf_")
    assert status(client, task_id)["status"] == "complete"
    response = retrieve(client, task_id)
    assert response.status_code == 200
    stems = response.json()["stems"]
    assert sorted(stems) == ["bass", "drums", "other", "vocals"]
    assert all("X-Goog-Expires=86400" in url for url in stems.values())  # ~24 h links
    decoded = [decode(client, url) for url in stems.values()]
    assert {(audio.shape[1], rate) for audio, rate in decoded} == {(2, 44100)}
    original, _ = sf.read(io.BytesIO(song))
    assert np.allclose(sum(audio for audio, _ in decoded), original, atol=1e-3)


def test_vocals_instrumental_mode_gives_two_stems_at_44_1_khz(client: httpx.Client) -> None:
    task_id = separate(
        client, upload(client, wav_bytes(seconds=11, rate=48000)), separationMode="vocals_instrumental"
    )

    stems = retrieve(client, task_id).json()["stems"]

    assert sorted(stems) == ["instrumental", "vocals"]
    vocals, rate = decode(client, stems["vocals"])
    assert rate == 44100 and vocals.shape == (11 * 44100, 2)


@pytest.mark.parametrize("mode", ["all_stems", "vocals_instrumental"])
def test_the_served_stems_are_the_engines_separation_as_16_bit_wav(client: httpx.Client, mode: str) -> None:
    song = wav_bytes(seconds=10, rate=48000, freq=330.0)
    task_id = separate(client, upload(client, song), separationMode=mode)

    stems = retrieve(client, task_id).json()["stems"]

    expected = engine.separate(engine.decode(song).audio, mode)  # type: ignore[arg-type]
    assert {name: client.get(url).content for name, url in stems.items()} == {
        name: engine.encode(stem, "WAV", 16) for name, stem in expected.items()
    }


def test_a_completed_separation_renders_each_stem_only_when_it_is_downloaded(
    client: httpx.Client, control: MockControl
) -> None:
    task_id = separate(client, upload(client, wav_bytes()))
    assert status(client, task_id)["status"] == "complete"

    stems = retrieve(client, task_id).json()["stems"]

    assert_rendered_on_first_download(client, control, list(stems.values()))


def test_status_is_processing_and_stems_are_not_ready_for_the_first_polls(
    client: httpx.Client, control: MockControl
) -> None:
    control.set_progression("after_polls:2")
    task_id = separate(client, upload(client, wav_bytes()))

    first = status(client, task_id)
    early = retrieve(client, task_id)
    ready = retrieve(client, task_id)

    assert first == {
        "stemflowTaskId": task_id,
        "status": "processing",
        "error": False,
        "message": "",
        "info": "",
    }
    assert (early.status_code, early.json()) == (
        202,
        {"error": True, "message": "Stem separation is not complete yet."},
    )
    assert ready.status_code == 200 and "stems" in ready.json()


def test_a_separation_reserves_75_credits_and_keeps_them_on_success(
    client: httpx.Client, control: MockControl
) -> None:
    before = control.credits(API_KEY)

    task_id = separate(client, upload(client, wav_bytes()))
    retrieve(client, task_id)
    retrieve(client, task_id)

    assert control.credits(API_KEY) == before - 75


def test_a_separation_without_enough_credits_is_refused_with_402(
    client: httpx.Client, control: MockControl
) -> None:
    control.set_credits(74, API_KEY)

    response = client.post(
        "/separate", json={"stemflowData": {"audioFileLocation": "https://example.com/a.wav"}}
    )

    assert response.status_code == 402
    assert_matches_spec(response, "post", "/separate")
    assert "75" in response.json()["message"]
    assert control.credits(API_KEY) == 74 and control.tasks("separation") == []


def test_a_scripted_failure_fails_the_job_and_refunds_the_reservation(
    client: httpx.Client, control: MockControl
) -> None:
    before = control.credits(API_KEY)
    control.fail_next("Could not download the audio file.", lifecycle="separation")
    task_id = separate(client, "https://example.com/song.wav")

    reported = status(client, task_id)
    response = retrieve(client, task_id)

    assert reported["status"] == "failed" and reported["error"] is True
    assert reported["info"] == "Could not download the audio file."
    assert response.status_code == 200
    assert response.json()["status"] == "failed" and response.json()["error"] is True
    assert control.credits(API_KEY) == before


@pytest.mark.parametrize(
    "audio", [b"not audio" * 1000, wav_bytes(seconds=5)], ids=["unreadable", "too-short"]
)
def test_a_refused_input_fails_the_job_not_the_request_and_refunds(
    client: httpx.Client, control: MockControl, audio: bytes
) -> None:
    before = control.credits(API_KEY)
    task_id = separate(client, upload(client, audio))

    assert status(client, task_id)["status"] == "failed"
    assert control.credits(API_KEY) == before


def test_failing_a_running_job_through_the_control_api_refunds(
    client: httpx.Client, control: MockControl
) -> None:
    control.set_progression("manual")
    before = control.credits(API_KEY)
    task_id = separate(client, upload(client, wav_bytes()))
    assert control.credits(API_KEY) == before - 75

    control.fail(task_id, "GPU worker lost.")

    assert status(client, task_id)["info"] == "GPU worker lost."
    assert control.credits(API_KEY) == before


def test_webhooks_announce_pending_started_completed_with_the_stems(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    task_id = separate(client, upload(client, wav_bytes()), webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    payloads = sender.payloads(HOOK)
    assert [p["status"] for p in payloads] == ["pending", "started", "completed"]
    for payload in payloads:
        assert_webhook_matches_spec(payload, "stemflowTaskUpdate")
        assert payload["stemflowTaskId"] == task_id
    assert sorted(payloads[-1]["stems"]) == ["bass", "drums", "other", "vocals"]


def test_a_failed_job_announces_failed(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    control.fail_next("Could not download the audio file.", lifecycle="separation")
    separate(client, "https://example.com/song.wav", webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    last = sender.payloads(HOOK)[-1]
    assert_webhook_matches_spec(last, "stemflowTaskUpdate")
    assert (last["status"], last["error"]) == ("failed", True)
    assert "Could not download the audio file." in last["message"]


def test_unknown_and_foreign_jobs_are_404(client: httpx.Client) -> None:
    task_id = separate(client, upload(client, wav_bytes()))
    other_key = {"X-API-Key": "someone-else"}

    answers = [
        client.get("/separatestatus/sf_00000000-0000-4000-8000-000000000000"),
        retrieve(client, "sf_00000000-0000-4000-8000-000000000000"),
        client.get(f"/separatestatus/{task_id}", headers=other_key),
        client.post("/retrievestems", json={"stemflowData": {"stemflowTaskId": task_id}}, headers=other_key),
    ]

    assert [a.status_code for a in answers] == [404] * 4
    assert_matches_spec(answers[0], "get", "/separatestatus/{stemflowTaskId}")


def test_an_unknown_separation_mode_is_a_400(client: httpx.Client, control: MockControl) -> None:
    response = client.post(
        "/separate",
        json={
            "stemflowData": {"audioFileLocation": "https://example.com/a.wav", "separationMode": "karaoke"}
        },
    )

    assert response.status_code == 400
    assert_matches_spec(response, "post", "/separate")
    assert control.tasks("separation") == []
