"""A band mixes three uploaded tracks against the mock: preview, FX settings, final mix, stems."""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pyloudnorm
import pytest
import soundfile as sf
from roex_python.client import RoExClient
from roex_python.models import (
    CompressionSettings,
    DesiredLoudness,
    EQBandSettings,
    EQSettings,
    FinalMixRequest,
    FinalMixRequestAdvanced,
    InstrumentGroup,
    MultitrackMixRequest,
    MusicalStyle,
    PanningSettings,
    PanPreference,
    PresenceSetting,
    TrackData,
    TrackEffectsData,
    TrackGainData,
)
from roex_python.utils import upload_file

from tonn_mock.audio.codecs import decode as decode_audio
from tonn_mock.audio.mixing import mix, track_from_settings
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

TONES = {"bass.wav": 110.0, "vocals.wav": 440.0, "keys.wav": 1320.0}
GROUPS = {"bass.wav": "BASS_GROUP", "vocals.wav": "VOCAL_GROUP", "keys.wav": "KEYS_GROUP"}
SECONDS = 10.5
HOOK = "https://hooks.example/mix"


@functools.cache
def track_bytes(name: str) -> bytes:
    return wav_bytes(seconds=SECONDS, freq=TONES[name], level=0.2)


@pytest.fixture
def tracks(client: httpx.Client) -> dict[str, str]:
    """File name -> readable URL of each uploaded track."""
    return {name: upload(client, track_bytes(name), filename=name) for name in TONES}


def track_data(urls: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "trackURL": url,
            "instrumentGroup": GROUPS[name],
            "presenceSetting": "NORMAL",
            "panPreference": "NO_PREFERENCE",
            "reverbPreference": "NONE",
        }
        for name, url in urls.items()
    ]


def start_mix(client: httpx.Client, urls: dict[str, str], **fields: Any) -> str:
    data = {"trackData": track_data(urls), "musicalStyle": "POP", "returnStems": False, **fields}
    response = client.post("/mixpreview", json={"multitrackData": data})
    assert response.status_code == 200, response.text
    assert_matches_spec(response, "post", "/mixpreview")
    return str(response.json()["multitrack_task_id"])


def retrieve_preview(client: httpx.Client, task_id: str, fx: bool = False) -> httpx.Response:
    body = {"multitrackData": {"multitrackTaskId": task_id, "retrieveFXSettings": fx}}
    response = client.post("/retrievepreviewmix", json=body)
    assert_matches_spec(response, "post", "/retrievepreviewmix")
    return response


def retrieve_final(
    client: httpx.Client, task_id: str, tracks: list[dict[str, Any]], **fields: Any
) -> httpx.Response:
    data = {"multitrackTaskId": task_id, "trackData": tracks, "returnStems": False, **fields}
    response = client.post("/retrievefinalmix", json={"applyAudioEffectsData": data})
    assert_matches_spec(response, "post", "/retrievefinalmix")
    return response


def unchanged(urls: dict[str, str]) -> list[dict[str, Any]]:
    return [{"trackURL": url, "gainDb": 0.0} for url in urls.values()]


def rendered_locally(settings: dict[str, Any], rate: int = 44100) -> np.ndarray:
    """The mix the reported settings describe, rendered here from the uploaded bytes."""
    inputs = [track_from_settings(decode_audio(track_bytes(name)).audio, settings[name]) for name in TONES]
    return np.clip(mix(inputs, rate).audio.samples, -1.0, 1.0)


def band_level(audio: np.ndarray, rate: int, freq: float) -> float:
    spectrum = np.abs(np.fft.rfft(audio, axis=0))
    return float(spectrum[round(freq * len(audio) / rate)].max())


# happy paths ----------------------------------------------------------------------------------


