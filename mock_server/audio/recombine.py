"""Recombine (dossier §12.17-§12.20): a vocal over a backing track, mixed and mastered.

The vocal is offset by ``vocalGainDb`` (clamped to the documented -6..+6 dB), both parts are
brought to 44.1 kHz stereo and padded to the longer one, summed, and mastered to the
``desiredLoudness`` preset with the -1 dBTP ceiling. The result carries the figures
``/retrieverecombine`` reports: measured integrated loudness, true-peak level, length, rate,
bit depth (16) and channels (2). The preview is the loudest 30 s (:func:`mastering.preview`).

Not simulated: vocal EQ/compression, timing alignment, style-dependent balance.
"""

from __future__ import annotations

from dataclasses import dataclass

from .buffer import Audio
from .mastering import CEILING_DBFS, loudness_target, master
from .measure import integrated_loudness, true_peak_dbfs

RECOMBINE_SAMPLE_RATE = 44100
RECOMBINE_BIT_DEPTH = 16
VOCAL_GAIN_LIMIT_DB = 6.0


@dataclass(frozen=True, eq=False)
class RecombineResult:
    """The mastered recombination and the numbers reported alongside it."""

    audio: Audio
    measured_lufs: float
    peak_level: float
    track_length_seconds: float
    sample_rate: int = RECOMBINE_SAMPLE_RATE
    bit_depth: int = RECOMBINE_BIT_DEPTH
    channels: int = 2


def recombine(
    vocal: Audio, backing: Audio, vocal_gain_db: float = 0.0, desired_loudness: str = "MEDIUM"
) -> RecombineResult:
    """Mix ``vocal`` (+``vocal_gain_db``) with ``backing`` and master to ``desired_loudness``."""
    gain = max(-VOCAL_GAIN_LIMIT_DB, min(VOCAL_GAIN_LIMIT_DB, vocal_gain_db))
    parts = [part.resampled(RECOMBINE_SAMPLE_RATE).as_stereo() for part in (vocal, backing)]
    frames = max(part.frames for part in parts)
    voice, bed = (part.padded(frames) for part in parts)
    summed = bed.with_samples(voice.gained(gain).samples + bed.samples)
    mastered = master(summed, loudness_target(desired_loudness), CEILING_DBFS, RECOMBINE_SAMPLE_RATE)
    return RecombineResult(
        audio=mastered,
        measured_lufs=round(integrated_loudness(mastered), 2),
        peak_level=round(true_peak_dbfs(mastered), 2),
        track_length_seconds=round(mastered.duration, 2),
    )
