"""A look-ahead true-peak limiter, computed in blocks so it runs at NumPy speed.

How it works (all vectorised; no per-sample Python loop):

1. The caller supplies the input's true-peak envelope (:func:`measure.true_peak_envelope`). It
   scales linearly with gain, so it is measured once however many loudness passes follow.
2. For each 16-frame block, the gain that keeps the block's true peak at the ceiling is
   ``min(1, ceiling / peak)``. Each block also takes its neighbours' minimum, so linear
   interpolation between block centres never rises above what any frame needs.
3. A sliding minimum over ``[block - hold, block + lookahead)``
   (:func:`scipy.ndimage.minimum_filter1d`) makes the gain fall one look-ahead (3 ms) before a
   peak and hold (2 ms) after it; a moving average of the look-ahead length
   (:func:`scipy.ndimage.uniform_filter1d`) turns the fall into a linear attack ramp. Every
   averaged value comes from windows that all contain the frame in question, so the ramp never
   exceeds the required gain: the limiter cannot overshoot by construction.
4. A one-pole low-pass (:func:`scipy.signal.lfilter`) gives an exponential release (50 ms); the
   minimum of ramp and release keeps the guarantee of step 3.
5. Gains are interpolated to frames with :func:`numpy.interp` and multiplied in.

The guarantee holds for the oversampled points of the *input* times the gain. Where the gain moves
within the interpolator's span the output's own true peak can differ slightly, so callers re-check
the output; :meth:`Limited.overshoot_suspects` says which chunks can possibly need that check.
Not simulated: multiband limiting, soft knees, program-dependent release.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import ndimage, signal

from tonn_mock.audio.buffer import Audio, FloatArray, Reduction, block_energy, block_reduce, db_to_gain
from tonn_mock.audio.concurrency import each
from tonn_mock.audio.measure import INTERPOLATION_GAIN, SCAN_CHUNK, SPAN_FRAMES

BLOCK_FRAMES = 16
_RENDER_CHUNK = BLOCK_FRAMES << 12
LOOKAHEAD_S = 0.003
HOLD_S = 0.002
RELEASE_S = 0.050

Envelope = npt.NDArray[np.float32]


def _blockwise(values: npt.NDArray[np.floating], reduce: Reduction) -> FloatArray:
    """Reduce ``values`` over consecutive :data:`BLOCK_FRAMES`-frame blocks."""
    return block_reduce(values, BLOCK_FRAMES, reduce)


@dataclass(frozen=True, eq=False)
class LimiterPlan:
    """The input's true-peak envelope, with per-block true peaks and energies, at unity gain.

    ``block_energy`` (sum of squares over channels) lets :meth:`predicted_change_db` estimate how
    much loudness the limiter will take away at a given drive without rendering any audio.
    """

    envelope: Envelope
    block_peaks: FloatArray
    block_energy: FloatArray
    sample_rate: int

    @classmethod
    def for_audio(cls, audio: Audio, envelope: Envelope) -> LimiterPlan:
        """Build the plan from the audio and its true-peak envelope."""
        energy = sum(block_energy(audio.samples[:, index], BLOCK_FRAMES) for index in range(audio.channels))
        return cls(
            envelope=envelope,
            block_peaks=_blockwise(envelope, "max"),
            block_energy=np.asarray(energy, dtype=np.float64),
            sample_rate=audio.sample_rate,
        )

    def _blocks(self, seconds: float) -> int:
        """A duration in whole blocks (at least one)."""
        return max(1, math.ceil(seconds * self.sample_rate / BLOCK_FRAMES))

    def block_gains(self, drive_db: float, ceiling: float) -> FloatArray:
        """Limiter gain per block (drive excluded) when the input is amplified by ``drive_db``."""
        peaks = self.block_peaks * db_to_gain(drive_db)
        required = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
        required = ndimage.minimum_filter1d(required, 3, mode="nearest")
        lookahead, hold = self._blocks(LOOKAHEAD_S), self._blocks(HOLD_S)
        size = lookahead + hold
        held = ndimage.minimum_filter1d(required, size, mode="nearest", origin=hold - size // 2)
        ramp = ndimage.uniform_filter1d(held, lookahead, mode="nearest", origin=(lookahead - 1) // 2)
        pole = math.exp(-1.0 / (RELEASE_S * self.sample_rate / BLOCK_FRAMES))
        released = signal.lfilter([1.0 - pole], [1.0, -pole], ramp, zi=[pole * ramp[0]])[0]
        return np.asarray(np.minimum(ramp, released), dtype=np.float64)

    def predicted_change_db(self, drive_db: float, ceiling: float) -> float:
        """Energy-weighted loudness change the limiter will cause (no K-weighting, no gating)."""
        gains = self.block_gains(drive_db, ceiling)
        total = float(self.block_energy.sum())
        if total <= 0.0:
            return 0.0
        return float(10.0 * np.log10(float(np.dot(self.block_energy, gains**2)) / total))

    def frame_gains(self, block_gains: FloatArray, start: int, stop: int) -> FloatArray:
        """Gain of frames ``start:stop``: block gains interpolated linearly between block centres."""
        first, last = max(0, start // BLOCK_FRAMES - 1), stop // BLOCK_FRAMES + 2
        centres = np.arange(first, min(last, block_gains.shape[0])) * BLOCK_FRAMES + (BLOCK_FRAMES - 1) / 2.0
        return np.interp(np.arange(start, stop, dtype=np.float64), centres, block_gains[first:last])


@dataclass(frozen=True, eq=False)
class Limited:
    """A limiter result: the audio, the block gains (drive included) that produced it, and per
    block the largest envelope-times-gain value (the true peak the limiter controlled)."""

    audio: Audio
    block_gains: FloatArray
    controlled: FloatArray

    def overshoot_suspects(self, plan: LimiterPlan, ceiling_dbfs: float) -> npt.NDArray[np.bool_]:
        """One flag per :data:`measure.SCAN_CHUNK` frames: could the output exceed the ceiling?

        An oversampled output point is ``sum(h[k] * gain[n-k] * x[n-k])``. Writing
        ``gain[n-k] = gain[n] + (gain[n-k] - gain[n])`` bounds it by ``gain[n] * envelope[n]``
        (what the limiter controlled) plus (largest gain change within the filter span) x
        (interpolator L1 norm) x (largest nearby input peak). The gain is piecewise linear, so
        the change within the span (11 frames) is at most 11/16 of the steepest neighbouring
        block step.
        Chunks whose bound stays under the ceiling cannot overshoot and need no oversampling.
        """
        steps = np.abs(np.diff(self.block_gains, append=self.block_gains[-1]))
        steepest = ndimage.maximum_filter1d(steps, 4, mode="nearest", origin=-1)
        nearby = ndimage.maximum_filter1d(plan.block_peaks, 3, mode="nearest")
        spread = steepest * (SPAN_FRAMES / BLOCK_FRAMES)
        bound = self.controlled + spread * INTERPOLATION_GAIN * nearby
        return _per_chunk(bound > db_to_gain(ceiling_dbfs))


def _per_chunk(flags: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Block flags folded to :data:`measure.SCAN_CHUNK` flags (any block flagged)."""
    per_chunk = SCAN_CHUNK // BLOCK_FRAMES
    chunks = -(-flags.shape[0] // per_chunk)
    padded = np.pad(flags, (0, chunks * per_chunk - flags.shape[0]))
    return np.asarray(padded.reshape(chunks, per_chunk).any(axis=1))


def render(audio: Audio, plan: LimiterPlan, drive_db: float, ceiling_dbfs: float) -> Limited:
    """Amplify ``audio`` by ``drive_db`` and limit its true peaks to ``ceiling_dbfs``.

    Worked in chunks of :data:`_RENDER_CHUNK` frames spread over the cores, so the per-frame gains
    never exist at full length: only the output is a full-size allocation.
    """
    blocks = plan.block_gains(drive_db, db_to_gain(ceiling_dbfs)) * db_to_gain(drive_db)
    output = np.empty_like(audio.samples)
    controlled = np.empty(blocks.shape[0])

    def fill(start: int) -> None:
        stop = min(start + _RENDER_CHUNK, audio.frames)
        gains = plan.frame_gains(blocks, start, stop)
        np.multiply(audio.samples[start:stop], gains[:, np.newaxis], out=output[start:stop])
        peaks = _blockwise(gains * plan.envelope[start:stop], "max")
        controlled[start // BLOCK_FRAMES : start // BLOCK_FRAMES + peaks.shape[0]] = peaks

    each(fill, range(0, audio.frames, _RENDER_CHUNK))
    return Limited(audio.with_samples(output), blocks, controlled)
