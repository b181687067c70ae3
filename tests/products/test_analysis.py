"""A team checks mixes and masters with /mixanalysis: real measurements, verdicts, credits, refusals."""

from __future__ import annotations

import io
from typing import Any

import httpx
import numpy as np
import pyloudnorm
import pytest
import soundfile as sf

from tonn_mock.control import MockControl

from ..conftest import API_KEY, assert_matches_spec, encoded, tone, upload, wav_bytes

RATE = 44100


def analyse(client: httpx.Client, url: str, style: str = "POP", is_master: bool = False) -> httpx.Response:
    body = {"mixDiagnosisData": {"audioFileLocation": url, "musicalStyle": style, "isMaster": is_master}}
    return client.post("/mixanalysis", json=body)


def report(client: httpx.Client, url: str, style: str = "POP", is_master: bool = False) -> dict[str, Any]:
    response = analyse(client, url, style, is_master)
    assert response.status_code == 200, response.text
    assert_matches_spec(response, "post", "/mixanalysis")
    payload: dict[str, Any] = response.json()["mixDiagnosisResults"]["payload"]
    return payload


def test_the_report_measures_the_uploaded_file(client: httpx.Client) -> None:
    data = wav_bytes(seconds=12, level=0.25)
    response = analyse(client, upload(client, data))

    assert response.status_code == 200
    assert_matches_spec(response, "post", "/mixanalysis")
    body = response.json()
    assert body["message"] == "Successfully initiated a diagnosis task." and body["error"] is False
    payload = body["mixDiagnosisResults"]["payload"]
    samples, rate = sf.read(io.BytesIO(data))
    assert payload["integrated_loudness_lufs"] == pytest.approx(
        pyloudnorm.Meter(rate).integrated_loudness(samples), abs=0.05
    )
    assert payload["peak_loudness_dbfs"] == pytest.approx(20 * np.log10(0.25), abs=0.2)
    assert (payload["sample_rate"], payload["bit_depth"]) == (44100, 16)
    assert (payload["clipping"], payload["stereo_field"], payload["musical_style"]) == ("NONE", "MONO", "pop")
    assert payload["mono_compatible"] is True and payload["phase_issues"] is False
    assert payload["tonal_profile"]["high_frequency"] == "LOW"  # a 220 Hz tone has no top end


def test_format_and_rate_come_from_the_file(client: httpx.Client) -> None:
    flac = encoded(tone(rate=48000), rate=48000, fmt="FLAC", subtype="PCM_24")

    payload = report(client, upload(client, flac, "master.flac", "audio/flac"), is_master=True)

    assert (payload["sample_rate"], payload["bit_depth"]) == (48000, 24)


def test_a_master_gets_master_verdicts_and_a_mix_gets_mix_verdicts(client: httpx.Client) -> None:
    url = upload(client, wav_bytes(seconds=12))

    master, mix = report(client, url, is_master=True), report(client, url, is_master=False)

    verdicts = {"if_master_loudness", "if_master_drc", "if_mix_loudness", "if_mix_drc"}
    assert verdicts & set(master) == {"if_master_loudness", "if_master_drc"}
    assert verdicts & set(mix) == {"if_mix_loudness", "if_mix_drc"}
    assert set(master["summary"]) == set(mix["summary"])


def test_a_hard_clipped_square_wave_reads_as_clipped_too_loud_and_squashed(client: httpx.Client) -> None:
    squashed = np.clip(tone(level=4.0), -1.0, 1.0)

    payload = report(client, upload(client, encoded(squashed)), is_master=True)

    assert payload["clipping"] == "MAJOR"
    assert (payload["if_master_loudness"], payload["if_master_drc"]) == ("LESS", "LESS")


