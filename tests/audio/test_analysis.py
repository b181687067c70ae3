"""A user asks for a mix check: levels are measured correctly and verdicts follow documented rules."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import Audio, analyse, master, sine
from tonn_mock.audio.analysis import (
    drc_verdict,
    master_loudness_verdict,
    mix_loudness_verdict,
)

from .conftest import Upload

SUMMARY_KEYS = {
    "intro", "mix_loudness", "master_loudness", "mix_drc", "master_drc", "clipping",
    "stereo_field", "mono_compatibility", "phase_issues", "tonal_profile", "summary", "outro",
}  # fmt: skip


def test_a_1khz_tone_at_minus_14_dbfs_reads_minus_14_lufs(upload: Upload) -> None:
    # BS.1770: a 0 dBFS 1 kHz sine in both channels reads 0 LUFS, so -14 dBFS reads -14 LUFS
    payload = analyse(upload(sine(1000, 4.0, 48000, -14.0), "WAV", 24), "POP", is_master=False)

    assert payload["integrated_loudness_lufs"] == pytest.approx(-14.0, abs=0.5)
    assert payload["peak_loudness_dbfs"] == pytest.approx(-14.0, abs=0.1)
    assert (payload["bit_depth"], payload["sample_rate"]) == (24, 48000)
    assert payload["clipping"] == "NONE"


def test_a_mix_report_has_the_mix_verdicts_and_the_full_vocabulary(song, upload: Upload) -> None:
    payload = analyse(upload(song), "HIP_HOP_GRIME", is_master=False)

    assert payload["musical_style"] == "hip_hop_grime"
    assert {"if_mix_loudness", "if_mix_drc"} <= set(payload)
    assert not {"if_master_loudness", "if_master_drc"} & set(payload)
    assert payload["if_mix_loudness"] in {"OPTIMAL", "LESS", "MORE"}
    assert payload["stereo_field"] in {"BALANCED", "WIDE", "NARROW", "MONO"}
    assert set(payload["tonal_profile"]) == {
        "bass_frequency", "low_mid_frequency", "high_mid_frequency", "high_frequency",
    }  # fmt: skip
    assert set(payload["tonal_profile"].values()) <= {"LOW", "MEDIUM", "HIGH"}
    assert set(payload["summary"]) == SUMMARY_KEYS
    assert all(isinstance(text, str) and text for text in payload["summary"].values())


def test_the_stand_in_mix_reads_as_a_healthy_unmastered_mix(song, upload: Upload) -> None:
    payload = analyse(upload(song, "WAV", 24), "POP", is_master=False)

    assert payload["integrated_loudness_lufs"] == pytest.approx(-18.0, abs=0.5)
    assert payload["if_mix_loudness"] == payload["if_mix_drc"] == "OPTIMAL"
    assert payload["clipping"] == "NONE"
    assert payload["mono_compatible"] is True and payload["phase_issues"] is False
    assert payload["stereo_field"] == "BALANCED"


def test_a_loud_master_is_flagged_too_loud_for_streaming(song, upload: Upload) -> None:
    payload = analyse(upload(master(song, -8.0)), "POP", is_master=True)

    assert payload["if_master_loudness"] == "LESS"
    assert payload["if_master_drc"] in {"OPTIMAL", "LESS"}
    assert "if_mix_loudness" not in payload
    assert payload["peak_loudness_dbfs"] <= -1.0


def test_a_hard_clipped_file_reports_major_clipping(upload: Upload) -> None:
    clipped = np.clip(sine(200, 4.0, 44100, +6.0).samples, -1.0, 1.0)

    payload = analyse(upload(Audio(clipped, 44100)), "ROCK", is_master=False)

    assert payload["clipping"] == "MAJOR"


def test_a_few_clipped_samples_report_minor_clipping(upload: Upload) -> None:
    tone = sine(200, 4.0, 44100, -6.0).samples.copy()
    tone[44100:44104] = 1.0  # four clipped frames in four seconds

    payload = analyse(upload(Audio(tone, 44100)), "ROCK", is_master=False)

    assert payload["clipping"] == "MINOR"


def test_out_of_phase_channels_are_a_phase_issue_and_not_mono_compatible(upload: Upload) -> None:
    tone = sine(300, 4.0, 44100, -12.0).samples * np.array([1.0, -1.0])

    payload = analyse(upload(Audio(tone, 44100)), "POP", is_master=False)

    assert payload["phase_issues"] is True
    assert payload["mono_compatible"] is False
    assert payload["stereo_field"] == "WIDE"


def test_a_mono_file_has_a_mono_field(upload: Upload) -> None:
    payload = analyse(upload(sine(300, 4.0, 44100, -12.0, channels=1)), "POP", is_master=False)

    assert payload["stereo_field"] == "MONO"
    assert payload["mono_compatible"] is True and payload["phase_issues"] is False


def test_a_low_hum_reads_as_all_bass(upload: Upload) -> None:
    payload = analyse(upload(sine(80, 4.0, 44100, -12.0)), "POP", is_master=False)

    assert payload["tonal_profile"]["bass_frequency"] == "HIGH"
    assert payload["tonal_profile"]["high_frequency"] == "LOW"
    assert payload["mix_style"] == "thumping_boomy"


@pytest.mark.parametrize(
    ("lufs", "verdict"), [(-8.0, "LESS"), (-14.0, "LESS_APPLE"), (-16.0, "OPTIMAL"), (-23.0, "MORE")]
)
def test_master_loudness_is_judged_against_streaming_targets(lufs, verdict) -> None:
    assert master_loudness_verdict(lufs) == verdict


@pytest.mark.parametrize(("lufs", "verdict"), [(-9.0, "LESS"), (-18.0, "OPTIMAL"), (-30.0, "MORE")])
def test_mix_loudness_leaves_room_for_mastering(lufs, verdict) -> None:
    assert mix_loudness_verdict(lufs) == verdict


@pytest.mark.parametrize(("plr", "verdict"), [(4.0, "LESS"), (10.0, "OPTIMAL"), (18.0, "MORE")])
def test_master_dynamics_verdicts(plr, verdict) -> None:
    assert drc_verdict(plr, low=6.0, high=14.0) == verdict


def test_analysis_is_deterministic(song, upload: Upload) -> None:
    decoded = upload(song)
    assert analyse(decoded, "POP", False) == analyse(decoded, "POP", False)
