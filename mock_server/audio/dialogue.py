"""Dialogue enhancement (post-production, EVIDENCE §12.21), simulated as per-track EQ and levelling.

What is simulated, per track, after levelling it to -24 LUFS:

* every mode: an 80 Hz high-pass (rumble, handling noise);
* ``ENHANCE`` / ``AD_ENHANCED`` / ``SOCIAL_MEDIA_VO``: -2 dB at 300 Hz (boxiness), a 3 kHz presence
  boost (+2 / +3 / +4 dB) and compression above -20 dBFS (3:1 / 4:1 / 4:1);
* ``PRESERVE``: nothing more;
* ``trackType`` ``DIALOGUE_SECONDARY`` sits 3 dB under the other tracks.

The tracks are summed (the shorter padded with silence) and mastered (:func:`.mastering.master`) to
-24 LUFS (a broadcast dialogue target), or to -16 LUFS when any track is ``SOCIAL_MEDIA_VO``, under
the -1 dBTP ceiling. All of it is [inferred]: the real processing and targets are undocumented.

Not simulated: de-noising, de-reverberation, de-essing, ADR matching, voice-over EQ curves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tonn_mock.audio.buffer import Audio, overlay
from tonn_mock.audio.dynamics import Compression, compress
from tonn_mock.audio.filters import apply_sos, butter_sos, chain_sos, peaking_sos
from tonn_mock.audio.mastering import master
from tonn_mock.audio.measure import loudness_normalised

DialogueMode = Literal["PRESERVE", "ENHANCE", "AD_ENHANCED", "SOCIAL_MEDIA_VO"]
DialogueTrackType = Literal["DIALOGUE_MAIN", "DIALOGUE_SECONDARY", "ADR", "VOICEOVER_LP", "VOICEOVER_HP"]
BROADCAST_LUFS = -24.0
SOCIAL_LUFS = -16.0
_HIGH_PASS_HZ = 80.0
_PRESENCE_DB: dict[str, float] = {"PRESERVE": 0.0, "ENHANCE": 2.0, "AD_ENHANCED": 3.0, "SOCIAL_MEDIA_VO": 4.0}
_RATIO: dict[str, float] = {"PRESERVE": 1.0, "ENHANCE": 3.0, "AD_ENHANCED": 4.0, "SOCIAL_MEDIA_VO": 4.0}
_TRACK_GAIN_DB: dict[str, float] = {"DIALOGUE_SECONDARY": -3.0}


@dataclass(frozen=True, eq=False)
class DialogueTrack:
    """One ``trackData`` entry: the recording, its role and how to enhance it."""

    audio: Audio
    track_type: DialogueTrackType
    mode: DialogueMode

    def __post_init__(self) -> None:
        if self.mode not in _PRESENCE_DB:
            raise ValueError(f"unknown dialogueEnhancementMode {self.mode!r}")


def enhance_dialogue(tracks: Sequence[DialogueTrack], sample_rate: int) -> Audio:
    """The enhanced dialogue: every track processed, summed and mastered at ``sample_rate``."""
    summed = overlay([enhance_track(track).resampled(sample_rate) for track in tracks])
    social = any(track.mode == "SOCIAL_MEDIA_VO" for track in tracks)
    return master(summed, SOCIAL_LUFS if social else BROADCAST_LUFS, sample_rate=sample_rate)


def enhance_track(track: DialogueTrack) -> Audio:
    """One track, in stereo: levelled, filtered, compressed and placed at its ``trackType``'s level."""
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
