"""Shared audio for the engine's tests: generated once per session, kept short for speed.

Fixtures are factories or cached buffers; nothing here touches the network or the disk.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyloudnorm
import pytest
from scipy import signal

from tonn_mock.audio import Audio, ContainerFormat, DecodedAudio, decode, encode, stand_in_signal

Upload = Callable[..., DecodedAudio]


@pytest.fixture(scope="session")
def song() -> Audio:
    """An 8-second stereo stand-in mix at 44.1 kHz (about -18 LUFS)."""
    return stand_in_signal("https://example.com/song.wav", 8.0, 44100)


@pytest.fixture(scope="session")
def long_song() -> Audio:
    """A 40-second stand-in mix, long enough for 30-second previews."""
    return stand_in_signal("https://example.com/long-song.flac", 40.0, 44100)


@pytest.fixture
def upload() -> Upload:
    """Turn a buffer into what a processor sees after downloading an uploaded file."""

    def _upload(audio: Audio, fmt: ContainerFormat = "WAV", bit_depth: int = 16) -> DecodedAudio:
        return decode(encode(audio, fmt, 24 if bit_depth == 24 else 16))

    return _upload


def lufs(audio: Audio) -> float:
    """Integrated loudness measured directly with pyloudnorm (independent of the engine)."""
    return float(pyloudnorm.Meter(audio.sample_rate).integrated_loudness(audio.samples))


def oversampled_peak_db(audio: Audio) -> float:
    """True peak via SciPy's own 4x polyphase resampler (independent of the engine's filter)."""
    return float(20 * np.log10(np.abs(signal.resample_poly(audio.samples, 4, 1, axis=0)).max()))


def tone_level_db(samples: np.ndarray, rate: int, freq: float) -> float:
    """Level of one steady tone in ``samples`` (1-D), from a Hann-windowed FFT peak near ``freq``."""
    window = np.hanning(samples.shape[0])
    spectrum = np.abs(np.fft.rfft(samples * window))
    freqs = np.fft.rfftfreq(samples.shape[0], 1 / rate)
    near = (freqs > freq - 5) & (freqs < freq + 5)
    return float(20 * np.log10(spectrum[near].max() * 2 / window.sum()))
