"""Mix Enhance ("mix revive", EVIDENCE §12.10-§12.12), simulated as tone and loudness correction.

What is simulated:

* tonal correction (``fixTonalProfileIssues``): the bass and high bands are compared with the
  analysis reference spectrum (:mod:`.analysis`) and half of each deviation is corrected with a
  shelf (150 Hz low shelf, 6 kHz high shelf), at most +-3 dB, so a dull mix gets a gentle lift
  and a harsh one a gentle cut;
* loudness (``loudnessPreference``): CD_LOUDNESS -> -9 LUFS, STREAMING_LOUDNESS -> -14 LUFS,
  NO_CHANGE keeps the input's integrated loudness; in every case through the mastering limiter,
  so the result never passes -1 dBTP (which is also how clipping is "fixed");
* stems (``getProcessedStems``): the stems :func:`.separation.separate` gives of the enhanced
  track, keyed ``vocal``/``bass``/``drums``/``other`` as the enhance endpoint names them.

The output keeps the input's sample rate. Not simulated: stereo-width repair, drum or vocal
enhancement, genre-specific processing.
"""

from __future__ import annotations

import math
from typing import Literal

from tonn_mock.audio.analysis import tonal_deviation_db
from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.filters import apply_sos, chain_sos, shelf_sos
from tonn_mock.audio.mastering import CEILING_DBFS, master
from tonn_mock.audio.measure import integrated_loudness
from tonn_mock.audio.separation import separate

LoudnessPreference = Literal["CD_LOUDNESS", "STREAMING_LOUDNESS", "NO_CHANGE"]
ENHANCE_TARGETS: dict[str, float] = {"CD_LOUDNESS": -9.0, "STREAMING_LOUDNESS": -14.0}
LOW_SHELF_HZ = 150.0
HIGH_SHELF_HZ = 6000.0
MAX_SHELF_DB = 3.0
_STEM_NAMES = {"vocals": "vocal", "bass": "bass", "drums": "drums", "other": "other"}


def tonal_correction_db(audio: Audio) -> tuple[float, float]:
    """(low shelf, high shelf) gains that halve the bass and high deviations from the reference."""
    deviations = tonal_deviation_db(audio.samples, audio.sample_rate)

    def half_fix(band: str) -> float:
        return round(max(-MAX_SHELF_DB, min(MAX_SHELF_DB, -deviations[band] / 2.0)), 2)

    return half_fix("bass_frequency"), half_fix("high_frequency")


def enhance(
    audio: Audio,
    loudness_preference: LoudnessPreference = "NO_CHANGE",
    fix_tonal_profile: bool = True,
) -> Audio:
    """The enhanced full-length track (see the module docstring for what changes)."""
    processed = audio
    if fix_tonal_profile:
        low, high = tonal_correction_db(audio)
        shelves = chain_sos(
            shelf_sos("low", LOW_SHELF_HZ, low, audio.sample_rate),
            shelf_sos("high", HIGH_SHELF_HZ, high, audio.sample_rate),
        )
        processed = apply_sos(audio, shelves)
    target = ENHANCE_TARGETS.get(loudness_preference, integrated_loudness(audio))
    if not math.isfinite(target):
        return processed
    return master(processed, target, CEILING_DBFS, audio.sample_rate)


def enhance_stems(enhanced: Audio) -> dict[str, Audio]:
    """Processed stems of an enhanced track, keyed vocal/bass/drums/other."""
    return {_STEM_NAMES[name]: stem for name, stem in separate(enhanced, "all_stems").items()}
