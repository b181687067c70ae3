"""What the inspector draws of a file: a waveform that keeps every bucket's extremes, and a short-term
loudness curve (BS.1770, 3 s windows) that reads what a user's loudness meter reads."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tonn_mock.audio import Audio, picture, short_term_loudness, sine
from tonn_mock.audio.picture import waveform

from .conftest import lufs

RATE = 44100


def joined(*parts: Audio) -> Audio:
    return Audio(np.concatenate([part.samples for part in parts]), RATE)


def test_a_steady_tone_reads_its_integrated_loudness_in_every_window() -> None:
    tone = sine(997.0, 8.0, RATE, amplitude_db=-20.0)

    curve = short_term_loudness(tone)

    assert curve == pytest.approx(np.full(curve.shape, lufs(tone)), abs=0.05)


def test_one_reading_every_100_ms_from_the_first_full_window() -> None:
    assert short_term_loudness(sine(440.0, 10.0, RATE)).shape == (71,)  # windows ending at 3.0 ... 10.0 s
    assert short_term_loudness(sine(440.0, 2.9, RATE)).shape == (0,)  # shorter than one window


def test_the_curve_climbs_with_a_20_db_step_and_settles_three_seconds_later() -> None:
    quiet, loud = sine(997.0, 6.0, RATE, amplitude_db=-30.0), sine(997.0, 6.0, RATE, amplitude_db=-10.0)

    curve = short_term_loudness(joined(quiet, loud))

    assert curve[0] == pytest.approx(lufs(quiet), abs=0.05)  # the window 0-3 s: all quiet
    assert curve[-1] == pytest.approx(lufs(loud), abs=0.05)  # the window 9-12 s: all loud
    assert np.all(np.diff(curve) >= -1e-9)  # never falls on the way up
    assert curve[60] == pytest.approx(curve[-1], abs=0.05)  # the window 6-9 s is all loud already


def test_the_waveform_keeps_each_buckets_lowest_and_highest_sample() -> None:
    tone = sine(441.0, 2.0, RATE, amplitude_db=-6.0)
    silence = Audio.silence(2.0, RATE)

    lowest, highest = waveform(joined(tone, silence), points=100)

    assert lowest.shape == highest.shape == (100,)
    assert highest[:50] == pytest.approx(np.full(50, 10 ** (-6 / 20)), abs=0.01)
    assert lowest[:50] == pytest.approx(np.full(50, -(10 ** (-6 / 20))), abs=0.01)
    assert not highest[50:].any() and not lowest[50:].any()


def test_the_louder_channel_shows_in_the_waveform() -> None:
    left, right = 0.2 * np.ones(RATE), -0.8 * np.ones(RATE)

    lowest, highest = waveform(Audio(np.column_stack([left, right]), RATE), points=10)

    assert highest == pytest.approx(np.full(10, 0.2)) and lowest == pytest.approx(np.full(10, -0.8))


def test_a_file_shorter_than_the_plot_gets_one_point_per_frame() -> None:
    assert waveform(Audio(np.zeros((5, 2)), RATE), points=800)[0].shape == (5,)


def test_the_picture_is_plain_json_with_silence_as_null() -> None:
    tone = sine(997.0, 4.0, RATE, amplitude_db=-20.0)
    drawn = picture(joined(Audio.silence(4.0, RATE), tone), points=80)

    data = json.loads(json.dumps(drawn.as_dict(), allow_nan=False))

    assert (data["duration"], data["sample_rate"], data["channels"]) == (8.0, RATE, 2)
    assert data["short_term_loudness"]["lufs"][0] is None  # the first window, 0-3 s, is silent
    assert data["short_term_loudness"]["lufs"][-1] == pytest.approx(lufs(tone), abs=0.05)
    assert len(data["waveform"]["min"]) == len(data["waveform"]["max"]) == 80
    assert data["sample_peak_dbfs"] == pytest.approx(-20.0, abs=0.01)
