"""Block-rate dynamics processors: the mixer's compressor and the clean-up expander.

Levels are measured per short block (peak for the compressor, RMS for the expander), turned into
a gain change by a static curve, smoothed, and interpolated back to frames. Smoothing uses two
one-pole filters (:func:`scipy.signal.lfilter`), one with the fast and one with the slow time
constant, and keeps whichever is further along in the direction the processor must react fast:
rising gain reduction follows the attack, falling reduction the release. That is close to an
analogue-style attack/release detector without a per-sample Python loop.

Not simulated: knees, side-chain filtering, look-ahead, program-dependent timing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import signal

from tonn_mock.audio.buffer import Audio, FloatArray, block_energy, block_peaks

_COMPRESSOR_BLOCK_S = 0.001
_EXPANDER_BLOCK_S = 0.010
_FLOOR_DB = -150.0


@dataclass(frozen=True)
class Compression:
    """Compressor settings in Tonn's ``compression_settings`` / ``drc_settings`` units."""

    threshold: float
    ratio: float
    attack_ms: float
    release_ms: float


def _block_frames(audio: Audio, seconds: float) -> int:
    """Frames per analysis block (at least one)."""
    return max(1, round(seconds * audio.sample_rate))


def block_levels_db(audio: Audio, block: int, kind: Literal["peak", "rms"]) -> FloatArray:
    """Per-block level in dBFS, linked across channels (the louder channel decides)."""
    if kind == "peak":
        level = block_peaks(audio.samples, block)
    else:
        energies = [block_energy(audio.samples[:, index], block) for index in range(audio.channels)]
        level = np.sqrt(np.maximum.reduce(energies) / block)
    return np.asarray(20.0 * np.log10(np.maximum(level, 10.0 ** (_FLOOR_DB / 20.0))))


def _one_pole(values: FloatArray, seconds: float, block_rate: float) -> FloatArray:
    """Exponential smoothing with time constant ``seconds``, starting settled on the first value."""
    pole = math.exp(-1.0 / max(seconds * block_rate, 1e-9))
    smoothed = signal.lfilter([1.0 - pole], [1.0, -pole], values, zi=[pole * values[0]])[0]
    return np.asarray(smoothed, dtype=np.float64)


def smooth_reduction(
    reduction_db: FloatArray, attack_s: float, release_s: float, block_rate: float
) -> FloatArray:
    """Gain reduction that rises with the attack time and falls with the release time."""
    rising = _one_pole(reduction_db, attack_s, block_rate)
    falling = _one_pole(reduction_db, release_s, block_rate)
    # the quicker follower leads in its own direction: rises are led by max, falls by min
    return np.maximum(rising, falling) if attack_s <= release_s else np.minimum(rising, falling)


def apply_block_gain(audio: Audio, gain_db: FloatArray, block: int) -> Audio:
    """Per-block gains (dB), interpolated linearly between block centres, applied to all channels."""
    centres = np.arange(gain_db.shape[0]) * block + (block - 1) / 2.0
    per_frame = np.interp(np.arange(audio.frames, dtype=np.float64), centres, 10.0 ** (gain_db / 20.0))
    return audio.with_samples(audio.samples * per_frame[:, None])


def compress(audio: Audio, settings: Compression) -> Audio:
    """Downward compression above ``threshold`` dBFS at ``ratio``:1, hard knee, no make-up gain."""
    if settings.ratio <= 1.0 or audio.frames == 0:
        return audio
    block = _block_frames(audio, _COMPRESSOR_BLOCK_S)
    level = block_levels_db(audio, block, "peak")
    reduction = np.maximum(0.0, level - settings.threshold) * (1.0 - 1.0 / settings.ratio)
    block_rate = audio.sample_rate / block
    smoothed = smooth_reduction(
        reduction, settings.attack_ms / 1000.0, settings.release_ms / 1000.0, block_rate
    )
    return apply_block_gain(audio, -smoothed, block)


def expand(audio: Audio, threshold_db: float, ratio: float, range_db: float) -> Audio:
    """Downward expansion below ``threshold_db``: each dB under it becomes ``ratio`` dB under.

    Attenuation is capped at ``range_db``; it opens in 5 ms and closes over 150 ms so decays and
    word endings are not chopped.
    """
    if audio.frames == 0:
        return audio
    block = _block_frames(audio, _EXPANDER_BLOCK_S)
    level = block_levels_db(audio, block, "rms")
    reduction = np.minimum(range_db, np.maximum(0.0, threshold_db - level) * (ratio - 1.0))
    smoothed = smooth_reduction(reduction, 0.150, 0.005, audio.sample_rate / block)
    return apply_block_gain(audio, -smoothed, block)