def test_preview_with_fx_settings_and_stems_then_a_48k_final_mix(
    client: httpx.Client, tracks: dict[str, str]
) -> None:
    task_id = start_mix(client, tracks, returnStems=True)

    preview = retrieve_preview(client, task_id, fx=True)
    assert preview.status_code == 200
    body = preview.json()
    assert body["status"] == body["previewMixTaskResults"]["status"] == "MIX_TASK_PREVIEW_COMPLETED"
    results = body["previewMixTaskResults"]
    assert set(results["mix_output_settings"]) == set(TONES)
    audio, _ = decode(client, results["download_url_preview_mixed"])
    assert len(audio) / 44100 == pytest.approx(SECONDS, abs=0.1)  # shorter than 30 s: the whole mix
    assert set(results["stems"]) == {"bass", "vocals", "keys"}
    stem, rate = decode(client, results["stems"]["bass"])
    assert rate == 44100 and stem.shape[1] == 2

    final = retrieve_final(client, task_id, unchanged(tracks), sampleRate="48000", returnStems=True)
    assert final.status_code == 200
    mixed = final.json()["applyAudioEffectsResults"]
    wav = client.get(mixed["download_url_mixed"]).content
    info = sf.info(io.BytesIO(wav))
    assert (info.samplerate, info.subtype, info.channels) == (48000, "PCM_24", 2)
    assert info.duration == pytest.approx(SECONDS, abs=0.01)
    assert set(mixed["stems"]) == {"bass", "vocals", "keys"}


def test_the_reported_settings_are_the_ones_applied(client: httpx.Client, tracks: dict[str, str]) -> None:
    task_id = start_mix(client, tracks)
    ai = retrieve_preview(client, task_id, fx=True).json()["previewMixTaskResults"]["mix_output_settings"]

    plain = retrieve_final(client, task_id, unchanged(tracks)).json()["applyAudioEffectsResults"]

    assert plain["mix_output_settings"] == ai
    audio, rate = decode(client, plain["download_url_mixed"])
    np.testing.assert_allclose(audio, rendered_locally(ai, rate), atol=2 / 32768)


def test_the_final_mix_applies_the_requested_effects(client: httpx.Client, tracks: dict[str, str]) -> None:
    task_id = start_mix(client, tracks)
    ai = retrieve_preview(client, task_id, fx=True).json()["previewMixTaskResults"]["mix_output_settings"]
    compression = {"threshold": -30.0, "ratio": 6.0, "attack_ms": 5.0, "release_ms": 80.0}
    requested = [
        {"trackURL": tracks["bass.wav"], "gainDb": -6.0, "compression_settings": compression},
        {"trackURL": tracks["vocals.wav"], "gainDb": 0.0, "panning_settings": {"panning_angle": -60.0}},
        {
            "trackURL": tracks["keys.wav"],
            "gainDb": 1.5,
            "eq_settings": {"band_2": {"centre_freq": 1320.0, "gain": -12.0, "q": 2.0}},
        },
    ]

    final = retrieve_final(client, task_id, requested, returnStems=True).json()["applyAudioEffectsResults"]

    applied = final["mix_output_settings"]
    assert applied["bass.wav"]["gain_settings"]["gain_db"] == pytest.approx(
        ai["bass.wav"]["gain_settings"]["gain_db"] - 6
    )
    assert applied["bass.wav"]["drc_settings"] == compression
    assert applied["vocals.wav"]["panning_settings"] == {"panning_angle": -60.0}
    assert applied["keys.wav"]["eq_settings"]["band_2"] == {"centre_freq": 1320.0, "gain": -12.0, "q": 2.0}
    assert applied["keys.wav"]["eq_settings"]["band_1"] == ai["keys.wav"]["eq_settings"]["band_1"]
    audio, rate = decode(client, final["download_url_mixed"])
    np.testing.assert_allclose(audio, rendered_locally(applied, rate), atol=2 / 32768)
    vocals, _ = decode(client, final["stems"]["vocals"])
    assert band_level(vocals[:, 1], rate, 440.0) < 1e-3 * band_level(vocals[:, 0], rate, 440.0)


def test_no_file_is_rendered_until_its_url_is_fetched(
    client: httpx.Client, control: MockControl, tracks: dict[str, str]
) -> None:
    task_id = start_mix(client, tracks, returnStems=True)
    preview = retrieve_preview(client, task_id, fx=True).json()["previewMixTaskResults"]
    final = retrieve_final(client, task_id, unchanged(tracks), returnStems=True).json()

    results = final["applyAudioEffectsResults"]
    assert set(results["mix_output_settings"]) == set(preview["mix_output_settings"]) == set(TONES)
    assert_rendered_on_first_download(
        client,
        control,
        [
            preview["download_url_preview_mixed"],
            *preview["stems"].values(),
            results["download_url_mixed"],
            *results["stems"].values(),
        ],
    )


# progression and failure ----------------------------------------------------------------------


