"""The engine's meters read what a user's own tools read: pyloudnorm for loudness, SciPy's 4x
resampler for true peak. A team checking a master with either gets the engine's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import signal

from tonn_mock.audio import Audio, integrated_loudness, true_peak_dbfs
from tonn_mock.audio.measure import true_peak_envelope, true_peak_max

from .conftest import lufs, oversampled_peak_db


def noise_fading_in(seconds: float, rate: int, channels: int = 2, level: float = 0.1) -> Audio:
    """Seeded noise rising from silence: the gates drop the quiet start, so gating is exercised."""
    frames = round(seconds * rate)
    ramp = np.linspace(0.0, 1.0, frames)[:, np.newaxis] ** 3
    return Audio(np.random.default_rng(frames).normal(0.0, level, (frames, channels)) * ramp, rate)


@pytest.mark.parametrize("rate", [44100, 48000, 22050])
@pytest.mark.parametrize("seconds", [0.41, 0.46, 0.5, 3.3, 12.7])
def test_loudness_equals_pyloudnorm_for_any_length_and_rate(seconds: float, rate: int) -> None:
    audio = noise_fading_in(seconds, rate)

    assert integrated_loudness(audio) == pytest.approx(lufs(audio), abs=1e-6)


@pytest.mark.parametrize("channels", [1, 2, 5])
def test_loudness_weights_channels_as_pyloudnorm_does(channels: int) -> None:
    audio = noise_fading_in(4.0, 44100, channels)

    assert integrated_loudness(audio) == pytest.approx(lufs(audio), abs=1e-6)


def test_loudness_of_the_stand_in_song_equals_pyloudnorm(song: Audio) -> None:
    assert integrated_loudness(song) == pytest.approx(lufs(song), abs=1e-6)


@pytest.mark.parametrize(
    "audio",
    [Audio.silence(3.0, 44100), noise_fading_in(3.0, 44100, level=1e-5), Audio.silence(0.3, 44100)],
    ids=["silence", "below the absolute gate", "shorter than one block"],
)
def test_nothing_above_the_gate_reads_minus_infinity(audio: Audio) -> None:
    assert integrated_loudness(audio) == float("-inf")


def every_frames_true_peak(audio: Audio) -> np.ndarray:
    """Per frame, the largest of its four oversampled points over all channels, read by SciPy."""
    upsampled = np.abs(signal.resample_poly(audio.samples, 4, 1, axis=0))
    return upsampled.reshape(audio.frames, 4, audio.channels).max(axis=(1, 2))


@pytest.mark.parametrize("seconds", [0.01, 1.0, 2.3])  # 2.3 s spans several scan chunks
def test_the_true_peak_envelope_is_scipys_4x_reading_frame_by_frame(seconds: float) -> None:
    audio = noise_fading_in(seconds, 44100, level=0.3)

    envelope = true_peak_envelope(audio.samples)

    np.testing.assert_allclose(envelope, every_frames_true_peak(audio), rtol=1e-5, atol=1e-7)


def test_an_intersample_peak_is_found_between_the_samples() -> None:
    rate = 44100
    frames = np.arange(rate)
    # A quarter-rate sine sampled 45 degrees off its crests: every sample is at 0.707 of the peak.
    tone = np.sin(2 * np.pi * frames / 4 + np.pi / 4)[:, np.newaxis] * 0.5
    audio = Audio(np.repeat(tone, 2, axis=1), rate)

    assert true_peak_dbfs(audio) == pytest.approx(oversampled_peak_db(audio), abs=1e-4)
    assert true_peak_dbfs(audio) > 20 * np.log10(np.abs(audio.samples).max()) + 2.5


def test_the_quick_true_peak_scan_misses_nothing(song: Audio) -> None:
    clicked = song.samples.copy()
    clicked[123_457, 1] = 0.98  # one hot sample in an otherwise quiet chunk

    audio = Audio(clicked, song.sample_rate)

    assert 20 * np.log10(true_peak_max(audio.samples)) == pytest.approx(oversampled_peak_db(audio), abs=1e-4)
