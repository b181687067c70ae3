"""Filters used by the mixer, enhancer, clean-up and separation simulations.

Butterworth sections come straight from :func:`scipy.signal.butter`. SciPy has no gain-peaking or
shelving design, so those biquads use the coefficient formulas of Robert Bristow-Johnson's "Audio
EQ Cookbook" (the de-facto definition of a parametric EQ band); filtering itself is always
:func:`scipy.signal.sosfilt` / :func:`scipy.signal.sosfiltfilt`.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from scipy import signal

from tonn_mock.audio.buffer import Audio, FloatArray

ButterKind = Literal["lowpass", "highpass", "bandpass"]
_NYQUIST_GUARD = 0.45  # keep band centres safely below Nyquist


def _normalised(b: list[float], a: list[float]) -> FloatArray:
    """One second-order section ``[b0 b1 b2 1 a1 a2]`` from un-normalised coefficients."""
    return np.array([[*(x / a[0] for x in b), 1.0, a[1] / a[0], a[2] / a[0]]])


def _omega(freq_hz: float, sample_rate: int) -> float:
    """Angular frequency, clamped below Nyquist so a 20 kHz band at 44.1 kHz stays stable."""
    return 2.0 * math.pi * min(freq_hz, _NYQUIST_GUARD * sample_rate) / sample_rate


def peaking_sos(centre_hz: float, gain_db: float, q: float, sample_rate: int) -> FloatArray:
    """RBJ peaking-EQ biquad: ``gain_db`` at ``centre_hz``, bandwidth set by ``q``."""
    amp, w0 = 10.0 ** (gain_db / 40.0), _omega(centre_hz, sample_rate)
    alpha, cos_w0 = math.sin(w0) / (2.0 * q), math.cos(w0)
    return _normalised(
        [1.0 + alpha * amp, -2.0 * cos_w0, 1.0 - alpha * amp],
        [1.0 + alpha / amp, -2.0 * cos_w0, 1.0 - alpha / amp],
    )


def shelf_sos(kind: Literal["low", "high"], freq_hz: float, gain_db: float, rate: int) -> FloatArray:
    """RBJ shelving biquad (slope 1): boosts or cuts everything below/above ``freq_hz``."""
    amp, w0 = 10.0 ** (gain_db / 40.0), _omega(freq_hz, rate)
    cos_w0, root = math.cos(w0), 2.0 * math.sqrt(amp) * math.sin(w0) / 2.0 * math.sqrt(2.0)
    sign = 1.0 if kind == "low" else -1.0
    plus, minus = amp + 1.0, amp - 1.0
    return _normalised(
        [
            amp * (plus - sign * minus * cos_w0 + root),
            sign * 2.0 * amp * (minus - sign * plus * cos_w0),
            amp * (plus - sign * minus * cos_w0 - root),
        ],
        [
            plus + sign * minus * cos_w0 + root,
            -sign * 2.0 * (minus + sign * plus * cos_w0),
            plus + sign * minus * cos_w0 - root,
        ],
    )


def butter_sos(
    kind: ButterKind, cutoff: float | tuple[float, float], rate: int, order: int = 4
) -> FloatArray:
    """A Butterworth filter from SciPy, as second-order sections."""
    sos: FloatArray = signal.butter(order, cutoff, btype=kind, fs=rate, output="sos")
    return sos


def apply_sos(audio: Audio, sos: FloatArray, zero_phase: bool = False) -> Audio:
    """Filter every channel; ``zero_phase`` runs forward and backward so stems still sum back."""
    run = signal.sosfiltfilt if zero_phase else signal.sosfilt
    return audio.with_samples(run(sos, audio.samples, axis=0))


def chain_sos(*sections: FloatArray) -> FloatArray:
    """Cascade several filters into one SOS array (one pass over the audio instead of many)."""
    return np.concatenate(sections, axis=0) if sections else np.array([[1.0, 0, 0, 1.0, 0, 0]])