def test_both_retrievals_answer_202_with_the_running_state(
    client: httpx.Client, control: MockControl, tracks: dict[str, str]
) -> None:
    control.set_progression("after_polls:2")
    task_id = start_mix(client, tracks)
    before = control.credits(API_KEY)

    final = retrieve_final(client, task_id, unchanged(tracks))
    polled = retrieve_preview(client, task_id, fx=True)
    ready = retrieve_preview(client, task_id, fx=True)

    assert (final.status_code, final.json()) == (202, {"status": "MIX_TASK_ANALYSIS"})
    assert (polled.status_code, polled.json()) == (202, {"status": "MIX_TASK_APPLY_FX"})
    assert ready.status_code == 200
    assert control.credits(API_KEY) == before - 10  # only the FX settings actually delivered


def test_a_scripted_failure_ends_in_the_failed_state(
    client: httpx.Client, control: MockControl, tracks: dict[str, str]
) -> None:
    control.fail_next("Mix task failed: could not download trackURL", lifecycle="mix")
    task_id = start_mix(client, tracks)
    before = control.credits(API_KEY)

    preview = retrieve_preview(client, task_id, fx=True)
    final = retrieve_final(client, task_id, unchanged(tracks))

    expected = {
        "error": True,
        "message": "Mix task failed: could not download trackURL",
        "info": "The task failed.",
        "status": "MIX_TASK_FAILED",
    }
    assert (preview.status_code, preview.json()) == (200, expected)
    assert (final.status_code, final.json()) == (200, expected)
    assert control.credits(API_KEY) == before


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not audio at all" * 200, "not readable audio"),
        (wav_bytes(seconds=4.0), "too short"),
    ],
)
def test_a_bad_track_fails_the_task_not_the_request(
    client: httpx.Client, tracks: dict[str, str], data: bytes, reason: str
) -> None:
    urls = {**tracks, "keys.wav": upload(client, data, filename="keys.wav")}
    task_id = start_mix(client, urls)

    response = retrieve_preview(client, task_id)

    assert response.status_code == 200
    assert response.json()["status"] == "MIX_TASK_FAILED" and reason in response.json()["message"]


# webhooks -------------------------------------------------------------------------------------


def mix_payloads(sender: RecordingSender, url: str) -> list[dict[str, Any]]:
    payloads = [dict(p) for p in sender.payloads(url)]
    for payload in payloads:
        assert_webhook_matches_spec(payload, "mixTaskUpdate")
    return payloads


def test_webhooks_report_each_state_then_the_final_mix(
    client: httpx.Client, control: MockControl, sender: RecordingSender, tracks: dict[str, str]
) -> None:
    task_id = start_mix(client, tracks, webhookURL=HOOK, returnStems=True)
    retrieve_final(client, task_id, unchanged(tracks))
    retrieve_final(client, task_id, unchanged(tracks))
    assert control.wait_for_webhooks_idle(timeout=5)

    payloads = mix_payloads(sender, HOOK)

    assert [p["state"] for p in payloads] == [
        "MIX_TASK_PENDING",
        "MIX_TASK_ANALYSIS",
        "MIX_TASK_APPLY_FX",
        "MIX_TASK_PREVIEW_COMPLETED",
        "MIX_TASK_COMPLETED",
    ]
    assert all(p["multitrack_task_id"] == task_id for p in payloads)
    assert set(payloads[3]["stems"]) == {"bass", "vocals", "keys"}
    decode(client, payloads[3]["download_url_preview_mixed"])
    decode(client, payloads[4]["download_url_mixed"])


def test_the_final_mix_notifies_its_own_webhook_url(
    client: httpx.Client, control: MockControl, sender: RecordingSender, tracks: dict[str, str]
) -> None:
    task_id = start_mix(client, tracks, webhookURL=HOOK)
    retrieve_final(client, task_id, unchanged(tracks), webhookURL="https://hooks.example/final")
    assert control.wait_for_webhooks_idle(timeout=5)

    assert [p["state"] for p in mix_payloads(sender, HOOK)][-1] == "MIX_TASK_PREVIEW_COMPLETED"
    assert [p["state"] for p in mix_payloads(sender, "https://hooks.example/final")] == ["MIX_TASK_COMPLETED"]


def test_a_failed_mix_notifies_with_the_reason(
    client: httpx.Client, control: MockControl, sender: RecordingSender, tracks: dict[str, str]
) -> None:
    control.fail_next("Processing failed.", lifecycle="mix")
    start_mix(client, tracks, webhookURL=HOOK)
    assert control.wait_for_webhooks_idle(timeout=5)

    last = mix_payloads(sender, HOOK)[-1]

    assert (last["state"], last["error"], last["message"]) == ("MIX_TASK_FAILED", True, "Processing failed.")


