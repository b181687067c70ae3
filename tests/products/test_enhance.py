"""A team enhances mixes: free previews, charged full renders with stems, polling and webhooks."""

from __future__ import annotations

import io
from typing import Any

import httpx
import numpy as np
import pyloudnorm
import pytest
import soundfile as sf

from tonn_mock.control import MockControl
from tonn_mock.products import catalog
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

HOOK = "https://hooks.example/tonn"
# an input that fails at once, for tests about ids, credits and scripted failures
MISSING = "http://testserver/_storage/uploads/none/missing.wav"
RUNNING = [
    "MIXREVIVE_TASK_STARTED",
    "MIXREVIVE_TASK_SEPARATION",
    "MIXREVIVE_TASK_MIX_MASTER_ENHANCEMENT",
    "MIXREVIVE_TASK_MIX_MASTER_CORRECTION",
]
STEMS = {"vocal", "bass", "drums", "other"}


def assert_webhooks_match_spec(payloads: list[Any]) -> None:
    for payload in payloads:
        assert_webhook_matches_spec(payload, "mixReviveTaskUpdate")


def enhance_data(url: str, **fields: object) -> dict[str, object]:
    """What roex-python 1.6.0 sends with its defaults, plus ``fields``."""
    return {
        "audioFileLocation": url,
        "musicalStyle": "POP",
        "isMaster": False,
        "fixClippingIssues": True,
        "fixStereoWidthIssues": True,
        "fixTonalProfileIssues": True,
        "fixLoudnessIssues": True,
        "applyMastering": True,
        "applyDrumEnhancement": True,
        "applyVocalEnhancement": True,
        "loudnessPreference": "NO_CHANGE",
        "stemProcessing": False,
        "getProcessedStems": False,
        **fields,
    }


def start(client: httpx.Client, operation: str, url: str, **fields: object) -> str:
    response = client.post(f"/{operation}", json={"mixReviveData": enhance_data(url, **fields)})
    assert response.status_code == 200, response.text
    assert_matches_spec(response, "post", f"/{operation}")
    return str(response.json()["mixrevive_task_id"])


def retrieve(client: httpx.Client, task_id: str, **headers: str) -> httpx.Response:
    response = client.post(
        "/retrieveenhancedtrack", json={"mixReviveData": {"mixReviveTaskId": task_id}}, headers=headers
    )
    assert_matches_spec(response, "post", "/retrieveenhancedtrack")
    return response


def results(client: httpx.Client, task_id: str) -> dict[str, Any]:
    response = retrieve(client, task_id)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()["revivedTrackTaskResults"]
    return found


def loudness(samples: np.ndarray, rate: int) -> float:
    return float(pyloudnorm.Meter(rate).integrated_loudness(samples))


def test_a_preview_is_a_30_second_mp3_from_the_requested_start(
    client: httpx.Client, control: MockControl
) -> None:
    before = control.credits(API_KEY)
    task_id = start(client, "mixenhancepreview", upload(client, wav_bytes(seconds=32)), previewStartTime=1.5)

    found = results(client, task_id)

    assert found["status"] == "MIXREVIVE_TASK_PREVIEW_COMPLETED" and found["preview_start_time"] == 1.5
    assert found["download_url_revived"] is None and "stems" not in found
    audio, rate = decode(client, found["download_url_preview_revived"])
    assert abs(len(audio) / rate - 30.0) < 0.1
    assert control.credits(API_KEY) == before  # previews are free


def test_without_a_start_the_preview_is_the_loudest_stretch(client: httpx.Client) -> None:
    quiet_then_loud = np.concatenate([np.full(2, 0.1), np.full(30, 1.0)])
    gain = np.repeat(quiet_then_loud, 44100)[:, None]
    samples, _ = sf.read(io.BytesIO(wav_bytes(seconds=32)))
    task_id = start(client, "mixenhancepreview", upload(client, encoded(samples * gain)))

    assert results(client, task_id)["preview_start_time"] == 2.0


