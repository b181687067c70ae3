"""A team cleans single instrument tracks with /audio-cleanup: a real cleaned WAV, or Tonn's 200 error."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import numpy as np
import pytest
import soundfile as sf

from tonn_mock.app import create_app
from tonn_mock.control import MockControl
from tonn_mock.core.settings import Settings
from tonn_mock.products import catalog
from tonn_mock.storage.deferred import KEEP_FOLDERS

from ..conftest import (
    API_KEY,
    assert_matches_spec,
    assert_rendered_on_first_download,
    decode,
    encoded,
    upload,
    wav_bytes,
)

RATE = 44100
UNSUPPORTED = {"error": True, "message": "File format not supported", "info": "Please use WAV or FLAC"}


def phrases_over_hum(seconds: float = 12.0, rate: int = RATE) -> np.ndarray:
    """A 'vocal' sung every other second over constant low hum and hiss (mono)."""
    t = np.arange(int(seconds * rate)) / rate
    singing = 0.3 * np.sin(2 * np.pi * 440 * t) * ((t % 2.0) < 1.0)
    noise = 0.003 * np.random.default_rng(1).standard_normal(t.size) + 0.003 * np.sin(2 * np.pi * 25 * t)
    return singing + noise


def clean_up(client: httpx.Client, url: str, source: str = "VOCAL_GROUP") -> httpx.Response:
    response = client.post(
        "/audio-cleanup", json={"audioCleanupData": {"audioFileLocation": url, "soundSource": source}}
    )
    assert_matches_spec(response, "post", "/audio-cleanup")
    return response


def gap_level_db(samples: np.ndarray, rate: int = RATE) -> float:
    """RMS of the middle of every silent second (between phrases), in dBFS."""
    t = np.arange(samples.shape[0]) / rate
    gaps = samples[((t % 2.0) > 1.3) & ((t % 2.0) < 1.9)]
    return float(20 * np.log10(np.sqrt(np.mean(gaps**2))))


def test_a_vocal_track_comes_back_cleaned(client: httpx.Client) -> None:
    source = phrases_over_hum()

    response = clean_up(client, upload(client, encoded(source), "lead_vocal.wav"))

    assert response.status_code == 200
    body = response.json()
    assert body["error"] is False and body["audioCleanupResults"]["error"] is False
    url = body["audioCleanupResults"]["cleaned_audio_file_location"]
    assert url.split("?")[0].endswith("/lead_vocal_cleaned.wav")
    cleaned, rate = decode(client, url)
    assert (rate, cleaned.shape) == (RATE, source.shape)
    assert gap_level_db(cleaned) < gap_level_db(source) - 10.0
    phrase = slice(int(0.2 * RATE), int(0.8 * RATE))
    assert np.sqrt(np.mean(cleaned[phrase] ** 2)) == pytest.approx(0.3 / np.sqrt(2), rel=0.1)


def test_the_cleaned_file_is_rendered_when_its_url_is_fetched(
    client: httpx.Client, control: MockControl
) -> None:
    response = clean_up(client, upload(client, encoded(phrases_over_hum()), "lead_vocal.wav"))

    url = response.json()["audioCleanupResults"]["cleaned_audio_file_location"]
    assert_rendered_on_first_download(client, control, [url])


def test_a_24_bit_48k_flac_comes_back_as_a_24_bit_48k_wav(client: httpx.Client) -> None:
    stereo = np.stack([phrases_over_hum(rate=48000)] * 2, axis=1)
    url = upload(client, encoded(stereo, 48000, "FLAC", "PCM_24"), "kick.flac", "audio/flac")

    response = clean_up(client, url, "KICK_GROUP")

    cleaned = client.get(response.json()["audioCleanupResults"]["cleaned_audio_file_location"]).content
    info = sf.info(io.BytesIO(cleaned))
    assert (info.format, info.subtype, info.samplerate, info.channels) == ("WAV", "PCM_24", 48000, 2)


@pytest.mark.parametrize(
    ("data", "filename", "content_type"),
    [
        (wav_bytes(fmt="MP3"), "vocal.mp3", "audio/mpeg"),
        (b"this is no audio file" * 300, "vocal.wav", "audio/wav"),
    ],
)
def test_anything_but_wav_or_flac_gets_the_documented_200_error(
    client: httpx.Client, control: MockControl, data: bytes, filename: str, content_type: str
) -> None:
    before = control.credits(API_KEY)

    response = clean_up(client, upload(client, data, filename, content_type))

    assert (response.status_code, response.json()) == (200, UNSUPPORTED)
    assert control.credits(API_KEY) == before


@pytest.mark.parametrize(("seconds", "reason"), [(4.0, "too short"), (0.0, "silent")])
def test_other_refused_input_is_a_200_error_naming_the_problem(
    client: httpx.Client, control: MockControl, seconds: float, reason: str
) -> None:
    data = wav_bytes(seconds=seconds) if seconds else encoded(np.zeros((12 * RATE, 2)))
    before = control.credits(API_KEY)

    response = clean_up(client, upload(client, data))

    assert response.status_code == 200
    assert response.json()["error"] is True and reason in response.json()["message"]
    assert control.credits(API_KEY) == before


def test_a_clean_up_is_charged(client: httpx.Client, control: MockControl) -> None:
    before = control.credits(API_KEY)

    clean_up(client, upload(client, wav_bytes()))

    assert control.credits(API_KEY) == before - catalog().prices["createAudioCleanup"]


def test_without_credits_the_clean_up_is_refused_with_402(client: httpx.Client, control: MockControl) -> None:
    control.set_credits(0, API_KEY)

    response = client.post(
        "/audio-cleanup",
        json={
            "audioCleanupData": {
                "audioFileLocation": "https://example.com/vocal.wav",
                "soundSource": "VOCAL_GROUP",
            }
        },
    )

    assert response.status_code == 402
    assert_matches_spec(response, "post", "/audio-cleanup")


def test_an_unknown_sound_source_is_a_400(client: httpx.Client) -> None:
    response = client.post(
        "/audio-cleanup",
        json={
            "audioCleanupData": {
                "audioFileLocation": "https://example.com/vocal.wav",
                "soundSource": "DRUMS_GROUP",
            }
        },
    )

    assert response.status_code == 400
    assert_matches_spec(response, "post", "/audio-cleanup")


# the official client, unchanged except for base_url --------------------------------------------


def test_roex_python_cleans_up_and_reads_the_error_answer(
    client: httpx.Client, live_url: str, tmp_path: object
) -> None:
    from roex_python.client import RoExClient
    from roex_python.models.audio_cleanup import AudioCleanupData, SoundSource

    roex = RoExClient(api_key=API_KEY, base_url=live_url)
    wav, mp3 = (
        upload(client, encoded(phrases_over_hum())),
        upload(client, wav_bytes(fmt="MP3"), "v.mp3", "audio/mpeg"),
    )

    done = roex.audio_cleanup.clean_up_audio(AudioCleanupData(wav, SoundSource.VOCAL_GROUP))
    refused = roex.audio_cleanup.clean_up_audio(AudioCleanupData(mp3, SoundSource.VOCAL_GROUP))

    assert done is not None and done.error is False and done.audio_cleanup_results is not None
    target = f"{tmp_path}/cleaned.wav"
    assert roex.api_provider.download_file(done.audio_cleanup_results.cleaned_audio_file_location, target)
    assert sf.info(target).samplerate == RATE
    assert refused is not None and refused.error is True and refused.message == "File format not supported"


def cleaned_url(client: httpx.Client, track: str) -> str:
    return str(clean_up(client, track).json()["audioCleanupResults"]["cleaned_audio_file_location"])


@pytest.mark.parametrize("kept_in", ["memory", "a state file"])
def test_past_the_retention_limit_the_oldest_cleaned_file_is_forgotten(tmp_path: Path, kept_in: str) -> None:
    """A long-running mock stays flat: clean-ups count against ``--retain-tasks`` as tasks do."""
    on_file = kept_in == "a state file"
    settings = Settings(
        rate_limit_enabled=False,
        retain_tasks=3,
        state_path=tmp_path / "state.sqlite3" if on_file else None,
        storage_dir=tmp_path if on_file else None,
    )
    control = MockControl(create_app(settings))
    transport = httpx.WSGITransport(app=control.app)
    try:
        with httpx.Client(
            transport=transport, base_url="http://testserver", headers={"X-API-Key": API_KEY}
        ) as client:
            track = upload(client, encoded(phrases_over_hum()), "lead_vocal.wav")
            urls = [cleaned_url(client, track) for _ in range(3)]
            assert client.get(urls[0]).status_code == 200  # rendered and stored

            urls.append(cleaned_url(client, track))

            assert [client.get(url).status_code for url in urls] == [404, 200, 200, 200]
        first_result = httpx.URL(urls[0]).path.split("/")[3]
        assert control.backend.blobs.keys(f"results/{first_result}/") == []
    finally:
        control.backend.close()


def test_a_cleaned_file_is_served_however_many_tasks_finished_after_it(client: httpx.Client) -> None:
    url = cleaned_url(client, upload(client, encoded(phrases_over_hum()), "lead_vocal.wav"))
    mastering = {"trackData": [{"trackURL": "https://example.com/a.wav"}], "musicalStyle": "POP"}
    for _ in range(KEEP_FOLDERS + 1):  # more tasks than the mock holds renders of
        client.post("/masteringpreview", json={"masteringData": {**mastering, "desiredLoudness": "LOW"}})

    cleaned, rate = decode(client, url)

    assert rate == RATE and len(cleaned) == 12 * RATE