# refusals -------------------------------------------------------------------------------------


def test_credits_are_charged_once_per_task_and_402_when_short(
    client: httpx.Client, control: MockControl, tracks: dict[str, str]
) -> None:
    task_id = start_mix(client, tracks)
    control.set_credits(0, API_KEY)

    assert retrieve_preview(client, task_id, fx=True).status_code == 402
    assert retrieve_final(client, task_id, unchanged(tracks)).status_code == 402
    free = retrieve_preview(client, task_id)  # without FX settings (and stems): free
    assert free.status_code == 200 and set(free.json()["previewMixTaskResults"]) == {
        "status",
        "download_url_preview_mixed",
    }

    control.set_credits(1000, API_KEY)
    for _ in range(2):
        retrieve_preview(client, task_id, fx=True)
        assert retrieve_final(client, task_id, unchanged(tracks)).status_code == 200
    assert control.credits(API_KEY) == 1000 - 10 - 220


def test_the_final_mix_must_name_exactly_the_preview_tracks(
    client: httpx.Client, control: MockControl, tracks: dict[str, str]
) -> None:
    control.set_progression("manual")
    task_id = start_mix(client, tracks)
    bass, vocals, keys = ({"trackURL": url, "gainDb": 0.0} for url in tracks.values())
    stranger = {"trackURL": "https://a.example/other.wav", "gainDb": 0.0}

    for wrong, reason in (
        ([bass, vocals], "missing"),
        ([bass, vocals, keys, stranger], "not in the preview"),
        ([bass, vocals, keys, keys], "repeated"),
    ):
        response = retrieve_final(client, task_id, wrong)
        assert response.status_code == 400 and reason in response.json()["message"], response.text
    assert control.task(task_id)["polls"] == 0


def test_one_upload_used_as_two_tracks_is_mixed_and_final_mixed_with_both(
    client: httpx.Client, tracks: dict[str, str]
) -> None:
    """roex-python's own integration test sends one upload as two tracks in both calls."""
    same = tracks["bass.wav"]
    data = [
        {**track_data({"bass.wav": same})[0], "instrumentGroup": "BASS_GROUP"},
        {**track_data({"vocals.wav": same})[0], "instrumentGroup": "VOCAL_GROUP", "presenceSetting": "LEAD"},
    ]
    body = {"multitrackData": {"trackData": data, "musicalStyle": "POP", "returnStems": False}}
    task_id = client.post("/mixpreview", json=body).json()["multitrack_task_id"]
    ai = retrieve_preview(client, task_id, fx=True).json()["previewMixTaskResults"]["mix_output_settings"]
    first, second = {"trackURL": same, "gainDb": -3.0}, {"trackURL": same, "gainDb": 2.0}

    final = retrieve_final(client, task_id, [first, second])

    assert final.status_code == 200, final.text
    applied = final.json()["applyAudioEffectsResults"]["mix_output_settings"]
    assert sorted(applied) == sorted(ai) == ["bass.wav", "bass.wav (2)"]
    for name, change in (("bass.wav", -3.0), ("bass.wav (2)", 2.0)):  # n-th entry -> n-th track
        expected = ai[name]["gain_settings"]["gain_db"] + change
        assert applied[name]["gain_settings"]["gain_db"] == pytest.approx(expected)


def test_a_track_listed_twice_in_the_preview_must_be_listed_twice_in_the_final_mix(
    client: httpx.Client, control: MockControl, tracks: dict[str, str]
) -> None:
    control.set_progression("manual")
    same = tracks["bass.wav"]
    data = track_data({"bass.wav": same}) * 2
    body = {"multitrackData": {"trackData": data, "musicalStyle": "POP", "returnStems": False}}
    task_id = client.post("/mixpreview", json=body).json()["multitrack_task_id"]
    once, thrice = [{"trackURL": same, "gainDb": 0.0}], [{"trackURL": same, "gainDb": 0.0}] * 3

    for wrong, reason in ((once, "missing"), (thrice, "repeated")):
        response = retrieve_final(client, task_id, wrong)
        assert response.status_code == 400, response.text
        assert f"{reason}: {same} (listed {len(wrong)} times, 2 in the preview)" in response.json()["message"]


