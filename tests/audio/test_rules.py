"""A user uploads something the service would refuse: each rule says clearly what is wrong."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tonn_mock.audio import PRODUCTS, Audio, AudioRejected, DecodedAudio, check_input, decode, encode, sine

from .conftest import Upload


def steady_hum(seconds: int) -> Audio:
    """A long constant-level buffer that costs no memory (a broadcast view), for length rules."""
    return Audio(np.broadcast_to(np.float64(0.01), (seconds * 44100, 1)), 44100)


def refusal(decoded, product) -> AudioRejected:
    with pytest.raises(AudioRejected) as caught:
        check_input(decoded, product)
    return caught.value


@pytest.fixture(scope="module")
def ten_second_files() -> dict[str, DecodedAudio]:
    """A clean ten-second tone as each container, decoded once for the whole module."""
    tone = sine(440, 10.0, 44100, -12)
    return {fmt: decode(encode(tone, fmt, 24)) for fmt in ("WAV", "FLAC", "MP3")}


@pytest.mark.parametrize("product", PRODUCTS)
def test_a_normal_wav_is_accepted_by_every_product(product, ten_second_files) -> None:
    check_input(ten_second_files["WAV"], product)


def test_a_4_second_clip_is_too_short(upload: Upload) -> None:
    error = refusal(upload(sine(440, 4.2, 44100, -12)), "mastering")

    assert error.code == "audio_too_short"
    assert error.message == "Audio file is too short: 4.2 s (minimum 10 s)"


def test_just_under_ten_seconds_never_reads_as_ten(upload: Upload) -> None:
    error = refusal(upload(sine(440, 9.999, 48000, -12)), "analysis")
    assert "9.99 s" in error.message


def test_silence_is_refused(upload: Upload) -> None:
    error = refusal(upload(Audio.silence(12.0, 44100)), "analysis")

    assert error.code == "audio_silent"
    assert error.message.startswith("Audio file is silent")


def test_near_silent_hiss_is_refused_but_quiet_music_is_not(upload: Upload) -> None:
    hiss = Audio(np.random.default_rng(1).normal(0, 0.00005, (441000, 2)), 44100)
    quiet = sine(440, 10.0, 44100, amplitude_db=-70)

    assert refusal(upload(hiss, "WAV", 24), "enhance").code == "audio_silent"
    check_input(upload(quiet, "WAV", 24), "enhance")


def test_a_22050_hz_file_is_refused_for_its_rate(upload: Upload) -> None:
    error = refusal(upload(sine(440, 12.0, 22050, -12)), "mastering")

    assert error.code == "unsupported_sample_rate"
    assert error.message == "Unsupported sample rate: 22050 Hz (use 44100 or 48000 Hz)"


@pytest.mark.parametrize(("product", "seconds", "limit"), [("mixing", 481, 480), ("mastering", 601, 600)])
def test_tracks_over_the_product_limit_are_too_long(product, seconds, limit) -> None:
    decoded = DecodedAudio(steady_hum(seconds), "WAV", "PCM_16", 16)

    error = refusal(decoded, product)

    assert error.code == "audio_too_long"
    assert re.fullmatch(rf"Audio file is too long: {seconds} s \(maximum {limit} s\)", error.message)


def test_eight_minute_tracks_are_fine_for_mastering_but_not_for_mixing() -> None:
    decoded = DecodedAudio(steady_hum(500), "WAV", "PCM_16", 16)

    check_input(decoded, "mastering")
    assert refusal(decoded, "mixing").code == "audio_too_long"


@pytest.mark.parametrize("product", ["mixing", "cleanup"])
def test_lossless_only_products_refuse_mp3(product, ten_second_files) -> None:
    error = refusal(ten_second_files["MP3"], product)

    assert error.code == "unsupported_format"
    assert error.message == f"Unsupported audio format for {product}: MP3 (use WAV or FLAC)"


@pytest.mark.parametrize("product", ["mastering", "enhance", "analysis", "separation", "recombine"])
def test_mp3_and_flac_are_fine_elsewhere(product, ten_second_files) -> None:
    check_input(ten_second_files["MP3"], product)
    check_input(ten_second_files["FLAC"], product)


def test_an_unknown_product_is_a_programming_error(ten_second_files) -> None:
    with pytest.raises(ValueError, match="unknown product"):
        check_input(ten_second_files["WAV"], "karaoke")  # type: ignore[arg-type]
