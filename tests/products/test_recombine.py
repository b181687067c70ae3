"""A team puts a vocal back over a beat: recombine, poll, preview, retrieve the (charged) master."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import soundfile as sf
from roex_python.client import RoExClient
from roex_python.models import RecombineMusicalStyle, RecombineRequest, StemSeparationRequest
from roex_python.utils import upload_file
from scipy import signal

from tonn_mock.audio import Audio, sample_peak_dbfs, true_peak_dbfs
from tonn_mock.backend.inputs import storage_key
from tonn_mock.control import MockControl
from tonn_mock.webhooks import RecordingSender

from ..conftest import (
    API_KEY,
    assert_matches_spec,
    assert_rendered_on_first_download,
    assert_webhook_matches_spec,
    decode,
    encoded,
    upload,
    wav_bytes,
)

HOOK = "https://hooks.example/recombine"
UNKNOWN = "rc_00000000-0000-4000-8000-000000000000"


def separation(client: httpx.Client, seconds: float = 12.0) -> str:
    url = upload(client, wav_bytes(seconds=seconds))
    response = client.post("/separate", json={"stemflowData": {"audioFileLocation": url}})
    assert response.status_code == 200, response.text
    return str(response.json()["stemflowTaskId"])


def submit(client: httpx.Client, **fields: object) -> httpx.Response:
    response = client.post("/recombine", json={"recombineData": {"musicalStyle": "POP", **fields}})
    assert_matches_spec(response, "post", "/recombine")
    return response


def recombine(client: httpx.Client, **fields: object) -> str:
    response = submit(client, **fields)
    assert response.status_code == 200, response.text
    return str(response.json()["recombineTaskId"])


def status(client: httpx.Client, task_id: str) -> dict[str, Any]:
    response = client.get(f"/recombinestatus/{task_id}")
    assert response.status_code == 200, response.text
    assert_matches_spec(response, "get", "/recombinestatus/{recombineTaskId}")
    return dict(response.json())


def retrieve(client: httpx.Client, operation: str, task_id: str) -> httpx.Response:
    response = client.post(f"/{operation}", json={"recombineData": {"recombineTaskId": task_id}})
    assert_matches_spec(response, "post", f"/{operation}")
    return response


def test_a_separation_job_is_recombined_into_a_master(client: httpx.Client) -> None:
    task_id = recombine(client, stemJobId=separation(client))

    assert task_id.startswith("rc_")
    assert status(client, task_id)["status"] == "complete"
    preview = retrieve(client, "retrieverecombinepreview", task_id).json()["preview"]
    final = retrieve(client, "retrieverecombine", task_id)
    assert final.status_code == 200
    result = final.json()["result"]
    assert (result["sample_rate"], result["bit_depth"], result["channels"]) == (44100, 16, 2)
    assert result["measured_lufs"] == pytest.approx(-10.0, abs=1.0)  # MEDIUM, the default
    assert result["measured_lufs"] == preview["measured_lufs_full"]
    assert result["peak_level"] <= -1.0 and result["track_length_seconds"] == pytest.approx(12.0)
    assert result["processing"] == {
        "musical_style": "POP",
        "desired_loudness": "MEDIUM",
        "vocal_gain_db": 0.0,
    }
    assert "X-Goog-Expires=86400" in result["master_url"]
    master, rate = decode(client, result["master_url"])
    assert (rate, master.shape) == (44100, (12 * 44100, 2))


def test_vocal_and_beat_urls_give_a_30_second_preview_of_the_loudest_part(
    client: httpx.Client, tmp_path: Path
) -> None:
    vocal = upload(client, wav_bytes(seconds=45, freq=440.0, level=0.1), filename="vocal.wav")
    t = np.arange(45 * 44100) / 44100
    swell = 0.05 + 0.4 * (t > 30)  # the beat gets loud in its last 15 s
    beat = tmp_path / "beat.wav"
    sf.write(beat, np.stack([swell * np.sin(2 * np.pi * 110 * t)] * 2, axis=1), 44100)
    task_id = recombine(
        client,
        vocalStemURL=vocal,
        backingStemURL=upload(client, beat.read_bytes()),
        desiredLoudness="HIGH",
        vocalGainDb=3.0,
        musicalStyle="TRAP",
    )

    preview = retrieve(client, "retrieverecombinepreview", task_id).json()["preview"]
    result = retrieve(client, "retrieverecombine", task_id).json()["result"]

    audio, _ = decode(client, preview["preview_url"])
    assert abs(len(audio) / 44100 - 30.0) < 0.1
    assert preview["preview_start_seconds"] == 15.0
    assert result["measured_lufs"] == pytest.approx(-8.0, abs=1.0)
    assert result["processing"] == {"musical_style": "TRAP", "desired_loudness": "HIGH", "vocal_gain_db": 3.0}


def test_the_reported_peak_is_the_true_peak_of_the_master_file(client: httpx.Client) -> None:
    t = np.arange(12 * 44100) / 44100
    # a bright beat whose peaks fall between samples: sample peak reads ~3 dB under the true peak
    bright = 0.3 * np.sin(2 * np.pi * 11025 * t + np.pi / 4) + 0.2 * np.sin(2 * np.pi * 110 * t)
    task_id = recombine(
        client,
        vocalStemURL=upload(client, wav_bytes(seconds=12, freq=440.0, level=0.05)),
        backingStemURL=upload(client, encoded(np.stack([bright, bright], axis=1))),
        desiredLoudness="HIGH",
    )

    result = retrieve(client, "retrieverecombine", task_id).json()["result"]

    samples, rate = decode(client, result["master_url"])
    master = Audio(samples, rate)
    oversampled = 20 * np.log10(np.abs(signal.resample_poly(samples, 4, 1, axis=0)).max())
    assert result["peak_level"] == round(true_peak_dbfs(master), 2)
    assert result["peak_level"] == pytest.approx(oversampled, abs=0.01)  # what scipy reads
    assert result["peak_level"] > sample_peak_dbfs(master) + 1.0
    assert result["peak_level"] <= -1.0


def test_nothing_is_rendered_until_an_answer_or_a_download_needs_it(
    client: httpx.Client, control: MockControl
) -> None:
    stem_job = separation(client)
    task_id = recombine(client, stemJobId=stem_job)
    assert status(client, task_id)["status"] == "complete"
    results = control.backend.results
    files = control.task(task_id)["results"]
    stems = control.task(stem_job)["results"]["stems"]
    rendered_by_the_answer = [files["measurements"], files["master"], *stems.values()]
    assert all(results.is_pending(key) for key in [*rendered_by_the_answer, files["preview"]])

    preview = retrieve(client, "retrieverecombinepreview", task_id).json()["preview"]

    # the answer's measurements need the master (so the stems), not the preview MP3
    assert not any(results.is_pending(key) for key in rendered_by_the_answer)
    assert storage_key(preview["preview_url"]) == files["preview"]
    assert_rendered_on_first_download(client, control, [preview["preview_url"]])


def test_stem_links_not_downloaded_yet_can_be_the_vocal_and_beat_urls(client: httpx.Client) -> None:
    stem_job = separation(client)
    stems = client.post("/retrievestems", json={"stemflowData": {"stemflowTaskId": stem_job}}).json()["stems"]

    task_id = recombine(client, vocalStemURL=stems["vocals"], backingStemURL=stems["other"])

    assert status(client, task_id)["status"] == "complete"
    result = retrieve(client, "retrieverecombine", task_id).json()["result"]
    assert result["track_length_seconds"] == pytest.approx(12.0)


def test_the_master_costs_250_credits_on_the_first_retrieval_only(
    client: httpx.Client, control: MockControl
) -> None:
    stem_job = separation(client)
    before = control.credits(API_KEY)

    task_id = recombine(client, stemJobId=stem_job)
    retrieve(client, "retrieverecombinepreview", task_id)
    assert control.credits(API_KEY) == before
    first = retrieve(client, "retrieverecombine", task_id)
    second = retrieve(client, "retrieverecombine", task_id)

    assert control.credits(API_KEY) == before - 250
    assert first.json()["result"]["measured_lufs"] == second.json()["result"]["measured_lufs"]


def test_a_master_without_enough_credits_is_refused_with_402_until_topped_up(
    client: httpx.Client, control: MockControl
) -> None:
    task_id = recombine(client, stemJobId=separation(client))
    control.set_credits(249, API_KEY)

    refused = retrieve(client, "retrieverecombine", task_id)
    control.set_credits(300, API_KEY)
    accepted = retrieve(client, "retrieverecombine", task_id)

    assert refused.status_code == 402 and "250" in refused.json()["message"]
    assert accepted.status_code == 200 and control.credits(API_KEY) == 50


def test_a_running_job_reports_processing_and_is_not_charged(
    client: httpx.Client, control: MockControl
) -> None:
    stem_job = separation(client)
    control.set_progression("after_polls:3")
    task_id = recombine(client, stemJobId=stem_job)
    before = control.credits(API_KEY)

    reported = status(client, task_id)
    early_preview = retrieve(client, "retrieverecombinepreview", task_id)
    early_master = retrieve(client, "retrieverecombine", task_id)
    master = retrieve(client, "retrieverecombine", task_id)

    assert reported["status"] == "processing" and reported["error"] is False
    assert early_preview.status_code == early_master.status_code == 202
    assert early_master.json() == {"error": True, "message": "Recombine is not complete yet."}
    assert master.status_code == 200 and control.credits(API_KEY) == before - 250


def test_a_failed_job_answers_the_failure_envelope_and_is_free(
    client: httpx.Client, control: MockControl
) -> None:
    stem_job = separation(client)
    control.fail_next("The vocal stem could not be downloaded.", lifecycle="recombine")
    task_id = recombine(client, stemJobId=stem_job)
    before = control.credits(API_KEY)

    reported = status(client, task_id)
    answers = [retrieve(client, op, task_id) for op in ("retrieverecombinepreview", "retrieverecombine")]

    assert (reported["status"], reported["info"]) == ("failed", "The vocal stem could not be downloaded.")
    for answer in answers:
        assert answer.status_code == 200
        assert answer.json()["status"] == "failed" and answer.json()["error"] is True
    assert control.credits(API_KEY) == before


def test_a_refused_input_url_fails_the_job_not_the_request(client: httpx.Client) -> None:
    short = upload(client, wav_bytes(seconds=4))

    task_id = recombine(client, vocalStemURL=short, backingStemURL="https://example.com/beat.wav")

    reported = status(client, task_id)
    assert reported["status"] == "failed" and "too short" in reported["info"]


def test_the_stem_job_must_exist_belong_to_the_key_and_be_complete(
    client: httpx.Client, control: MockControl
) -> None:
    song = upload(client, wav_bytes())
    foreign = client.post(
        "/separate", json={"stemflowData": {"audioFileLocation": song}}, headers={"X-API-Key": "someone-else"}
    ).json()["stemflowTaskId"]
    control.fail_next("Could not download the audio file.", lifecycle="separation")
    failed = separation(client)
    control.set_progression("manual")
    running_job = separation(client)

    answers = {
        name: submit(client, stemJobId=job)
        for name, job in [
            ("unknown", "sf_00000000-0000-4000-8000-000000000000"),
            ("foreign", foreign),
            ("failed", failed),
            ("running", running_job),
        ]
    }

    assert {name: answer.status_code for name, answer in answers.items()} == {
        "unknown": 404,
        "foreign": 404,
        "failed": 400,
        "running": 400,
    }
    assert "not complete" in answers["running"].json()["message"]
    assert control.tasks("recombine") == []


@pytest.mark.parametrize(
    "fields",
    [
        {"stemJobId": "sf_1", "vocalStemURL": "https://example.com/v.wav"},
        {"vocalStemURL": "https://example.com/v.wav"},
        {"stemJobId": "sf_1", "vocalGainDb": 7.5},
    ],
    ids=["both-modes", "one-url", "gain-out-of-range"],
)
def test_malformed_requests_are_400(client: httpx.Client, fields: dict[str, object]) -> None:
    assert submit(client, **fields).status_code == 400


def test_webhooks_announce_pending_started_completed(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    task_id = recombine(client, stemJobId=separation(client), webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    payloads = sender.payloads(HOOK)
    assert [p["status"] for p in payloads] == ["pending", "started", "completed"]
    for payload in payloads:
        assert_webhook_matches_spec(payload, "recombineTaskUpdate")
        assert payload["recombineTaskId"] == task_id


def test_a_failed_job_announces_failed(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    stem_job = separation(client)
    control.fail_next("The vocal stem could not be downloaded.", lifecycle="recombine")
    recombine(client, stemJobId=stem_job, webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    last = sender.payloads(HOOK)[-1]
    assert_webhook_matches_spec(last, "recombineTaskUpdate")
    assert (last["status"], last["error"]) == ("failed", True)


def test_unknown_and_foreign_recombine_tasks_are_404(client: httpx.Client) -> None:
    task_id = recombine(client, stemJobId=separation(client))
    other_key = {"X-API-Key": "someone-else"}

    answers = [
        client.get(f"/recombinestatus/{UNKNOWN}"),
        client.get(f"/recombinestatus/{task_id}", headers=other_key),
    ]
    for operation in ("retrieverecombinepreview", "retrieverecombine"):
        answers.append(retrieve(client, operation, UNKNOWN))
        answers.append(
            client.post(
                f"/{operation}", json={"recombineData": {"recombineTaskId": task_id}}, headers=other_key
            )
        )

    assert [a.status_code for a in answers] == [404] * 6


# roex-python leaves its streamed download's socket to the garbage collector
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_roex_python_runs_separation_then_recombine_unchanged(live_url: str, tmp_path: Path) -> None:
    song = tmp_path / "song.wav"
    song.write_bytes(wav_bytes(seconds=12))

    roex = RoExClient(api_key=API_KEY, base_url=live_url)
    separation_task = roex.stem_separation.create_separation(
        StemSeparationRequest(audio_file_location=upload_file(roex, str(song)))
    )
    stem_job = separation_task.stemflow_task_id
    separated = roex.stem_separation.wait_for_separation(stem_job)
    stems = roex.stem_separation.retrieve_stems(stem_job)
    task = roex.recombine.create_recombine(
        RecombineRequest(musical_style=RecombineMusicalStyle.HIPHOP_GRIME, stem_job_id=stem_job)
    )
    done = roex.recombine.wait_for_recombine(task.recombine_task_id)
    preview = roex.recombine.retrieve_preview(task.recombine_task_id)
    final = roex.recombine.retrieve_final_master(task.recombine_task_id)
    downloaded = roex.api_provider.download_file(final.master_url, str(tmp_path / "master.wav"))

    assert stem_job.startswith("sf_") and separated.status == "complete"
    assert all([stems.vocals, stems.bass, stems.drums, stems.other]) and stems.instrumental is None
    assert task.recombine_task_id.startswith("rc_") and done.status == "complete"
    assert preview.preview_url and preview.measured_lufs_full == final.measured_lufs
    assert final.processing is not None and final.processing.musical_style == "HIPHOP_GRIME"
    assert downloaded
    info = sf.info(str(tmp_path / "master.wav"))
    assert (info.samplerate, info.channels, info.subtype) == (44100, 2, "PCM_16")