@pytest.mark.parametrize(
    ("preference", "target"), [("CD_LOUDNESS", -9.0), ("STREAMING_LOUDNESS", -14.0), ("NO_CHANGE", None)]
)
def test_the_full_wav_reaches_the_loudness_preference(
    client: httpx.Client, preference: str, target: float | None
) -> None:
    source = wav_bytes(seconds=12, level=0.1)
    task_id = start(client, "mixenhance", upload(client, source), loudnessPreference=preference)

    found = results(client, task_id)

    assert found["status"] == "MIXREVIVE_TASK_COMPLETED" and "stems" not in found
    enhanced, rate = decode(client, found["download_url_revived"])
    original, _ = sf.read(io.BytesIO(source))
    assert enhanced.shape == original.shape and rate == 44100
    expected = loudness(original, rate) if target is None else target
    assert loudness(enhanced, rate) == pytest.approx(expected, abs=1.0)
    assert np.abs(enhanced).max() <= 10 ** (-1.0 / 20) + 1e-3  # mastered under the -1 dBTP ceiling


def test_stems_come_with_a_full_task_when_asked_for(client: httpx.Client) -> None:
    # stemProcessing alone is covered by the webhook and roex-python tests
    task_id = start(client, "mixenhance", upload(client, wav_bytes(seconds=12)), getProcessedStems=True)

    found = results(client, task_id)

    assert set(found["stems"]) == STEMS
    mix, _ = decode(client, found["download_url_revived"])
    for url in found["stems"].values():
        stem, rate = decode(client, url)
        assert stem.shape == mix.shape and rate == 44100


def test_no_file_is_rendered_until_its_url_is_fetched(client: httpx.Client, control: MockControl) -> None:
    url = upload(client, wav_bytes(seconds=12))
    preview_id = start(client, "mixenhancepreview", url)
    full_id = start(client, "mixenhance", url, getProcessedStems=True)

    preview, full = results(client, preview_id), results(client, full_id)

    assert preview["preview_start_time"] == full["preview_start_time"] == 0.0  # shorter than 30 s
    assert_rendered_on_first_download(
        client,
        control,
        [
            preview["download_url_preview_revived"],
            full["download_url_preview_revived"],
            full["download_url_revived"],
            *full["stems"].values(),
        ],
    )


def test_a_full_task_is_charged_and_refused_without_credits(
    client: httpx.Client, control: MockControl
) -> None:
    url = MISSING
    before = control.credits(API_KEY)
    start(client, "mixenhance", url)
    assert control.credits(API_KEY) == before - catalog().prices["createMixEnhance"]

    control.set_credits(0, API_KEY)
    response = client.post("/mixenhance", json={"mixReviveData": enhance_data(url)})

    assert response.status_code == 402
    assert_matches_spec(response, "post", "/mixenhance")
    assert len(control.tasks("enhance")) == 1


def test_polls_answer_202_with_null_urls_until_the_task_is_done(
    client: httpx.Client, control: MockControl
) -> None:
    control.set_progression("after_polls:2")
    task_id = start(client, "mixenhance", upload(client, wav_bytes(seconds=12)))

    first, second, third = (retrieve(client, task_id) for _ in range(3))

    for pending in (first, second):
        assert pending.status_code == 202
        body = pending.json()["revivedTrackTaskResults"]
        assert body["status"] in RUNNING
        assert body["download_url_preview_revived"] is body["download_url_revived"] is None
        assert "stems" not in body
    assert (
        third.status_code == 200
        and third.json()["revivedTrackTaskResults"]["status"] == "MIXREVIVE_TASK_COMPLETED"
    )


