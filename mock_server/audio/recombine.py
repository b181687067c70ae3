"""Recombine (EVIDENCE §12.17-§12.20): a vocal over a backing track, mixed and mastered.

Every part is brought to 44.1 kHz stereo; the backing parts (one file, or a separation's stems
other than ``vocals``) are summed, the vocal is offset by ``vocalGainDb`` (clamped to the
documented -6..+6 dB) and laid over them, the shorter padded with silence, and the sum is
mastered to the ``desiredLoudness`` preset under the -1 dBTP ceiling (:func:`.mastering.master`).

:class:`RecombineResult` carries the figures ``/retrieverecombine`` and its preview report:
integrated loudness, the **true-peak** level (dBTP, :func:`.measure.true_peak_dbfs`, the meter
the ceiling is held to), length, the preview start (the loudest 30 s, :func:`.mastering.preview`),
rate, bit depth (16) and channels. Each figure is measured on the result's audio when first read,
so a caller that only encodes the master measures nothing, and one that wraps the decoded file
reports what that file reads.

Not simulated: vocal EQ/compression, timing alignment, style-dependent balance (``musicalStyle``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from tonn_mock.audio.buffer import Audio, overlay
from tonn_mock.audio.codecs import BitDepth
from tonn_mock.audio.mastering import CEILING_DBFS, loudness_target, master, preview
from tonn_mock.audio.measure import integrated_loudness, true_peak_dbfs

RECOMBINE_SAMPLE_RATE = 44100
RECOMBINE_BIT_DEPTH: Final = 16
VOCAL_GAIN_LIMIT_DB = 6.0


@dataclass(frozen=True, eq=False)
class RecombineResult:
    """A recombined master and the figures reported about it, measured on first read.

    Wrap a decoded master file in one to report what that file reads.
    """

    audio: Audio
    bit_depth: BitDepth = RECOMBINE_BIT_DEPTH

    @cached_property
    def measured_lufs(self) -> float:
        """Integrated loudness, LUFS, to 0.01."""
        return round(integrated_loudness(self.audio), 2)

    @cached_property
    def peak_level(self) -> float:
        """True peak, dBTP, to 0.01: the meter the mastering ceiling (-1 dBTP) is held to."""
        return round(true_peak_dbfs(self.audio), 2)

    @cached_property
    def preview_start_seconds(self) -> float:
        """Where the 30 s preview starts: the loudest window, on a one-second grid."""
        return preview(self.audio, None)[1]

    @property
    def track_length_seconds(self) -> float:
        """Length in seconds, to 0.01."""
        return round(self.audio.duration, 2)

    @property
    def sample_rate(self) -> int:
        """The audio's own rate (44.1 kHz for a recombined master)."""
        return self.audio.sample_rate

    @property
    def channels(self) -> int:
        """The audio's own channel count (2 for a recombined master)."""
        return self.audio.channels


def recombine(
    vocal: Audio,
    backing: Audio | Sequence[Audio],
    vocal_gain_db: float = 0.0,
    desired_loudness: str = "MEDIUM",
) -> RecombineResult:
    """``vocal`` (+``vocal_gain_db``) over the sum of ``backing``, mastered to ``desired_loudness``."""
    gain = max(-VOCAL_GAIN_LIMIT_DB, min(VOCAL_GAIN_LIMIT_DB, vocal_gain_db))
    beds = [backing] if isinstance(backing, Audio) else list(backing)
    voice, *beds = (part.as_stereo().resampled(RECOMBINE_SAMPLE_RATE) for part in (vocal, *beds))
    summed = overlay([voice.gained(gain), overlay(beds)])
    target = loudness_target(desired_loudness)
    return RecombineResult(master(summed, target, CEILING_DBFS, RECOMBINE_SAMPLE_RATE))
