"""A post-production team previews enhanced dialogue: submit tracks, poll, download the preview."""

from __future__ import annotations

import httpx
import pytest

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

HOOK = "https://hooks.example/postprod"
PREVIEW = "/postprod/dialogue-enhancement/preview"
RETRIEVE = "/postprod/dialogue-enhancement/retrievepreview"


def track(url: str, track_type: str = "DIALOGUE_MAIN", mode: str = "ENHANCE") -> dict[str, str]:
    return {"trackURL": url, "trackType": track_type, "dialogueEnhancementMode": mode}


def submit(client: httpx.Client, tracks: list[dict[str, str]], **fields: object) -> httpx.Response:
    response = client.post(PREVIEW, json={"postProdData": {"trackData": tracks, **fields}})
    assert_matches_spec(response, "post", PREVIEW)
    return response


def start(client: httpx.Client, tracks: list[dict[str, str]], **fields: object) -> str:
    response = submit(client, tracks, **fields)
    assert response.status_code == 200, response.text
    return str(response.json()["postprodTaskId"])


def retrieve(client: httpx.Client, task_id: str, **headers: str) -> httpx.Response:
    response = client.post(RETRIEVE, json={"postProdData": {"postprodTaskId": task_id}}, headers=headers)
    assert_matches_spec(response, "post", RETRIEVE)
    return response


def test_two_dialogue_tracks_give_one_30_second_preview_at_the_requested_rate(
    client: httpx.Client, control: MockControl
) -> None:
    before = control.credits(API_KEY)
    main = upload(client, wav_bytes(seconds=40, freq=180.0), filename="main.wav")
    guest = upload(
        client,
        wav_bytes(seconds=35, freq=240.0, fmt="FLAC"),
        filename="guest.flac",
        content_type="audio/flac",
    )
    task_id = start(client, [track(main), track(guest, "DIALOGUE_SECONDARY", "PRESERVE")], sampleRate=48000)

    response = retrieve(client, task_id)

    assert response.status_code == 200
    body = response.json()
    assert (body["error"], body["postprodTaskId"], body["status"]) == (
        False,
        task_id,
        "POSTPROD_TASK_PREVIEW_COMPLETED",
    )
    audio, rate = decode(client, body["previewResults"]["download_url_preview"])
    assert rate == 48000 and abs(len(audio) / rate - 30.0) < 0.1
    assert 0.0 <= body["previewResults"]["preview_start_time"] <= 10.0
    assert control.credits(API_KEY) == before  # [inferred] free


def test_the_preview_is_the_engines_enhanced_dialogue(client: httpx.Client) -> None:
    main, guest = wav_bytes(seconds=40, freq=180.0), wav_bytes(seconds=35, freq=240.0)
    tracks = [track(upload(client, main)), track(upload(client, guest), "DIALOGUE_SECONDARY", "PRESERVE")]
    task_id = start(client, tracks, sampleRate=48000)

    results = retrieve(client, task_id).json()["previewResults"]

    enhanced = engine.enhance_dialogue(
        [
            engine.DialogueTrack(engine.decode(main).audio, "DIALOGUE_MAIN", "ENHANCE"),
            engine.DialogueTrack(engine.decode(guest).audio, "DIALOGUE_SECONDARY", "PRESERVE"),
        ],
        48000,
    )
    excerpt, start_s = engine.preview(enhanced, None)
    assert results["preview_start_time"] == start_s
    assert client.get(results["download_url_preview"]).content == engine.encode(excerpt, "MP3")


