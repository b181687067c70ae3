"""Audio clean-up (EVIDENCE §12.13), simulated as rumble filtering plus a downward expander.

For a single instrument recording of a given ``soundSource``:

1. a 2nd-order Butterworth high-pass below the instrument's useful range removes rumble and
   handling noise (30 Hz for kick up to 100 Hz for backing vocals and percussion);
2. the noise floor is estimated as the 10th percentile of 10 ms RMS levels, and everything more
   than 10 dB above it is kept; below that, a 1:2 downward expander (at most 20 dB, opening in
   5 ms, closing over 150 ms) pushes bleed and hiss down between notes and phrases.

The output keeps the input's rate and channel count. Not simulated: spectral denoising, de-bleed
against other tracks, de-reverb, de-click.
"""

from __future__ import annotations

from typing import Literal, get_args

import numpy as np

from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.dynamics import block_levels_db, expand
from tonn_mock.audio.filters import apply_sos, butter_sos

SoundSource = Literal[
    "KICK_GROUP",
    "SNARE_GROUP",
    "VOCAL_GROUP",
    "BACKING_VOX_GROUP",
    "PERCS_GROUP",
    "BRASS_GROUP",
    "STRINGS_GROUP",
    "E_GUITAR_GROUP",
    "ACOUSTIC_GUITAR_GROUP",
]
SOUND_SOURCES: tuple[SoundSource, ...] = get_args(SoundSource)
HIGH_PASS_HZ: dict[str, float] = {
    "KICK_GROUP": 30.0,
    "SNARE_GROUP": 80.0,
    "VOCAL_GROUP": 80.0,
    "BACKING_VOX_GROUP": 100.0,
    "PERCS_GROUP": 100.0,
    "BRASS_GROUP": 60.0,
    "STRINGS_GROUP": 40.0,
    "E_GUITAR_GROUP": 70.0,
    "ACOUSTIC_GUITAR_GROUP": 70.0,
}
GATE_ABOVE_FLOOR_DB = 10.0
EXPANSION_RATIO = 2.0
MAX_REDUCTION_DB = 20.0
_FLOOR_PERCENTILE = 10.0
_LEVEL_BLOCK_S = 0.010


def noise_floor_db(audio: Audio) -> float:
    """Estimated noise floor: the 10th percentile of 10 ms RMS levels, in dBFS."""
    block = max(1, round(_LEVEL_BLOCK_S * audio.sample_rate))
    return float(np.percentile(block_levels_db(audio, block, "rms"), _FLOOR_PERCENTILE))


def cleanup(audio: Audio, sound_source: SoundSource) -> Audio:
    """The cleaned track: high-passed for ``sound_source``, quiet gaps pushed further down."""
    if sound_source not in HIGH_PASS_HZ:
        raise ValueError(f"unknown soundSource {sound_source!r}")
    filtered = apply_sos(audio, butter_sos("highpass", HIGH_PASS_HZ[sound_source], audio.sample_rate, 2))
    threshold = noise_floor_db(filtered) + GATE_ABOVE_FLOOR_DB
    return expand(filtered, threshold, EXPANSION_RATIO, MAX_REDUCTION_DB)
