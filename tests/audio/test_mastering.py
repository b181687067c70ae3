"""A user masters a track: the loudness preset is met, the ceiling holds, previews are 30 s."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import (
    LOUDNESS_TARGETS,
    Audio,
    decode,
    encode,
    loudness_target,
    master,
    master_settings_for,
    preview,
    sine,
    true_peak_dbfs,
)
from tonn_mock.audio.limiter import LimiterPlan
from tonn_mock.audio.measure import true_peak_envelope

from .conftest import lufs, oversampled_peak_db


@pytest.mark.parametrize("preset", ["LOW", "MEDIUM", "HIGH"])
def test_each_loudness_preset_lands_within_one_lu_and_under_the_ceiling(song, preset) -> None:
    mastered = master(song, loudness_target(preset))

    assert lufs(mastered) == pytest.approx(LOUDNESS_TARGETS[preset], abs=1.0)
    assert true_peak_dbfs(mastered) <= -1.0
    assert oversampled_peak_db(mastered) <= -1.0 + 1e-4  # same reading as scipy's resample_poly


def test_a_quiet_track_with_sharp_clicks_is_limited_hard_to_reach_high() -> None:
    mastered = master(clicks_over_a_quiet_tone(), LOUDNESS_TARGETS["HIGH"])

    assert lufs(mastered) == pytest.approx(-8.0, abs=1.0)
    assert true_peak_dbfs(mastered) <= -1.0
    assert oversampled_peak_db(mastered) <= -1.0 + 1e-4


def test_a_target_out_of_reach_under_the_ceiling_gives_the_closest_result() -> None:
    hot_tone = sine(150, 8.0, 44100, amplitude_db=+3.0)  # about +2 LUFS, peaks over full scale

    mastered = master(hot_tone, 0.0)

    assert true_peak_dbfs(mastered) <= -1.0
    assert lufs(mastered) == pytest.approx(-2.3, abs=0.5)  # a sine peaking at -1 dBTP is about -2.3 LUFS


def test_a_48k_request_is_resampled_and_delivered_as_48k_24_bit_wav(song) -> None:
    rate, bit_depth = master_settings_for("48000")

    mastered = master(song, -14.0, sample_rate=rate)
    delivered = decode(encode(mastered, "WAV", bit_depth))

    assert (delivered.container, delivered.audio.sample_rate, delivered.bit_depth) == ("WAV", 48000, 24)
    assert delivered.audio.frames == round(song.duration * 48000)
    assert lufs(delivered.audio) == pytest.approx(-14.0, abs=1.0)


def test_mastering_at_44k_keeps_the_length(song) -> None:
    assert master(song, -14.0).frames == song.frames


def test_silence_passes_through_unchanged() -> None:
    silence = Audio.silence(11.0, 44100)
    assert not master(silence, -8.0).samples.any()


def test_mastering_is_deterministic(song) -> None:
    assert np.array_equal(master(song, -10.0).samples, master(song, -10.0).samples)


@pytest.mark.parametrize(
    ("requested", "expected"), [("44100", (44100, 16)), ("48000", (48000, 24)), (48000, (48000, 24))]
)
def test_sample_rate_field_selects_rate_and_bit_depth(requested, expected) -> None:
    assert master_settings_for(requested) == expected


@pytest.mark.parametrize("requested", ["96000", "fast", 22050])
def test_other_sample_rates_are_refused(requested) -> None:
    with pytest.raises(ValueError, match="44100 or 48000"):
        master_settings_for(requested)


def test_unknown_loudness_preset_is_refused() -> None:
    with pytest.raises(ValueError, match="LOW, MEDIUM or HIGH"):
        loudness_target("LOUD")


def clicks_over_a_quiet_tone() -> Audio:
    samples = sine(220, 8.0, 44100, amplitude_db=-30).samples.copy()
    samples[1000::22050] = 0.9  # isolated clicks: 60 dB peaks over a quiet bed
    return Audio(samples, 44100)


@pytest.mark.parametrize("drive", [0.0, 6.0, 24.0])
def test_the_limiter_never_gives_a_block_more_gain_than_its_peak_allows(song, drive) -> None:
    ceiling = 10 ** (-1.1 / 20)
    for audio in (song, clicks_over_a_quiet_tone()):
        plan = LimiterPlan.for_audio(audio, true_peak_envelope(audio.samples))

        gains = plan.block_gains(drive, ceiling)

        allowed = np.minimum(1.0, ceiling / (plan.block_peaks * 10 ** (drive / 20)))
        assert np.all(gains <= allowed + 1e-12)


def test_preview_is_thirty_seconds_from_the_requested_start(long_song) -> None:
    excerpt, start = preview(long_song, 5.0)

    assert start == 5.0
    assert abs(excerpt.duration - 30.0) <= 0.010
    assert np.array_equal(excerpt.samples, long_song.samples[5 * 44100 : 35 * 44100])


def test_a_start_past_the_end_is_clamped_so_the_preview_still_fits(long_song) -> None:
    excerpt, start = preview(long_song, 9999.0)

    assert start == pytest.approx(long_song.duration - 30.0, abs=0.01)
    assert excerpt.frames == 30 * 44100
    assert np.array_equal(excerpt.samples[-10:], long_song.samples[-10:])


def test_without_a_start_the_preview_begins_at_the_loudest_section() -> None:
    quiet, loud = sine(330, 10.0, 44100, -40).samples, sine(330, 30.0, 44100, -6).samples
    track = Audio(np.concatenate([quiet, loud, quiet]), 44100)

    excerpt, start = preview(track, None)

    assert start == 10.0
    assert excerpt.frames == 30 * 44100


def test_a_track_shorter_than_a_preview_is_returned_whole(song) -> None:
    excerpt, start = preview(song, 3.0)
    assert (excerpt.frames, start) == (song.frames, 0.0)
