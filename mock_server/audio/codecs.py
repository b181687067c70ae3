"""Decoding uploads and encoding results, through libsndfile (:mod:`soundfile`).

What is simulated: the three containers Tonn accepts and produces (WAV, FLAC, MP3; EVIDENCE §5-§6),
at 16- or 24-bit PCM for the lossless ones. MP3 is written by libsndfile's LAME encoder at its
default variable bit rate. Encoding is deterministic for all three formats (checked by the tests):
libsndfile writes no timestamps and LAME has no random state, so the same audio gives the same bytes.

Not simulated: AIFF/OGG outputs, bit-rate choices, ID3 tags.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

import numpy as np
import soundfile

from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.errors import UnreadableAudio

ContainerFormat = Literal["WAV", "FLAC", "MP3"]
BitDepth = Literal[16, 24]

# libsndfile names WAVE_FORMAT_EXTENSIBLE and 64-bit RIFF files differently; users call them WAV.
_CONTAINER_ALIASES = {"WAVEX": "WAV", "RF64": "WAV"}
_SUBTYPE_BITS = {
    "PCM_S8": 8,
    "PCM_U8": 8,
    "PCM_16": 16,
    "PCM_24": 24,
    "PCM_32": 32,
    "FLOAT": 32,
    "DOUBLE": 64,
}
_PCM_SUBTYPES: dict[int, str] = {16: "PCM_16", 24: "PCM_24"}
_MP3_SUBTYPE = "MPEG_LAYER_III"


@dataclass(frozen=True)
class DecodedAudio:
    """Decoded samples plus what the file said about itself.

    ``container`` is libsndfile's major format (``"WAV"``, ``"FLAC"``, ``"MP3"``, but also e.g.
    ``"AIFF"`` or ``"OGG"``, which the input rules then refuse with a clear message).
    ``bit_depth`` is ``None`` for lossy formats, which have no sample word length.
    """

    audio: Audio
    container: str
    subtype: str
    bit_depth: int | None


READ_ERRORS = (soundfile.SoundFileError, RuntimeError, TypeError, ValueError)
NO_SAMPLES = "File is not readable audio: it contains no samples"


def unreadable(error: Exception) -> UnreadableAudio:
    """The error for bytes libsndfile cannot read, with its reason."""
    return UnreadableAudio(f"File is not readable audio: {_reason(error)}")


def container_name(libsndfile_format: str) -> str:
    """The container as users name it (libsndfile's WAVEX and RF64 are WAV files)."""
    return _CONTAINER_ALIASES.get(libsndfile_format, libsndfile_format)


def decode(data: bytes) -> DecodedAudio:
    """Decode any libsndfile-readable file held in memory; raise :class:`UnreadableAudio` if not."""
    try:
        with soundfile.SoundFile(io.BytesIO(data)) as sound:
            samples = sound.read(dtype="float64", always_2d=True)
            container, subtype, rate = sound.format, sound.subtype, sound.samplerate
    except READ_ERRORS as error:
        raise unreadable(error) from error
    if samples.shape[0] == 0:
        raise UnreadableAudio(NO_SAMPLES)
    return DecodedAudio(
        audio=Audio(samples, rate),
        container=container_name(container),
        subtype=subtype,
        bit_depth=_SUBTYPE_BITS.get(subtype),
    )


def _reason(error: Exception) -> str:
    """libsndfile's own explanation, without the in-memory file object's address."""
    text = str(getattr(error, "error_string", "") or error)
    return text.rsplit(": ", 1)[-1].strip() or "unknown format"


def encode(audio: Audio, fmt: ContainerFormat, bit_depth: BitDepth = 16) -> bytes:
    """Encode ``audio`` as a complete WAV, FLAC or MP3 file.

    Samples are clipped to full scale first, as a DAW export would: libsndfile does not clip by
    itself, and an over-range float must not wrap around. ``bit_depth`` is ignored for MP3.
    """
    subtype = _MP3_SUBTYPE if fmt == "MP3" else _pcm_subtype(bit_depth)
    samples = np.clip(audio.samples, -1.0, 1.0)
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, audio.sample_rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def _pcm_subtype(bit_depth: int) -> str:
    """The libsndfile subtype for a PCM word length Tonn produces (16 or 24 bit)."""
    try:
        return _PCM_SUBTYPES[bit_depth]
    except KeyError:
        raise ValueError(f"bit_depth must be 16 or 24, got {bit_depth}") from None


def content_type(fmt: ContainerFormat) -> str:
    """The MIME type Tonn's upload flow uses for each container (EVIDENCE §5)."""
    return {"WAV": "audio/wav", "FLAC": "audio/flac", "MP3": "audio/mpeg"}[fmt]
