"""A stand-in for dialogue enhancement: clean-up EQ and levelling per track, then a loudness target.

What is simulated, per track, after levelling it to -24 LUFS:

* every mode: an 80 Hz high-pass (rumble, handling noise);
* ``ENHANCE`` / ``AD_ENHANCED`` / ``SOCIAL_MEDIA_VO``: -2 dB at 300 Hz (boxiness), a 3 kHz presence
  boost (+2 / +3 / +4 dB) and compression above -20 dBFS (3:1 / 4:1 / 4:1);
* ``PRESERVE``: nothing more;
* ``trackType`` ``DIALOGUE_SECONDARY`` sits 3 dB under the other tracks.

The tracks are summed and mastered to -24 LUFS (a broadcast dialogue target), or to -16 LUFS when
any track is ``SOCIAL_MEDIA_VO``, under a -1 dBTP ceiling. All of it is [inferred]: the real
processing and targets are undocumented (dossier §12.21).

Not simulated: de-noising, de-reverberation, de-essing, ADR matching, voice-over EQ curves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..audio.buffer import Audio
from ..audio.dynamics import Compression, compress
from ..audio.filters import apply_sos, butter_sos, chain_sos, peaking_sos
from ..audio.mastering import master
from ..audio.measure import loudness_normalised

BROADCAST_LUFS = -24.0
SOCIAL_LUFS = -16.0
_HIGH_PASS_HZ = 80.0
_PRESENCE_DB = {"PRESERVE": 0.0, "ENHANCE": 2.0, "AD_ENHANCED": 3.0, "SOCIAL_MEDIA_VO": 4.0}
_RATIO = {"PRESERVE": 1.0, "ENHANCE": 3.0, "AD_ENHANCED": 4.0, "SOCIAL_MEDIA_VO": 4.0}
_TRACK_GAIN_DB = {"DIALOGUE_SECONDARY": -3.0}


@dataclass(frozen=True)
class DialogueTrack:
    audio: Audio
    track_type: str
    mode: str


def enhance(tracks: Sequence[DialogueTrack], sample_rate: int) -> Audio:
    """The enhanced dialogue: every track processed, summed and mastered at ``sample_rate``."""
    processed = [process(track).resampled(sample_rate) for track in tracks]
    frames = max(part.frames for part in processed)
    summed = Audio(np.sum([part.padded(frames).samples for part in processed], axis=0), sample_rate)
    social = any(track.mode == "SOCIAL_MEDIA_VO" for track in tracks)
    return master(summed, SOCIAL_LUFS if social else BROADCAST_LUFS, sample_rate=sample_rate)


def process(track: DialogueTrack) -> Audio:
    """One track: levelled, filtered, compressed and placed at its ``trackType``'s level."""
    audio = loudness_normalised(track.audio.as_stereo(), BROADCAST_LUFS)
    rate = audio.sample_rate
    sections = [butter_sos("highpass", _HIGH_PASS_HZ, rate, order=2)]
    if track.mode != "PRESERVE":
        sections += [
            peaking_sos(300.0, -2.0, 1.0, rate),
            peaking_sos(3000.0, _PRESENCE_DB[track.mode], 1.0, rate),
        ]
    audio = apply_sos(audio, chain_sos(*sections))
    audio = compress(
        audio, Compression(threshold=-20.0, ratio=_RATIO[track.mode], attack_ms=5.0, release_ms=120.0)
    )
    return audio.gained(_TRACK_GAIN_DB.get(track.track_type, 0.0))