@pytest.mark.parametrize(
    ("loudness", "target"), [("QUIET", -14.0), ("LOUD", -8.0), ("VERY_LOUD", -6.0), ("MEDIUM", -10.0)]
)
def test_the_final_mix_masters_to_the_audio_effects_guides_loudness_names(
    client: httpx.Client, tracks: dict[str, str], loudness: str, target: float
) -> None:
    """RoEx's audio-effects guide documents QUIET/MEDIUM/LOUD/VERY_LOUD for this call (EVIDENCE §12.5)."""
    task_id = start_mix(client, tracks)

    final = retrieve_final(client, task_id, unchanged(tracks), createMaster=True, desiredLoudness=loudness)

    assert final.status_code == 200, final.text
    audio, rate = decode(client, final.json()["applyAudioEffectsResults"]["download_url_mixed"])
    assert pyloudnorm.Meter(rate).integrated_loudness(audio) == pytest.approx(target, abs=1.0)
    assert 20 * np.log10(np.abs(audio).max()) <= -1.0 + 1e-3


@pytest.mark.parametrize("sample_rate", ["88200", 96000])
def test_the_final_mix_renders_at_the_guides_high_sample_rates(
    client: httpx.Client, tracks: dict[str, str], sample_rate: str | int
) -> None:
    task_id = start_mix(client, tracks)

    final = retrieve_final(client, task_id, unchanged(tracks), sampleRate=sample_rate, returnStems=True)

    assert final.status_code == 200, final.text
    results = final.json()["applyAudioEffectsResults"]
    for url in (results["download_url_mixed"], *results["stems"].values()):
        info = sf.info(io.BytesIO(client.get(url).content))
        assert (info.samplerate, info.subtype) == (int(sample_rate), "PCM_24")
        assert info.duration == pytest.approx(SECONDS, abs=0.01)


def test_the_guides_values_stay_refused_where_no_source_documents_them(
    client: httpx.Client, tracks: dict[str, str]
) -> None:
    data = {"trackData": track_data(tracks), "musicalStyle": "POP", "createMaster": True}

    for field, value in (("desiredLoudness", "LOUD"), ("sampleRate", "96000")):
        response = client.post("/mixpreview", json={"multitrackData": {**data, field: value}})
        assert response.status_code == 400 and f"multitrackData.{field}" in response.json()["message"]


@pytest.mark.parametrize(
    ("operation", "field"),
    [("retrievepreviewmix", "retrieveFXSettings"), ("retrievefinalmix", "returnStems")],
)
def test_the_flags_the_docs_index_requires_are_still_required(
    client: httpx.Client, tracks: dict[str, str], operation: str, field: str
) -> None:
    """The Tonn docs index marks both ``(required)`` (EVIDENCE §12.4, §12.5): leaving one out is a
    client bug the live API would answer with 400, so the mock does too, naming the field."""
    task_id = start_mix(client, tracks)
    if operation == "retrievepreviewmix":
        body = {"multitrackData": {"multitrackTaskId": task_id}}
    else:
        body = {"applyAudioEffectsData": {"multitrackTaskId": task_id, "trackData": unchanged(tracks)}}

    response = client.post(f"/{operation}", json=body)

    assert response.status_code == 400
    assert f"'{field}' is a required property" in response.json()["message"]


@pytest.mark.parametrize("operation", ["retrievepreviewmix", "retrievefinalmix"])
def test_unknown_and_foreign_tasks_are_404(
    client: httpx.Client, control: MockControl, tracks: dict[str, str], operation: str
) -> None:
    control.set_progression("manual")
    task_id = start_mix(client, tracks)

    def ask(task: str, key: str) -> httpx.Response:
        body = (
            {"multitrackData": {"multitrackTaskId": task, "retrieveFXSettings": False}}
            if operation == "retrievepreviewmix"
            else {
                "applyAudioEffectsData": {
                    "multitrackTaskId": task,
                    "trackData": unchanged(tracks),
                    "returnStems": False,
                }
            }
        )
        response = client.post(f"/{operation}", json=body, headers={"X-API-Key": key})
        assert_matches_spec(response, "post", f"/{operation}")
        return response

    assert ask("00000000-0000-4000-8000-000000000000", API_KEY).status_code == 404
    assert ask(task_id, "someone-else").status_code == 404


# the official client, over a real socket -------------------------------------------------------