def test_roex_tutorial_code_reads_results_without_stems(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    """RoEx's enhance tutorial does ``results.get("stems", {}).items()``: a null would crash it."""
    control.set_progression("after_polls:1")
    task_id = start(client, "mixenhance", upload(client, wav_bytes(seconds=12)), webhookURL=HOOK)

    bodies = [retrieve(client, task_id).json()["revivedTrackTaskResults"] for _ in range(2)]
    assert control.wait_for_webhooks_idle(timeout=5)

    for body in [*bodies, *sender.payloads(HOOK)]:
        assert dict(body.get("stems", {}).items()) == {}
        assert dict(body.get("stems_download_urls", {}).items()) == {}


def test_a_scripted_failure_answers_the_failure_envelope(client: httpx.Client, control: MockControl) -> None:
    control.fail_next("The audio file could not be decoded.", lifecycle="enhance_preview")
    task_id = start(client, "mixenhancepreview", MISSING)

    response = retrieve(client, task_id)

    assert response.status_code == 200
    assert response.json() == {
        "error": True,
        "message": "The audio file could not be decoded.",
        "info": "Mix revive task failed.",
        "status": "MIXREVIVE_TASK_FAILED",
    }


def test_an_unreadable_input_fails_the_task_not_the_request(client: httpx.Client) -> None:
    task_id = start(client, "mixenhance", upload(client, b"not audio" * 500))

    response = retrieve(client, task_id)

    assert response.json()["status"] == "MIXREVIVE_TASK_FAILED"
    assert "not readable audio" in response.json()["message"]


def test_preview_webhooks_walk_every_state(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    task_id = start(client, "mixenhancepreview", upload(client, wav_bytes(seconds=12)), webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    payloads = sender.payloads(HOOK)
    assert [p["state"] for p in payloads] == [*RUNNING, "MIXREVIVE_TASK_PREVIEW_COMPLETED"]
    assert_webhooks_match_spec(payloads)
    assert all(p["mixrevive_task_id"] == task_id for p in payloads)
    assert payloads[-1]["download_url_preview_revived"].startswith("http://testserver/")
    decode(client, payloads[-1]["download_url_preview_revived"])


def test_full_webhooks_pass_the_preview_and_end_with_all_urls(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    start(client, "mixenhance", upload(client, wav_bytes(seconds=12)), webhookURL=HOOK, stemProcessing=True)
    assert control.wait_for_webhooks_idle(timeout=5)

    payloads = sender.payloads(HOOK)
    assert [p["state"] for p in payloads] == [
        *RUNNING,
        "MIXREVIVE_TASK_PREVIEW_COMPLETED",
        "MIXREVIVE_TASK_COMPLETED",
    ]
    assert_webhooks_match_spec(payloads)
    last = payloads[-1]
    assert set(last["stems_download_urls"]) == STEMS
    decode(client, last["download_url_revived"])


def test_a_failure_webhook_carries_the_reason(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    control.fail_next("Separation failed.", lifecycle="enhance")
    start(client, "mixenhance", MISSING, webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    last = sender.payloads(HOOK)[-1]
    assert_webhook_matches_spec(last, "mixReviveTaskUpdate")
    assert (last["state"], last["error"], last["message"]) == (
        "MIXREVIVE_TASK_FAILED",
        True,
        "Separation failed.",
    )


def test_unknown_foreign_and_other_product_ids_are_404(client: httpx.Client) -> None:
    task_id = start(client, "mixenhancepreview", MISSING)
    mastering = client.post(
        "/masteringpreview",
        json={
            "masteringData": {
                "trackData": [{"trackURL": MISSING}],
                "musicalStyle": "POP",
                "desiredLoudness": "LOW",
            }
        },
    )

    unknown = retrieve(client, "00000000-0000-4000-8000-000000000000")
    foreign = retrieve(client, task_id, **{"X-API-Key": "someone-else"})
    other_product = retrieve(client, mastering.json()["mastering_task_id"])

    assert unknown.status_code == foreign.status_code == other_product.status_code == 404


def test_a_style_the_spec_excludes_is_a_400(client: httpx.Client) -> None:
    response = client.post(
        "/mixenhancepreview",
        json={"mixReviveData": enhance_data("https://e.com/a.wav", musicalStyle="TECHNO")},
    )

    assert response.status_code == 400
    assert_matches_spec(response, "post", "/mixenhancepreview")


# the official client, unchanged except for base_url --------------------------------------------


def test_roex_python_previews_and_enhances_with_stems(
    client: httpx.Client, live_url: str, tmp_path: object
) -> None:
    from roex_python.client import RoExClient
    from roex_python.models.enhance import EnhanceMusicalStyle, MixEnhanceRequest

    roex = RoExClient(api_key=API_KEY, base_url=live_url)
    url = upload(client, wav_bytes(seconds=12))

    preview_id = roex.enhance.create_mix_enhance_preview(
        MixEnhanceRequest(url, EnhanceMusicalStyle.ROCK_INDIE)
    )
    full_id = roex.enhance.create_mix_enhance(
        MixEnhanceRequest(url, EnhanceMusicalStyle.ROCK_INDIE, stem_processing=True, preview_start_time=1.0)
    )
    preview = roex.enhance.retrieve_enhanced_track(preview_id.mixrevive_task_id, poll_interval=1, timeout=1)
    full = roex.enhance.retrieve_enhanced_track(full_id.mixrevive_task_id, poll_interval=1, timeout=1)

    assert preview.download_url_preview_revived and preview.download_url_revived is None
    assert full.download_url_revived and set(full.stems or {}) == STEMS
    assert roex.api_provider.download_file(full.download_url_revived, f"{tmp_path}/enhanced.wav")
    assert sf.info(f"{tmp_path}/enhanced.wav").frames == 12 * 44100
