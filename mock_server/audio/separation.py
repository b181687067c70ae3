"""Stem separation ("StemFlow", EVIDENCE §12.14-§12.16), simulated with filters and a transient split.

Real separation runs a source-separation model on a GPU. The mock only has to hand back stems that
look like stems: stereo at 44.1 kHz as the service documents, one per instrument role, as long as
the input, adding back up to it exactly (before a WAV's 16-bit rounding). The split, in this order:

* ``vocals``: what the channels share in the voice band (200 Hz-5 kHz), in every channel, i.e.
  the centre-panned mid-range, where a lead vocal usually sits;
* ``bass``: below 150 Hz of what is left;
* ``drums``: the transient part of the remainder: each 5 ms block's level above its 150 ms
  running average (hits, not sustained notes);
* ``other``: the residual;
* ``instrumental`` (``vocals_instrumental`` mode): the input minus ``vocals``.

The filters are zero-phase (:func:`scipy.signal.sosfiltfilt`) and ``drums`` is a per-frame share of
the remainder, which is what makes each residual a clean complement. Mix enhance's stems
(:func:`.enhance.enhance_stems`) are this split too, as the real service's are its separation's.

Not simulated: real source separation; the stems of a mix of real instruments bleed into each
other far more than a model's would.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from scipy import signal

from tonn_mock.audio.buffer import Audio, FloatArray
from tonn_mock.audio.filters import apply_sos, butter_sos

SeparationMode = Literal["all_stems", "vocals_instrumental"]
SEPARATION_STEMS: dict[SeparationMode, tuple[str, ...]] = {
    "all_stems": ("vocals", "bass", "drums", "other"),
    "vocals_instrumental": ("vocals", "instrumental"),
}
"""The stems each ``separationMode`` gives, in the order :func:`separate` returns them."""
STEM_SAMPLE_RATE = 44100
VOCAL_BAND_HZ = (200.0, 5000.0)
BASS_CUTOFF_HZ = 150.0
_BLOCK_S = 0.005
_AVERAGE_S = 0.150


def separate(audio: Audio, mode: SeparationMode = "all_stems") -> dict[str, Audio]:
    """The stems of ``audio`` named in :data:`SEPARATION_STEMS` for ``mode``, stereo at 44.1 kHz.

    They sum to ``audio`` as brought to that format (first two channels, resampled).
    """
    if mode not in SEPARATION_STEMS:
        raise ValueError(f"unknown separationMode {mode!r}")
    source = audio.as_stereo().resampled(STEM_SAMPLE_RATE)
    vocals = centre_band(source)
    rest = _minus(source, vocals)
    if mode == "vocals_instrumental":
        return {"vocals": vocals, "instrumental": rest}
    bass = apply_sos(rest, butter_sos("lowpass", BASS_CUTOFF_HZ, source.sample_rate), zero_phase=True)
    rest = _minus(rest, bass)
    drums = transients(rest)
    return {"vocals": vocals, "bass": bass, "drums": drums, "other": _minus(rest, drums)}


def centre_band(audio: Audio) -> Audio:
    """The voice band of what all channels have in common, in every channel."""
    sos = butter_sos("bandpass", VOCAL_BAND_HZ, audio.sample_rate, order=2)
    band = apply_sos(audio, sos, zero_phase=True)
    centre = band.samples.mean(axis=1, keepdims=True)
    return audio.with_samples(np.repeat(centre, audio.channels, axis=1))


def transients(audio: Audio) -> Audio:
    """The share of each block that rises above the running average level (hits, not sustain)."""
    block = max(1, round(_BLOCK_S * audio.sample_rate))
    level = _block_rms(audio, block)
    pole = float(np.exp(-1.0 / (_AVERAGE_S * audio.sample_rate / block)))
    average = signal.lfilter([1.0 - pole], [1.0, -pole], level, zi=[pole * level[0]])[0]
    share = np.clip(1.0 - average / np.maximum(level, 1e-12), 0.0, 1.0)
    centres = np.arange(share.shape[0]) * block + (block - 1) / 2.0
    per_frame = np.interp(np.arange(audio.frames, dtype=np.float64), centres, share)
    return audio.with_samples(audio.samples * per_frame[:, None])


def _block_rms(audio: Audio, block: int) -> FloatArray:
    """RMS per ``block`` frames of the louder channel (the last block padded with silence)."""
    blocks = -(-audio.frames // block)
    padded = np.pad(audio.samples, ((0, blocks * block - audio.frames), (0, 0)))
    power = np.square(padded.reshape(blocks, block, audio.channels)).mean(axis=1).max(axis=1)
    return np.asarray(np.sqrt(power), dtype=np.float64)


def _minus(audio: Audio, part: Audio) -> Audio:
    """Sample-wise difference of two buffers of the same shape."""
    return audio.with_samples(audio.samples - part.samples)