def test_a_quiet_dynamic_master_is_asked_for_more(client: httpx.Client) -> None:
    quiet = tone(level=0.02)
    quiet[:: RATE // 2] = 0.5  # sparse clicks: high peaks over a quiet bed

    payload = report(client, upload(client, encoded(quiet)), is_master=True)

    assert (payload["if_master_loudness"], payload["if_master_drc"]) == ("MORE", "MORE")


def test_opposite_polarity_channels_are_flagged(client: httpx.Client) -> None:
    left = tone()[:, 0]
    inverted = np.stack([left, -left + 0.02 * np.sin(np.arange(left.size) / 7.0)], axis=1)

    payload = report(client, upload(client, encoded(inverted)))

    assert payload["phase_issues"] is True and payload["mono_compatible"] is False
    assert payload["stereo_field"] == "WIDE"


def test_an_analysis_costs_ten_credits(client: httpx.Client, control: MockControl) -> None:
    before = control.credits(API_KEY)

    report(client, upload(client, wav_bytes()))

    assert control.credits(API_KEY) == before - 10


def test_without_credits_the_analysis_is_refused_with_402(client: httpx.Client, control: MockControl) -> None:
    control.set_credits(9, API_KEY)

    response = analyse(client, "https://example.com/mix.wav")

    assert response.status_code == 402
    assert_matches_spec(response, "post", "/mixanalysis")
    assert control.credits(API_KEY) == 9


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (wav_bytes(seconds=5), "short.wav", "too short"),
        (encoded(tone(rate=22050), rate=22050), "low_rate.wav", "sample rate"),
        (encoded(np.zeros((12 * RATE, 2))), "silence.wav", "silent"),
        (b"definitely not audio" * 200, "garbage.wav", "not readable audio"),
    ],
)
def test_input_the_rules_refuse_is_a_400_and_costs_nothing(
    client: httpx.Client, control: MockControl, data: bytes, filename: str, reason: str
) -> None:
    before = control.credits(API_KEY)

    response = analyse(client, upload(client, data, filename))

    assert response.status_code == 400
    assert_matches_spec(response, "post", "/mixanalysis")
    assert reason in response.json()["message"]
    assert control.credits(API_KEY) == before


def test_a_missing_upload_is_a_400(client: httpx.Client) -> None:
    response = analyse(client, "http://testserver/_storage/uploads/nothing/here.wav")

    assert response.status_code == 400
    assert "Could not download" in response.json()["message"]


def test_requests_the_spec_refuses_never_reach_the_analysis(
    client: httpx.Client, control: MockControl
) -> None:
    before = control.credits(API_KEY)

    response = client.post(
        "/mixanalysis",
        json={
            "mixDiagnosisData": {
                "audioFileLocation": "https://e.com/a.wav",
                "musicalStyle": "DANCE",
                "isMaster": False,
            }
        },
    )

    assert response.status_code == 400 and control.credits(API_KEY) == before


@pytest.mark.parametrize("style", ["rock", "Rock", "hip_hop_grime"])
def test_styles_are_read_in_any_letter_case_as_tonn_mcp_sends_them(client: httpx.Client, style: str) -> None:
    """tonn-mcp documents lower-case analysis styles and its tests send ``rock`` (EVIDENCE §14.13)."""
    url = upload(client, wav_bytes(seconds=12))

    payload = report(client, url, style=style)

    assert payload["musical_style"] == style.lower()  # echoed in lower case, as in RoEx's sample


@pytest.mark.parametrize("style", ["dance", "Dance"])
def test_a_style_the_server_dropped_stays_refused_in_any_case(client: httpx.Client, style: str) -> None:
    response = analyse(client, "https://example.com/mix.wav", style=style)

    assert response.status_code == 400
    assert f"mixDiagnosisData.musicalStyle: '{style}' is not one of" in response.json()["message"]


def test_only_the_analysis_style_is_case_insensitive(client: httpx.Client) -> None:
    """RoEx's MCP server asks for UPPERCASE mastering styles: the mastering enums stay exact."""
    data = {"trackData": [{"trackURL": "https://example.com/song.wav"}], "musicalStyle": "pop"}
    response = client.post("/masteringpreview", json={"masteringData": {**data, "desiredLoudness": "MEDIUM"}})

    assert response.status_code == 400 and "'pop' is not one of" in response.json()["message"]


# the official client, unchanged except for base_url --------------------------------------------


def test_roex_python_analyses_and_compares_mixes(client: httpx.Client, live_url: str) -> None:
    from roex_python.client import RoExClient
    from roex_python.models.analysis import AnalysisMusicalStyle, MixAnalysisRequest

    mix_a, mix_b = upload(client, wav_bytes(level=0.25)), upload(client, wav_bytes(level=0.5))
    roex = RoExClient(api_key=API_KEY, base_url=live_url)
    result = roex.analysis.analyze_mix(MixAnalysisRequest(mix_a, AnalysisMusicalStyle.ROCK, is_master=False))
    comparison = roex.analysis.compare_mixes(mix_a, mix_b, AnalysisMusicalStyle.ROCK)

    assert result.error is False and result.completion_time
    assert result.payload is not None and result.payload["sample_rate"] == 44100
    # roex-python always compares the if_master_* verdicts; a mix has if_mix_* ones, so they read "N/A"
    assert comparison["mix_a"]["if_master_loudness"] == "N/A" and comparison["mix_a"]["clipping"] == "NONE"
    assert comparison["differences"]["integrated_loudness_lufs"]["difference"] == pytest.approx(6.02, abs=0.1)
