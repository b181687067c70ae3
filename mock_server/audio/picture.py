"""What a person sees of a rendered file: its waveform and its short-term loudness over time.

The mock's inspector (``/_mock/``) draws these next to each result's audio player. They are worked
out here, on the server, with the engine's own meters (:mod:`.measure`), so the page draws plain
numbers as SVG: no audio decoding in the browser and no build step.

* The waveform is ``points`` buckets of equal length; each holds the lowest and highest sample of
  any channel in it, so a clipped or lopsided channel shows.
* Short-term loudness is BS.1770's ungated 3 s window every :data:`~.measure.SHORT_TERM_STEP_S`
  seconds (EBU Tech 3341), the curve a loudness meter's "S" reading draws; the integrated loudness
  and sample peak of the whole file come with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from tonn_mock.audio.buffer import Audio, FloatArray
from tonn_mock.audio.measure import (
    SHORT_TERM_STEP_S,
    SHORT_TERM_WINDOW_S,
    integrated_loudness,
    sample_peak_dbfs,
    short_term_loudness,
)

WAVEFORM_POINTS = 800
"""Buckets of the waveform by default: about the width in pixels of the inspector's plot."""


@dataclass(frozen=True)
class AudioPicture:
    """A file's waveform envelope and loudness curve, with the numbers that sum it up."""

    sample_rate: int
    channels: int
    duration: float
    integrated_lufs: float
    sample_peak_dbfs: float
    lowest: FloatArray
    """Per waveform bucket: the lowest sample of any channel."""
    highest: FloatArray
    """Per waveform bucket: the highest sample of any channel."""
    short_term_lufs: FloatArray
    """Short-term loudness of the 3 s windows ending at 3 s, 3 s + step, ... (``-inf``: silent)."""
    step: float = SHORT_TERM_STEP_S

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, rounded to what a plot can show; silence (``-inf``) is ``None``."""
        return {
            "sample_rate": self.sample_rate,
            "channels": self.channels,
            "duration": round(self.duration, 3),
            "integrated_lufs": _level(self.integrated_lufs),
            "sample_peak_dbfs": _level(self.sample_peak_dbfs),
            "waveform": {
                "seconds_per_point": self.duration / max(1, len(self.highest)),
                "min": [round(float(value), 4) for value in self.lowest],
                "max": [round(float(value), 4) for value in self.highest],
            },
            "short_term_loudness": {
                "window": SHORT_TERM_WINDOW_S,
                "step": self.step,
                "first_end": SHORT_TERM_WINDOW_S,
                "lufs": [_level(float(value)) for value in self.short_term_lufs],
            },
        }


def picture(audio: Audio, points: int = WAVEFORM_POINTS) -> AudioPicture:
    """The waveform (``points`` buckets) and short-term loudness curve of ``audio``."""
    lowest, highest = waveform(audio, points)
    return AudioPicture(
        sample_rate=audio.sample_rate,
        channels=audio.channels,
        duration=audio.duration,
        integrated_lufs=integrated_loudness(audio),
        sample_peak_dbfs=sample_peak_dbfs(audio),
        lowest=lowest,
        highest=highest,
        short_term_lufs=short_term_loudness(audio),
    )


def waveform(audio: Audio, points: int = WAVEFORM_POINTS) -> tuple[FloatArray, FloatArray]:
    """``(lowest, highest)`` sample of any channel in each of ``points`` equal buckets (at most one
    bucket per frame)."""
    if points < 1:
        raise ValueError(f"points must be >= 1, not {points}")
    count = min(points, audio.frames)
    if count == 0:
        return np.empty(0), np.empty(0)
    starts = np.linspace(0, audio.frames, count, endpoint=False).astype(np.int64)
    lowest = np.minimum.reduceat(audio.samples.min(axis=1), starts)
    highest = np.maximum.reduceat(audio.samples.max(axis=1), starts)
    return np.asarray(lowest, dtype=np.float64), np.asarray(highest, dtype=np.float64)


def _level(value: float) -> float | None:
    return round(value, 2) if math.isfinite(value) else None
