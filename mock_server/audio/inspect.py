"""What an input file is, read cheaply: its header, and just enough samples to know it is not silent.

Tonn's input rules (:mod:`.rules`) need the container, sample rate, channel count and duration,
which the file header gives, and a silence verdict, which needs samples. The silence rule averages
the per-channel RMS over the first minute; that level only grows as more samples are read, so the
reading stops at the first block that proves the file audible. Checking a minute of music costs
one block; only silence (or near-silence) is read to the end of the minute.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
import soundfile

from tonn_mock.audio.codecs import NO_SAMPLES, READ_ERRORS, DecodedAudio, container_name, unreadable
from tonn_mock.audio.errors import UnreadableAudio

SILENCE_RMS = 0.0001
SILENCE_WINDOW_S = 60.0
_BLOCK_S = 1.0


@dataclass(frozen=True)
class AudioFacts:
    """What the input rules need to know about a file.

    ``level`` is the silence rule's measure (mean per-channel RMS of the first minute) when the
    file is silent; for an audible file it is a lower bound, read until it passed the threshold.
    """

    container: str
    sample_rate: int
    channels: int
    frames: int
    level: float

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0

    @property
    def silent(self) -> bool:
        return self.level < SILENCE_RMS or not np.isfinite(self.level)


def inspect(source: bytes | BinaryIO) -> AudioFacts:
    """The facts of an encoded file (bytes, or a seekable binary stream); :class:`UnreadableAudio`
    if it is not audio."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with soundfile.SoundFile(stream) as sound:
            frames = _frames(sound)
            window = min(frames, int(SILENCE_WINDOW_S * sound.samplerate))
            facts = AudioFacts(
                container=container_name(sound.format),
                sample_rate=sound.samplerate,
                channels=sound.channels,
                frames=frames,
                level=_level_until_audible(sound, window),
            )
    except READ_ERRORS as error:
        raise unreadable(error) from error
    if facts.frames == 0:
        raise UnreadableAudio(NO_SAMPLES)
    return facts


def facts_of(decoded: DecodedAudio) -> AudioFacts:
    """The same facts, from audio already decoded."""
    audio = decoded.audio
    window = audio.samples[: int(SILENCE_WINDOW_S * audio.sample_rate)]
    energy = np.einsum("ij,ij->j", window, window)
    level = _level(energy, len(window))
    return AudioFacts(decoded.container, audio.sample_rate, audio.channels, audio.frames, level)


def _frames(sound: soundfile.SoundFile) -> int:
    """Frames from the header; formats that do not record them are counted, then rewound."""
    if sound.frames > 0:
        return int(sound.frames)
    frames = sum(len(block) for block in sound.blocks(blocksize=65536))
    sound.seek(0)
    return frames


def _level_until_audible(sound: soundfile.SoundFile, window: int) -> float:
    """The silence level over ``window`` frames, read a block at a time until it passes the
    threshold (the level can only grow as more of the window is read)."""
    block = max(1, int(_BLOCK_S * sound.samplerate))
    energy = np.zeros(sound.channels)
    read = 0
    while read < window:
        samples = sound.read(min(block, window - read), always_2d=True)
        if len(samples) == 0:
            break
        energy += np.einsum("ij,ij->j", samples, samples)
        read += len(samples)
        if _level(energy, window) >= SILENCE_RMS:
            break
    return _level(energy, window)


def _level(energy: np.ndarray, frames: int) -> float:
    """RoEx's measure: the mean of the per-channel RMS values over ``frames`` frames."""
    return float(np.sqrt(energy / frames).mean()) if frames else 0.0