def test_a_completed_task_renders_nothing_until_its_answer_or_download_needs_it(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    task_id = start(client, [track(upload(client, wav_bytes()))], webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)  # the completed webhook carries the link
    files = control.task(task_id)["results"]
    assert control.backend.results.is_pending(files["window"])

    body = retrieve(client, task_id).json()

    assert body["previewResults"]["preview_start_time"] == 0.0  # the 12 s preview is the whole track
    url = body["previewResults"]["download_url_preview"]
    assert url == sender.payloads(HOOK)[-1]["download_url_preview"]
    assert_rendered_on_first_download(client, control, [url])


def test_the_preview_is_still_processing_for_the_first_polls(
    client: httpx.Client, control: MockControl
) -> None:
    control.set_progression("after_polls:2")
    task_id = start(client, [track(upload(client, wav_bytes()))])

    first, second, third = (retrieve(client, task_id) for _ in range(3))

    assert (first.status_code, first.json()["status"]) == (202, "POSTPROD_TASK_PENDING")
    assert (second.status_code, second.json()["status"]) == (202, "POSTPROD_TASK_PROCESSING")
    assert third.status_code == 200 and "previewResults" in third.json()


def test_a_scripted_failure_ends_in_the_failed_state(client: httpx.Client, control: MockControl) -> None:
    control.fail_next("The dialogue track could not be downloaded.", lifecycle="postprod")
    task_id = start(client, [track(upload(client, wav_bytes()))])

    response = retrieve(client, task_id)

    assert response.status_code == 200
    assert response.json() == {
        "error": True,
        "message": "The dialogue track could not be downloaded.",
        "info": "Dialogue enhancement failed.",
        "status": "POSTPROD_TASK_FAILED",
    }


def test_an_mp3_dialogue_track_fails_the_task_not_the_request(client: httpx.Client) -> None:
    mp3 = upload(client, wav_bytes(fmt="MP3"), filename="dialogue.mp3", content_type="audio/mpeg")
    task_id = start(client, [track(mp3)])

    response = retrieve(client, task_id)

    assert response.json()["status"] == "POSTPROD_TASK_FAILED"
    assert "MP3" in response.json()["message"]


def test_webhooks_report_each_state_and_the_preview(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    task_id = start(client, [track(upload(client, wav_bytes()), mode="SOCIAL_MEDIA_VO")], webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    payloads = sender.payloads(HOOK)
    assert [p["state"] for p in payloads] == [
        "POSTPROD_TASK_PENDING",
        "POSTPROD_TASK_PROCESSING",
        "POSTPROD_TASK_PREVIEW_COMPLETED",
    ]
    for payload in payloads:
        assert_webhook_matches_spec(payload, "postprodTaskUpdate")
        assert payload["postprodTaskId"] == task_id
    assert payloads[-1]["download_url_preview"].startswith("http://testserver/")


def test_a_failed_task_announces_the_failure(
    client: httpx.Client, control: MockControl, sender: RecordingSender
) -> None:
    control.fail_next("The dialogue track could not be downloaded.", lifecycle="postprod")
    start(client, [track(upload(client, wav_bytes()))], webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    last = sender.payloads(HOOK)[-1]
    assert_webhook_matches_spec(last, "postprodTaskUpdate")
    assert (last["state"], last["error"]) == ("POSTPROD_TASK_FAILED", True)


def test_unknown_and_foreign_tasks_are_404(client: httpx.Client) -> None:
    task_id = start(client, [track(upload(client, wav_bytes()))])

    unknown = retrieve(client, "00000000-0000-4000-8000-000000000000")
    foreign = retrieve(client, task_id, **{"X-API-Key": "someone-else"})

    assert unknown.status_code == foreign.status_code == 404


@pytest.mark.parametrize(
    "tracks",
    [
        [],
        [
            {
                "trackURL": "https://example.com/d.wav",
                "trackType": "NARRATOR",
                "dialogueEnhancementMode": "ENHANCE",
            }
        ],
        [{"trackURL": "https://example.com/d.wav", "trackType": "ADR"}],
    ],
    ids=["no-tracks", "unknown-track-type", "missing-mode"],
)
def test_malformed_requests_are_400(
    client: httpx.Client, control: MockControl, tracks: list[dict[str, str]]
) -> None:
    assert submit(client, tracks).status_code == 400
    assert control.tasks("postprod") == []
