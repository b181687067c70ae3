"""Enhance, clean-up, separation and recombine: each does its documented, repeatable job."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import (
    Audio,
    cleanup,
    encode,
    enhance,
    enhance_stems,
    recombine,
    separate,
    sine,
    true_peak_dbfs,
)
from tonn_mock.audio.cleanup import noise_floor_db

from .conftest import lufs, oversampled_peak_db, tone_level_db


@pytest.mark.parametrize(("preference", "target"), [("CD_LOUDNESS", -9.0), ("STREAMING_LOUDNESS", -14.0)])
def test_enhance_reaches_the_loudness_preference(song, preference, target) -> None:
    enhanced = enhance(song, preference)

    assert lufs(enhanced) == pytest.approx(target, abs=1.0)
    assert true_peak_dbfs(enhanced) <= -1.0
    assert (enhanced.frames, enhanced.sample_rate) == (song.frames, song.sample_rate)


def test_enhance_with_no_change_keeps_the_loudness(song) -> None:
    assert lufs(enhance(song, "NO_CHANGE")) == pytest.approx(lufs(song), abs=0.5)


def test_enhance_tames_a_clipping_hot_mix() -> None:
    hot = sine(150, 8.0, 44100, +3.0)

    enhanced = enhance(hot, "NO_CHANGE", fix_tonal_profile=False)

    assert oversampled_peak_db(enhanced) <= -0.99


def test_enhance_stems_use_the_enhance_endpoint_names(song) -> None:
    stems = enhance_stems(song)
    assert sorted(stems) == ["bass", "drums", "other", "vocal"]


def test_four_stems_are_stereo_44k_and_sum_back_to_the_input(song) -> None:
    stems = separate(song.as_stereo(), "all_stems")

    assert list(stems) == ["vocals", "bass", "drums", "other"]
    assert all((s.channels, s.sample_rate, s.frames) == (2, 44100, song.frames) for s in stems.values())
    total = sum(stem.samples for stem in stems.values())
    assert np.allclose(total, song.samples, atol=1e-9)


def test_each_stem_holds_its_part_of_the_spectrum() -> None:
    rate = 44100
    low, mid, high = (sine(f, 10.0, rate, -12.0).samples for f in (60, 1000, 9000))
    stems = separate(Audio(low + mid + high, rate))

    def level(stem: str, freq: float) -> float:
        return tone_level_db(stems[stem].samples[:, 0], rate, freq)

    assert level("bass", 60) == pytest.approx(-12.0, abs=1.0)
    assert level("vocals", 1000) == pytest.approx(-12.0, abs=1.0)
    assert level("drums", 9000) == pytest.approx(-12.0, abs=1.0)
    assert max(level("bass", 1000), level("bass", 9000), level("drums", 60), level("vocals", 60)) < -40.0


def test_two_stem_mode_gives_vocals_and_instrumental_from_48k_input() -> None:
    track = sine(1000, 10.0, 48000, -12.0)

    stems = separate(track, "vocals_instrumental")

    assert list(stems) == ["vocals", "instrumental"]
    assert all(s.sample_rate == 44100 and s.channels == 2 for s in stems.values())


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


def test_recombine_masters_vocal_over_backing_and_reports_its_numbers(song) -> None:
    vocal = sine(440, 6.0, 48000, -20.0, channels=1)

    result = recombine(vocal, song, vocal_gain_db=3.0, desired_loudness="MEDIUM")

    assert result.measured_lufs == pytest.approx(lufs(result.audio), abs=0.01)
    assert result.measured_lufs == pytest.approx(-10.0, abs=1.0)
    assert result.peak_level <= -1.0
    assert (result.sample_rate, result.bit_depth, result.channels) == (44100, 16, 2)
    assert result.track_length_seconds == pytest.approx(song.duration, abs=0.01)
    assert result.audio.channels == 2


def test_recombine_output_encodes_as_the_documented_16_bit_wav(song) -> None:
    result = recombine(song, song, vocal_gain_db=-6.0, desired_loudness="LOW")
    assert encode(result.audio, "WAV", result.bit_depth) == encode(result.audio, "WAV", 16)


def test_clean_up_and_separation_are_deterministic(song) -> None:
    assert np.array_equal(cleanup(song, "SNARE_GROUP").samples, cleanup(song, "SNARE_GROUP").samples)
    first, second = separate(song), separate(song)
    assert all(np.array_equal(first[name].samples, second[name].samples) for name in first)
