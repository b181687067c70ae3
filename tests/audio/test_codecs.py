"""Files in and out: what a processor decodes from an upload and what it writes as a result."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import (
    UnreadableAudio,
    content_type,
    decode,
    encode,
    sine,
)

from .conftest import Upload


@pytest.mark.parametrize(
    ("fmt", "bit_depth", "subtype"),
    [("WAV", 16, "PCM_16"), ("WAV", 24, "PCM_24"), ("FLAC", 16, "PCM_16"), ("FLAC", 24, "PCM_24")],
)
def test_lossless_files_round_trip_with_their_format_and_bit_depth(fmt, bit_depth, subtype) -> None:
    tone = sine(440, 1.0, 48000, amplitude_db=-6)

    decoded = decode(encode(tone, fmt, bit_depth))

    assert (decoded.container, decoded.subtype, decoded.bit_depth) == (fmt, subtype, bit_depth)
    assert decoded.audio.sample_rate == 48000
    assert decoded.audio.samples.shape == tone.samples.shape
    assert np.allclose(decoded.audio.samples, tone.samples, atol=2.0 ** -(bit_depth - 1))


def test_an_mp3_decodes_as_mp3_with_no_bit_depth_and_the_same_length() -> None:
    tone = sine(440, 2.0, 44100, amplitude_db=-6)

    decoded = decode(encode(tone, "MP3"))

    assert (decoded.container, decoded.subtype, decoded.bit_depth) == ("MP3", "MPEG_LAYER_III", None)
    assert decoded.audio.frames == tone.frames
    assert decoded.audio.channels == 2


@pytest.mark.parametrize("junk", [b"", b"hello world" * 100, np.random.default_rng(7).bytes(50_000)])
def test_bytes_that_are_not_audio_are_unreadable(junk: bytes) -> None:
    with pytest.raises(UnreadableAudio) as caught:
        decode(junk)

    assert caught.value.code == "unreadable_audio"
    assert caught.value.message.startswith("File is not readable audio")
    assert "0x" not in caught.value.message  # no object addresses leak into user messages


@pytest.mark.parametrize("fmt", ["WAV", "FLAC", "MP3"])
def test_encoding_is_deterministic(song, fmt) -> None:
    excerpt = song.excerpt(0, 3 * song.sample_rate)
    assert encode(excerpt, fmt) == encode(excerpt, fmt)


def test_over_full_scale_values_are_clipped_not_wrapped() -> None:
    hot = sine(100, 0.5, 44100, amplitude_db=+6)

    decoded = decode(encode(hot, "WAV", 16)).audio

    assert decoded.samples.max() > 0.999
    assert decoded.samples.min() >= -1.0
    assert np.all(np.sign(decoded.samples[hot.samples > 1.0]) > 0)


def test_mime_types_match_the_upload_flow() -> None:
    assert [content_type(f) for f in ("WAV", "FLAC", "MP3")] == ["audio/wav", "audio/flac", "audio/mpeg"]


def test_the_upload_helper_decodes_what_it_encodes(song, upload: Upload) -> None:
    decoded = upload(song, "FLAC", 24)
    assert decoded.container == "FLAC" and decoded.bit_depth == 24
