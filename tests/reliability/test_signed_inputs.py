"""Task inputs are read like any signed URL, and results are made from the input that was checked.

An input on the mock's storage must carry a valid, unexpired signature, whoever's file it names and
whatever its host; what passed is pinned when the task completes, so re-uploading to a still-valid
URL afterwards changes no result and breaks no download.
"""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
import soundfile as sf

from tonn_mock.control import MockControl

from ..conftest import wav_bytes
from .conftest import mastering_body, poll_body


def upload_urls(client: httpx.Client, name: str = "song.wav") -> dict[str, Any]:
    urls: dict[str, Any] = client.post("/upload", json={"filename": name, "contentType": "audio/wav"}).json()
    client.put(urls["signed_url"], content=wav_bytes(seconds=12), headers={"Content-Type": "audio/wav"})
    return urls


def master(client: httpx.Client, url: str) -> dict[str, Any]:
    """Create a mastering task on ``url`` (it completes at once) and answer its preview poll."""
    task_id = client.post("/masteringpreview", json=mastering_body(url)).json()["mastering_task_id"]
    body: dict[str, Any] = client.post("/retrievepreviewmaster", json=poll_body(task_id)).json()
    return {"id": task_id, **body}


def without_query(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(query=""))


def tampered(url: str) -> str:
    return url[:-1] + ("0" if url[-1] != "0" else "1")


def on_host(url: str, netloc: str) -> str:
    return urlunsplit(urlsplit(url)._replace(netloc=netloc))


@pytest.mark.parametrize(
    ("alter", "refusal"),
    [(without_query, "AccessDenied"), (tampered, "SignatureDoesNotMatch")],
    ids=["unsigned", "tampered"],
)
def test_an_unsigned_or_altered_input_url_fails_the_task_saying_why(
    client: httpx.Client, alter: Any, refusal: str
) -> None:
    failed = master(client, alter(upload_urls(client)["readable_url"]))
    assert failed["error"] is True and failed["status"] == "MASTERING_TASK_FAILED"
    assert "Could not download the input file" in failed["message"] and refusal in failed["message"]


def test_an_expired_input_url_fails_the_task(client: httpx.Client, control: MockControl) -> None:
    url = upload_urls(client)["readable_url"]
    control.advance_clock(3601)
    failed = master(client, url)
    assert failed["status"] == "MASTERING_TASK_FAILED" and "ExpiredToken" in failed["message"]


def test_a_signed_input_url_is_read_whatever_host_it_names(client: httpx.Client) -> None:
    url = on_host(upload_urls(client)["readable_url"], "127.0.0.1:1")
    assert master(client, url)["previewMasterTaskResults"]["status"] == "MASTERING_TASK_PREVIEW_COMPLETED"


def test_one_key_cannot_read_another_keys_private_master_through_the_storage_path(
    client: httpx.Client,
) -> None:
    mine = master(client, upload_urls(client)["readable_url"])
    final = client.post("/retrievefinalmaster", json=poll_body(mine["id"])).json()
    private = without_query(final["finalMasterTaskResults"]["download_url_mastered"])
    assert client.get(private).status_code == 403

    client.headers["X-API-Key"] = "another-tenant"
    theirs = master(client, on_host(private, "127.0.0.1:1"))

    assert theirs["status"] == "MASTERING_TASK_FAILED" and "AccessDenied" in theirs["message"]


def decoded_seconds(client: httpx.Client, url: str) -> float:
    answer = client.get(url)
    assert answer.status_code == 200, answer.text
    info = sf.info(io.BytesIO(answer.content))
    return float(info.frames / info.samplerate)


def test_re_uploading_after_completion_changes_no_result(client: httpx.Client) -> None:
    urls = upload_urls(client)
    done = master(client, urls["readable_url"])
    final = client.post("/retrievefinalmaster", json=poll_body(done["id"])).json()

    replaced = client.put(
        urls["signed_url"], content=b"not audio at all", headers={"Content-Type": "audio/wav"}
    )

    assert replaced.status_code == 200  # the upload URL is still valid, the bytes are replaced
    assert decoded_seconds(client, done["previewMasterTaskResults"]["download_url_mastered_preview"]) > 11.9
    assert decoded_seconds(client, final["finalMasterTaskResults"]["download_url_mastered"]) > 11.9


def test_a_final_mix_after_re_uploading_is_made_from_the_checked_tracks(client: httpx.Client) -> None:
    urls = [upload_urls(client, f"track{n}.wav") for n in (1, 2)]
    tracks = [
        {
            "trackURL": u["readable_url"],
            "instrumentGroup": "BASS_GROUP",
            "presenceSetting": "NORMAL",
            "panPreference": "CENTRE",
            "reverbPreference": "NONE",
        }
        for u in urls
    ]
    preview = {"multitrackData": {"trackData": tracks, "musicalStyle": "POP", "returnStems": False}}
    task_id = client.post("/mixpreview", json=preview).json()["multitrack_task_id"]
    for each in urls:
        client.put(each["signed_url"], content=b"garbage", headers={"Content-Type": "audio/wav"})

    final = client.post(
        "/retrievefinalmix",
        json={
            "applyAudioEffectsData": {
                "multitrackTaskId": task_id,
                "trackData": [{"trackURL": u["readable_url"], "gainDb": 0.0} for u in urls],
                "returnStems": False,
            }
        },
    )

    assert final.status_code == 200, final.text
    assert decoded_seconds(client, final.json()["applyAudioEffectsResults"]["download_url_mixed"]) > 11.9
