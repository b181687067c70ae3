"""Enhance, clean-up and recombine: each does its documented, repeatable job (separation: test_separation)."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import (
    Audio,
    LoudnessPreference,
    RecombineResult,
    cleanup,
    encode,
    enhance,
    enhance_stems,
    recombine,
    sample_peak_dbfs,
    separate,
    sine,
    true_peak_dbfs,
)
from tonn_mock.audio.cleanup import noise_floor_db

from .conftest import lufs, oversampled_peak_db


@pytest.mark.parametrize(("preference", "target"), [("CD_LOUDNESS", -9.0), ("STREAMING_LOUDNESS", -14.0)])
def test_enhance_reaches_the_loudness_preference(
    song: Audio, preference: LoudnessPreference, target: float
) -> None:
    enhanced = enhance(song, preference)

    assert lufs(enhanced) == pytest.approx(target, abs=1.0)
    assert true_peak_dbfs(enhanced) <= -1.0
    assert (enhanced.frames, enhanced.sample_rate) == (song.frames, song.sample_rate)


def test_enhance_with_no_change_keeps_the_loudness(song: Audio) -> None:
    assert lufs(enhance(song, "NO_CHANGE")) == pytest.approx(lufs(song), abs=0.5)


def test_enhance_tames_a_clipping_hot_mix() -> None:
    hot = sine(150, 8.0, 44100, +3.0)

    enhanced = enhance(hot, "NO_CHANGE", fix_tonal_profile=False)

    assert oversampled_peak_db(enhanced) <= -0.99


def test_enhance_stems_are_the_separation_stems_under_the_enhance_endpoint_names(song: Audio) -> None:
    stems, separated = enhance_stems(song), separate(song)

    assert sorted(stems) == ["bass", "drums", "other", "vocal"]
    assert np.array_equal(stems["vocal"].samples, separated["vocals"].samples)
    assert all(np.array_equal(stems[name].samples, separated[name].samples) for name in ("bass", "drums"))


def test_cleanup_pushes_the_noise_between_notes_down_and_keeps_the_notes() -> None:
    rate = 44100
    noise = np.random.default_rng(3).normal(0, 0.003, 12 * rate)
    gate = (np.arange(12 * rate) // rate) % 2 == 0  # a note every other second
    note = np.where(gate, sine(440, 12.0, rate, -10.0, channels=1).samples[:, 0], 0.0)
    track = Audio(note + noise, rate)

    cleaned = cleanup(track, "VOCAL_GROUP")

    def rms_db(audio: Audio, second: int) -> float:
        part = audio.samples[second * rate + rate // 5 : (second + 1) * rate - rate // 5, 0]
        return float(10 * np.log10(np.mean(part**2)))

    assert rms_db(cleaned, 3) < rms_db(track, 3) - 8.0  # a gap
    assert rms_db(cleaned, 4) == pytest.approx(rms_db(track, 4), abs=0.5)  # a note
    assert noise_floor_db(cleaned) < noise_floor_db(track)
    assert (cleaned.channels, cleaned.sample_rate) == (1, rate)


def test_cleanup_removes_rumble_below_the_instrument() -> None:
    rumble = sine(20, 10.0, 44100, -12.0, channels=1)
    assert np.abs(cleanup(rumble, "BACKING_VOX_GROUP").samples[44100:]).max() < 0.02


def test_cleanup_refuses_an_unknown_source() -> None:
    with pytest.raises(ValueError, match="soundSource"):
        cleanup(sine(440, 10.0, 44100), "TUBA_GROUP")  # type: ignore[arg-type]


def test_recombine_masters_vocal_over_backing_and_reports_its_numbers(song: Audio) -> None:
    vocal = sine(440, 6.0, 48000, -20.0, channels=1)

    result = recombine(vocal, song, vocal_gain_db=3.0, desired_loudness="MEDIUM")

    assert result.measured_lufs == pytest.approx(lufs(result.audio), abs=0.01)
    assert result.measured_lufs == pytest.approx(-10.0, abs=1.0)
    assert result.peak_level == pytest.approx(oversampled_peak_db(result.audio), abs=0.01)  # true peak
    assert sample_peak_dbfs(result.audio) <= result.peak_level <= -1.0
    assert (result.sample_rate, result.bit_depth, result.channels) == (44100, 16, 2)
    assert result.track_length_seconds == pytest.approx(song.duration, abs=0.01)
    assert result.preview_start_seconds == 0.0  # shorter than a preview: the whole track


def test_the_reported_peak_is_the_true_peak_between_samples() -> None:
    t = np.arange(441000) / 44100
    quarter_rate = Audio(np.sin(2 * np.pi * 11025 * t + np.pi / 4)[:, np.newaxis], 44100)  # +-0.707

    figures = RecombineResult(quarter_rate)

    assert figures.peak_level == pytest.approx(oversampled_peak_db(quarter_rate), abs=0.01)
    assert figures.peak_level > sample_peak_dbfs(quarter_rate) + 2.9  # the samples read -3.01 dBFS


def test_several_backing_parts_are_summed_and_padded_to_the_longest(song: Audio) -> None:
    vocal = sine(440, 6.0, 44100, -20.0)
    beat, pad = song, sine(220, 4.0, 48000, -24.0, channels=1)
    pad_44k = pad.resampled(44100).as_stereo().padded(song.frames)

    from_parts = recombine(vocal, [beat, pad], vocal_gain_db=-2.0)
    from_sum = recombine(vocal, beat.with_samples(beat.samples + pad_44k.samples), vocal_gain_db=-2.0)

    assert np.array_equal(from_parts.audio.samples, from_sum.audio.samples)


def test_the_vocal_gain_is_clamped_to_six_db(song: Audio) -> None:
    vocal = sine(440, 6.0, 44100, -20.0)

    loudest = recombine(vocal, song, vocal_gain_db=12.0, desired_loudness="LOW")

    assert np.array_equal(loudest.audio.samples, recombine(vocal, song, 6.0, "LOW").audio.samples)


def test_recombine_output_encodes_as_the_documented_16_bit_wav(song: Audio) -> None:
    result = recombine(song, song, vocal_gain_db=-6.0, desired_loudness="LOW")
    assert encode(result.audio, "WAV", result.bit_depth) == encode(result.audio, "WAV", 16)


def test_clean_up_is_deterministic(song: Audio) -> None:
    assert np.array_equal(cleanup(song, "SNARE_GROUP").samples, cleanup(song, "SNARE_GROUP").samples)
