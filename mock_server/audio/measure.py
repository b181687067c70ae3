"""Level measurements shared by mastering, analysis and the input rules.

* Integrated loudness is ITU-R BS.1770-4 / EBU R128 as implemented by :mod:`pyloudnorm`.
* True peak follows BS.1770-4 Annex 2 (4x oversampling), with the interpolator that
  ``scipy.signal.resample_poly(x, 4, 1)`` designs (81-tap Kaiser-windowed sinc, beta 5), so a user
  can check any output with that one line and get the same reading. 4x meters disagree by up to
  ~0.5 dB on content near Nyquist depending on their filter; this one is wider than the 49-tap
  design of libebur128/ffmpeg, so those read the same or lower. The three in-between phases are
  run as separate FIR filters (a quarter less work than a 4x upsampler that also recomputes the
  samples), chunked (no 4x-sized copy of a ten-minute file) and in float32, plenty for 0.01 dB.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pyloudnorm
from scipy import ndimage, signal

from .buffer import Audio, FloatArray, block_peaks, gain_to_db

OVERSAMPLING = 4
_HALF_SPAN = 10  # resample_poly's default design: 2 * 10 * 4 + 1 = 81 taps
_INTERPOLATOR = (
    signal.firwin(2 * _HALF_SPAN * OVERSAMPLING + 1, 1.0 / OVERSAMPLING, window=("kaiser", 5.0))
    * OVERSAMPLING
).astype(np.float32)
# Polyphase split: phase p (instant n + p/4) is an ordinary 20-tap FIR over x[n-9 .. n+10]. Phase 0
# is the sample itself times the centre tap (the other phase-0 taps sit on sinc zeros).
_PHASE_KERNELS = tuple(np.ascontiguousarray(_INTERPOLATOR[p::OVERSAMPLING]) for p in range(1, OVERSAMPLING))
_PHASE0_GAIN = float(_INTERPOLATOR[_HALF_SPAN * OVERSAMPLING])
SPAN_FRAMES = _HALF_SPAN + 1  # input frames either side that one oversampled point depends on
_CHUNK = 1 << 16
SCAN_CHUNK = 1 << 13
INTERPOLATION_GAIN = float(
    max(np.abs(_INTERPOLATOR[phase::OVERSAMPLING]).sum() for phase in range(OVERSAMPLING))
)
_GATING_BLOCK_S = 0.4


def integrated_loudness(audio: Audio) -> float:
    """Integrated loudness in LUFS; ``-inf`` for silence or audio shorter than one 400 ms block."""
    if audio.frames < _GATING_BLOCK_S * audio.sample_rate:
        return float("-inf")
    value = float(pyloudnorm.Meter(audio.sample_rate).integrated_loudness(audio.samples))
    return value if math.isfinite(value) else float("-inf")


def true_peak_envelope(samples: FloatArray) -> npt.NDArray[np.float32]:
    """Per-frame true-peak magnitude: max over channels and the four oversampled phases.

    Frame ``n`` covers the instants ``n, n+1/4, n+2/4, n+3/4``. Linked across channels because
    a stereo limiter must apply one gain to both sides to keep the image stable. Worked chunk by
    chunk so the only full-length allocation is the result.
    """
    frames = samples.shape[0]
    envelope = np.empty(frames, dtype=np.float32)
    for start in range(0, frames, _CHUNK):
        stop = min(start + _CHUNK, frames)
        envelope[start:stop] = _frames_envelope(samples, start, stop)
    return envelope


def _frames_envelope(samples: FloatArray, start: int, stop: int) -> npt.NDArray[np.float32]:
    """True-peak envelope of frames ``start:stop``, the louder channel at each frame."""
    low, high = max(0, start - _HALF_SPAN), min(samples.shape[0], stop + _HALF_SPAN)
    per_channel = [
        _chunk_envelope(samples[low:high, index].astype(np.float32), start - low, stop - low)
        for index in range(samples.shape[1])
    ]
    return np.asarray(np.maximum.reduce(per_channel), dtype=np.float32)


def _chunk_envelope(column: npt.NDArray[np.float32], start: int, stop: int) -> npt.NDArray[np.float32]:
    """True-peak envelope of ``column[start:stop]``, read with filter context (zeros past the ends)."""
    low, high = start - _HALF_SPAN, stop + _HALF_SPAN
    context = column[max(0, low) : min(column.shape[0], high)]
    context = np.pad(context, (max(0, -low), max(0, high - column.shape[0])))
    envelope: npt.NDArray[np.float32] = np.abs(column[start:stop]) * np.float32(_PHASE0_GAIN)
    for kernel in _PHASE_KERNELS:
        phase = signal.upfirdn(kernel, context)[2 * _HALF_SPAN : 2 * _HALF_SPAN + stop - start]
        np.maximum(envelope, np.abs(phase), out=envelope)
    return np.maximum(envelope, np.abs(column[start:stop]), out=envelope)


def chunk_peaks(samples: FloatArray, chunk: int = SCAN_CHUNK) -> FloatArray:
    """Largest absolute sample value in each ``chunk``-frame chunk, across channels."""
    return block_peaks(samples, chunk)


def true_peak_max(samples: FloatArray, suspects: npt.NDArray[np.bool_] | None = None) -> float:
    """Highest true-peak magnitude (linear), oversampling only the chunks that could hold it.

    An interpolated value can exceed the samples around it by at most the interpolator's
    per-phase L1 norm (:data:`INTERPOLATION_GAIN`, about +5 dB). So unless the caller names the
    ``suspects`` (one flag per :data:`SCAN_CHUNK` frames), only chunks whose sample peak, raised by
    that bound, reaches the file's sample peak are oversampled. The answer is exact either way.
    """
    frames = samples.shape[0]
    if frames == 0:
        return 0.0
    peaks = chunk_peaks(samples)
    best = float(peaks.max())
    if suspects is None:
        neighbourhood = ndimage.maximum_filter1d(peaks, 3, mode="nearest")
        suspects = neighbourhood * INTERPOLATION_GAIN >= best
    for chunk in np.flatnonzero(suspects):
        start = int(chunk) * SCAN_CHUNK
        best = max(best, float(_frames_envelope(samples, start, min(start + SCAN_CHUNK, frames)).max()))
    return best


def true_peak_dbfs(audio: Audio) -> float:
    """Highest true-peak level in dBTP (dB relative to full scale, 4x oversampled)."""
    return gain_to_db(true_peak_max(audio.samples))


def sample_peak_dbfs(audio: Audio) -> float:
    """Highest absolute sample value in dBFS (no oversampling)."""
    if audio.frames == 0:
        return float("-inf")
    return gain_to_db(float(np.abs(audio.samples).max()))


def rms(audio: Audio) -> float:
    """Mean of the per-channel RMS values, as RoEx's example validator computes it."""
    if audio.frames == 0:
        return 0.0
    per_channel = np.sqrt(np.mean(np.square(audio.samples), axis=0))
    return float(per_channel.mean())


def loudness_normalised(audio: Audio, target_lufs: float) -> Audio:
    """Statically gained so its integrated loudness is ``target_lufs`` (silence is returned as is).

    No limiting: peaks may go above full scale. Use :func:`tonn_mock.audio.mastering.master` when
    a ceiling matters.
    """
    current = integrated_loudness(audio)
    if not math.isfinite(current):
        return audio
    return audio.gained(target_lufs - current)
