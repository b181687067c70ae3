"""A stand-in for StemFlow's GPU separation: a deterministic filter split of a stereo mix.

The real service runs a source-separation model. The mock only has to hand back stems that
look like stems: one stereo file per instrument role, of the input's length, that add back up to
the input (before 16-bit rounding). The split, in this order:

* ``vocals``       - what the two channels share in the voice band (200 Hz-5 kHz, zero-phase),
  i.e. the centre-panned mid-range, where a lead vocal usually sits;
* ``bass``         - below 150 Hz of what is left;
* ``drums``        - the transient part of the remainder: each 5 ms block's level above its
  150 ms running average;
* ``other``        - everything else;
* ``instrumental`` - (``vocals_instrumental`` mode) the input minus ``vocals``.

Not simulated: real source separation; the stems of a mix of real instruments bleed into each
other far more than a model's would.

Private to the stems area until :mod:`tonn_mock.audio` offers a separation module.
"""

from __future__ import annotations

import numpy as np
from scipy import signal

from ..audio.buffer import Audio, FloatArray
from ..audio.filters import apply_sos, butter_sos

FOUR_STEMS = ("vocals", "bass", "drums", "other")
TWO_STEMS = ("vocals", "instrumental")
VOCAL_BAND_HZ = (200.0, 5000.0)
BASS_CUTOFF_HZ = 150.0
_BLOCK_S = 0.005
_AVERAGE_S = 0.150


def stem_names(mode: str = "all_stems") -> tuple[str, ...]:
    """The stems a ``separationMode`` gives, in the order :func:`separate` returns them."""
    return TWO_STEMS if mode == "vocals_instrumental" else FOUR_STEMS


def separate(audio: Audio, mode: str = "all_stems") -> dict[str, Audio]:
    """The stems of ``audio`` for a ``separationMode`` (see :func:`stem_names`); they sum to ``audio``."""
    vocals = centre_band(audio)
    rest = _minus(audio, vocals)
    if mode == "vocals_instrumental":
        return {"vocals": vocals, "instrumental": rest}
    bass = apply_sos(rest, butter_sos("lowpass", BASS_CUTOFF_HZ, audio.sample_rate), zero_phase=True)
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
    blocks = -(-audio.frames // block)
    padded = np.pad(audio.samples, ((0, blocks * block - audio.frames), (0, 0)))
    power = np.square(padded.reshape(blocks, block, audio.channels)).mean(axis=1).max(axis=1)
    return np.asarray(np.sqrt(power), dtype=np.float64)


def _minus(audio: Audio, part: Audio) -> Audio:
    return audio.with_samples(audio.samples - part.samples)