def test_roex_python_mix_workflow_runs_unchanged(live_url: str, control: MockControl, tmp_path: Path) -> None:
    control.set_progression("after_polls:2")
    roex = RoExClient(api_key=API_KEY, base_url=live_url)
    urls = {}
    for name in TONES:
        (tmp_path / name).write_bytes(track_bytes(name))
        urls[name] = upload_file(roex, str(tmp_path / name))
    groups = [InstrumentGroup.BASS_GROUP, InstrumentGroup.VOCAL_GROUP, InstrumentGroup.KEYS_GROUP]
    request = MultitrackMixRequest(
        track_data=[
            TrackData(url, group, PresenceSetting.NORMAL, PanPreference.NO_PREFERENCE)
            for url, group in zip(urls.values(), groups, strict=True)
        ],
        musical_style=MusicalStyle.POP,
        return_stems=True,
    )

    task_id = roex.mix.create_mix_preview(request).multitrack_task_id
    preview = roex.mix.retrieve_preview_mix(
        task_id, retrieve_fx_settings=True, max_attempts=3, poll_interval=0
    )
    basic = roex.mix.retrieve_final_mix(
        FinalMixRequest(task_id, [TrackGainData(url, -1.0) for url in urls.values()], return_stems=True)
    )
    advanced = roex.mix.retrieve_final_mix_advanced(
        FinalMixRequestAdvanced(
            task_id,
            [
                TrackEffectsData(
                    urls["bass.wav"], -1.5, compression_settings=CompressionSettings.preset_bass()
                ),
                TrackEffectsData(
                    urls["vocals.wav"],
                    1.0,
                    panning_settings=PanningSettings.slight_left(),
                    eq_settings=EQSettings(band_4=EQBandSettings(3.0, 1.2, 2500.0)),
                ),
                TrackEffectsData(urls["keys.wav"], 0.0),
            ],
            create_master=True,
            desired_loudness=DesiredLoudness.HIGH,
            sample_rate="48000",
        )
    )

    assert preview.status == "MIX_TASK_PREVIEW_COMPLETED"
    assert set(preview.mix_output_settings or {}) == set(TONES)
    assert control.task(task_id)["polls"] == 3 + 2  # 202, 202, 200, then the two final mixes
    assert set(basic.stems or {}) == {"bass", "vocals", "keys"}
    assert basic.mix_output_settings and advanced.mix_output_settings
    assert advanced.mix_output_settings["vocals.wav"]["panning_settings"]["panning_angle"] == -20.0
    assert roex.api_provider.download_file(advanced.download_url_mixed or "", str(tmp_path / "final.wav"))
    master, rate = sf.read(tmp_path / "final.wav")
    assert rate == 48000
    assert pyloudnorm.Meter(rate).integrated_loudness(master) == pytest.approx(-8.0, abs=1.0)
    assert control.errors() == []


def test_tracks_whose_urls_end_in_the_same_file_name_keep_their_own_settings(client: httpx.Client) -> None:
    data = track_data(
        {"bass.wav": "https://a.example/day1/take.wav", "vocals.wav": "https://a.example/day2/take.wav"}
    )
    body = {"multitrackData": {"trackData": data, "musicalStyle": "POP", "returnStems": False}}
    task_id = client.post("/mixpreview", json=body).json()["multitrack_task_id"]

    settings = retrieve_preview(client, task_id, fx=True).json()["previewMixTaskResults"][
        "mix_output_settings"
    ]

    assert sorted(settings) == ["take.wav", "take.wav (2)"]


def test_unknown_keys_in_final_mix_settings_are_ignored(client: httpx.Client, tracks: dict[str, str]) -> None:
    task_id = start_mix(client, tracks)
    retrieve_preview(client, task_id)
    bass, *others = unchanged(tracks)
    bass["eq_settings"] = {"band_1": {"gain": 3.0, "x": []}, "shelf": {"gain": 1.0}}
    bass["compression_settings"] = {"ratio": 4.0, "knee": "soft"}

    response = retrieve_final(client, task_id, [bass, *others])

    assert response.status_code == 200, response.text
    applied = response.json()["applyAudioEffectsResults"]["mix_output_settings"]
    bass_settings = applied["bass.wav"]
    assert (
        bass_settings["eq_settings"]["band_1"]["gain"] == 3.0 and "shelf" not in bass_settings["eq_settings"]
    )
    assert bass_settings["drc_settings"]["ratio"] == 4.0 and "knee" not in bass_settings["drc_settings"]
