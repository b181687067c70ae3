"""The in-memory audio buffer every function in :mod:`tonn_mock.audio` passes around.

An :class:`Audio` is a float64 array shaped ``(frames, channels)`` plus its sample rate, the same
layout :func:`soundfile.read` returns with ``always_2d=True``. It is immutable: the array is exposed
as a read-only view, and every helper returns a new buffer, so a processor can hand one decoded
upload to several products without copies interfering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import gcd
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from scipy import signal

from tonn_mock.audio.concurrency import each

FloatArray = npt.NDArray[np.float64]


def db_to_gain(db: float) -> float:
    """Convert decibels to a linear amplitude factor."""
    return float(10.0 ** (db / 20.0))


def gain_to_db(gain: float) -> float:
    """Convert a linear amplitude factor to decibels (``-inf`` for zero)."""
    return float(20.0 * np.log10(gain)) if gain > 0 else float("-inf")


Reduction = Literal["max", "min", "sum"]


def block_reduce(values: npt.NDArray[Any], block: int, reduce: Reduction) -> FloatArray:
    """Reduce consecutive ``block``-long runs of a 1-D array; a shorter last run is reduced as is.

    Works on views (a channel column of a ``(frames, channels)`` array reshapes without copying),
    so no full-length temporary is made: on small VMs fresh large allocations are costly.
    """
    head = values.shape[0] // block * block
    parts = [getattr(values[:head].reshape(-1, block), reduce)(axis=1)]
    if head < values.shape[0]:
        parts.append(np.array([getattr(values[head:], reduce)()]))
    return np.concatenate(parts).astype(np.float64)


def block_energy(values: FloatArray, block: int) -> FloatArray:
    """Sum of squares over consecutive ``block``-long runs of a 1-D array, without a squared copy."""
    head = values.shape[0] // block * block
    shaped = values[:head].reshape(-1, block)
    energy = np.einsum("ij,ij->i", shaped, shaped)
    if head < values.shape[0]:
        energy = np.append(energy, float(np.dot(values[head:], values[head:])))
    return np.asarray(energy, dtype=np.float64)


def block_peaks(samples: FloatArray, block: int) -> FloatArray:
    """Largest absolute sample per ``block`` frames, across all channels."""
    peaks = [
        np.maximum(block_reduce(column, block, "max"), -block_reduce(column, block, "min"))
        for column in (samples[:, index] for index in range(samples.shape[1]))
    ]
    return np.asarray(np.maximum.reduce(peaks), dtype=np.float64)


def mono_fold(samples: FloatArray) -> FloatArray:
    """Average of the channels as a 1-D array (a matrix product: much faster than ``mean(axis=1)``)."""
    channels = samples.shape[1]
    return np.asarray(samples @ np.full(channels, 1.0 / channels))


@dataclass(frozen=True, eq=False)
class Audio:
    """Immutable PCM audio: ``samples`` float64 ``(frames, channels)`` at ``sample_rate`` Hz.

    A 1-D array is accepted and treated as mono. Values are nominally within ``[-1, 1]`` but are
    not clipped here: over-full-scale values are meaningful (clipping analysis, limiter input).
    """

    samples: FloatArray
    sample_rate: int

    def __post_init__(self) -> None:
        array = np.asarray(self.samples, dtype=np.float64)
        if array.ndim == 1:
            array = array[:, np.newaxis]
        if array.ndim != 2 or array.shape[1] < 1:
            raise ValueError(f"samples must be shaped (frames, channels), got {array.shape}")
        if self.sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, got {self.sample_rate}")
        view = array.view()
        view.flags.writeable = False
        object.__setattr__(self, "samples", view)
        object.__setattr__(self, "sample_rate", int(self.sample_rate))

    @classmethod
    def silence(cls, duration_s: float, sample_rate: int, channels: int = 2) -> Audio:
        """Digital silence, used for padding and as a neutral test input."""
        return cls(np.zeros((round(duration_s * sample_rate), channels)), sample_rate)

    @property
    def frames(self) -> int:
        """Number of sample frames (samples per channel)."""
        return int(self.samples.shape[0])

    @property
    def channels(self) -> int:
        """Number of channels (1 mono, 2 stereo)."""
        return int(self.samples.shape[1])

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.frames / self.sample_rate

    def with_samples(self, samples: FloatArray) -> Audio:
        """A new buffer at the same rate holding ``samples``."""
        return Audio(samples, self.sample_rate)

    def channel(self, index: int) -> FloatArray:
        """One channel as a contiguous 1-D array (fast for scipy filters)."""
        return np.ascontiguousarray(self.samples[:, index])

    def mono(self) -> Audio:
        """Average of the channels (the fold-down a mono speaker would play)."""
        return self.with_samples(mono_fold(self.samples)[:, np.newaxis])

    def as_stereo(self) -> Audio:
        """Two channels: mono is duplicated, more than two keeps the first pair (L, R)."""
        if self.channels == 2:
            return self
        if self.channels == 1:
            return self.with_samples(np.repeat(self.samples, 2, axis=1))
        return self.with_samples(self.samples[:, :2])

    def resampled(self, sample_rate: int) -> Audio:
        """Band-limited sample-rate conversion (:func:`scipy.signal.resample_poly`), channels in parallel."""
        if sample_rate == self.sample_rate:
            return self
        common = gcd(sample_rate, self.sample_rate)
        up, down = sample_rate // common, self.sample_rate // common
        columns = each(lambda column: signal.resample_poly(column, up, down), list(self.samples.T))
        return Audio(np.column_stack(columns), sample_rate)

    def padded(self, frames: int) -> Audio:
        """Extended with trailing silence to ``frames`` (never shortened)."""
        missing = frames - self.frames
        if missing <= 0:
            return self
        return self.with_samples(np.pad(self.samples, ((0, missing), (0, 0))))

    def excerpt(self, start_frame: int, frames: int) -> Audio:
        """``frames`` frames starting at ``start_frame`` (shorter at the end of the buffer)."""
        return self.with_samples(self.samples[start_frame : start_frame + frames])

    def gained(self, db: float) -> Audio:
        """Scaled by ``db`` decibels."""
        return self.with_samples(self.samples * db_to_gain(db))


def overlay(parts: Sequence[Audio]) -> Audio:
    """The sample-wise sum of ``parts`` (one rate and channel count), as long as the longest.

    Shorter parts end in silence, so stems, dialogue lines or a vocal and its backing need not be
    trimmed to one length before they are summed.
    """
    rates = {part.sample_rate for part in parts}
    if len(rates) != 1:
        raise ValueError(f"overlay needs one sample rate, got {sorted(rates)}")
    frames = max(part.frames for part in parts)
    return Audio(np.sum([part.padded(frames).samples for part in parts], axis=0), rates.pop())
