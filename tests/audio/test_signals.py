"""When an input URL cannot be fetched, the mock still has plausible music to work on."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import Audio, integrated_loudness, sine, stand_in_signal, true_peak_dbfs
from tonn_mock.audio.signals import seeded_rng


def test_the_same_url_always_gives_the_same_music(song) -> None:
    again = stand_in_signal("https://example.com/song.wav", 8.0, 44100)
    assert np.array_equal(song.samples, again.samples)


def test_different_urls_give_different_music(song) -> None:
    other = stand_in_signal("https://example.com/other.wav", 3.0, 44100)
    assert not np.allclose(song.samples[:44100], other.samples[:44100])


def test_the_seed_is_pinned_not_taken_from_pythons_salted_hash() -> None:
    assert seeded_rng("abc").integers(0, 2**32) == 4070011299


def test_the_stand_in_sounds_like_an_unmastered_mix(song) -> None:
    assert integrated_loudness(song) == pytest.approx(-18.0, abs=0.5)
    assert true_peak_dbfs(song) <= -1.0
    assert song.channels == 2


@pytest.mark.parametrize(("seconds", "rate", "channels"), [(2.0, 48000, 1), (1.25, 44100, 2)])
def test_the_stand_in_has_exactly_the_requested_shape(seconds, rate, channels) -> None:
    audio = stand_in_signal("https://example.com/x.wav", seconds, rate, channels)
    assert (audio.frames, audio.sample_rate, audio.channels) == (round(seconds * rate), rate, channels)


def test_the_stand_in_has_verses_and_choruses(long_song) -> None:
    seconds = long_song.samples[: 40 * 44100, 0].reshape(40, 44100)
    level = 20 * np.log10(np.sqrt((seconds**2).mean(axis=1)))
    assert level.max() - level.min() > 3.0


def test_a_test_sine_has_the_requested_peak_level() -> None:
    tone = sine(1000, 1.0, 44100, amplitude_db=-6.0, channels=1)
    assert 20 * np.log10(np.abs(tone.samples).max()) == pytest.approx(-6.0, abs=0.01)


def test_audio_buffers_are_read_only_and_shaped_frames_by_channels() -> None:
    audio = Audio(np.zeros(100), 44100)

    assert audio.samples.shape == (100, 1)
    with pytest.raises(ValueError):
        audio.samples[0, 0] = 1.0
    with pytest.raises(ValueError):
        Audio(np.zeros((2, 2, 2)), 44100)
