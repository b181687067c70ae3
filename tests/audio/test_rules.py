"""A user uploads something the service would refuse: each rule says clearly what is wrong.

The rules under test are the ones the products register (``input_rules`` of each product in the
catalog), so a product that declares the wrong formats or length limit fails here.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from tonn_mock.audio import (
    ANY_FORMAT,
    LOSSLESS,
    Audio,
    AudioRejected,
    DecodedAudio,
    InputRules,
    check_input,
    decode,
    encode,
    sine,
)
from tonn_mock.products import catalog

from .conftest import Upload

REGISTERED = [product.input_rules for product in catalog().products if product.input_rules]
RULES = {rules.product: rules for rules in REGISTERED}
LOSSLESS_ONLY = ["cleanup", "mixing", "postprod"]
ANY_CONTAINER = ["analysis", "enhance", "mastering", "recombine", "separation"]
LIMIT_S = {**dict.fromkeys(RULES, 600), "mixing": 480}


def steady_hum(seconds: int) -> Audio:
    """A long constant-level buffer that costs no memory (a broadcast view), for length rules."""
    return Audio(np.broadcast_to(np.float64(0.01), (seconds * 44100, 1)), 44100)


def refusal(decoded: DecodedAudio, rules: InputRules) -> AudioRejected:
    with pytest.raises(AudioRejected) as caught:
        check_input(decoded, rules)
    return caught.value


@pytest.fixture(scope="module")
def ten_second_files() -> dict[str, DecodedAudio]:
    """A clean ten-second tone as each container, decoded once for the whole module."""
    tone = sine(440, 10.0, 44100, -12)
    return {fmt: decode(encode(tone, fmt, 24)) for fmt in ("WAV", "FLAC", "MP3")}


def test_every_product_that_takes_audio_registers_rules_under_its_own_name() -> None:
    assert sorted(RULES) == sorted(LOSSLESS_ONLY + ANY_CONTAINER)
    assert len(REGISTERED) == len(RULES)
    assert all(p.input_rules.product == p.name for p in catalog().products if p.input_rules)


def test_formats_and_length_limits_per_product() -> None:
    assert {name: rules.formats for name, rules in RULES.items()} == {
        **dict.fromkeys(LOSSLESS_ONLY, LOSSLESS),
        **dict.fromkeys(ANY_CONTAINER, ANY_FORMAT),
    }
    assert {name: rules.max_duration_s for name, rules in RULES.items()} == LIMIT_S


def test_rules_default_to_any_container_up_to_ten_minutes() -> None:
    assert InputRules("karaoke") == InputRules("karaoke", ("WAV", "FLAC", "MP3"), 600.0)


@pytest.mark.parametrize("rules", REGISTERED, ids=lambda rules: rules.product)
def test_a_normal_wav_is_accepted_by_every_product(
    rules: InputRules, ten_second_files: dict[str, DecodedAudio]
) -> None:
    check_input(ten_second_files["WAV"], rules)


@pytest.mark.parametrize("rules", REGISTERED, ids=lambda rules: rules.product)
def test_a_4_second_clip_is_too_short(rules: InputRules, upload: Upload) -> None:
    error = refusal(upload(sine(440, 4.2, 44100, -12)), rules)

    assert error.code == "audio_too_short"
    assert error.message == "Audio file is too short: 4.2 s (minimum 10 s)"


def test_just_under_ten_seconds_never_reads_as_ten(upload: Upload) -> None:
    error = refusal(upload(sine(440, 9.999, 48000, -12)), RULES["analysis"])
    assert "9.99 s" in error.message


@pytest.mark.parametrize("rules", REGISTERED, ids=lambda rules: rules.product)
def test_silence_is_refused(rules: InputRules, upload: Upload) -> None:
    error = refusal(upload(Audio.silence(12.0, 44100)), rules)

    assert error.code == "audio_silent"
    assert error.message.startswith("Audio file is silent")


def test_near_silent_hiss_is_refused_but_quiet_music_is_not(upload: Upload) -> None:
    hiss = Audio(np.random.default_rng(1).normal(0, 0.00005, (441000, 2)), 44100)
    quiet = sine(440, 10.0, 44100, amplitude_db=-70)

    assert refusal(upload(hiss, "WAV", 24), RULES["enhance"]).code == "audio_silent"
    check_input(upload(quiet, "WAV", 24), RULES["enhance"])


@pytest.mark.parametrize("rules", REGISTERED, ids=lambda rules: rules.product)
def test_a_22050_hz_file_is_refused_for_its_rate(rules: InputRules, upload: Upload) -> None:
    error = refusal(upload(sine(440, 12.0, 22050, -12)), rules)

    assert error.code == "unsupported_sample_rate"
    assert error.message == "Unsupported sample rate: 22050 Hz (use 44100 or 48000 Hz)"


@pytest.mark.parametrize("rules", REGISTERED, ids=lambda rules: rules.product)
def test_tracks_over_the_product_limit_are_too_long(rules: InputRules) -> None:
    limit = LIMIT_S[rules.product]
    check_input(DecodedAudio(steady_hum(limit), "WAV", "PCM_16", 16), rules)

    error = refusal(DecodedAudio(steady_hum(limit + 1), "WAV", "PCM_16", 16), rules)

    assert error.code == "audio_too_long"
    assert re.fullmatch(rf"Audio file is too long: {limit + 1} s \(maximum {limit} s\)", error.message)


def test_eight_minute_tracks_are_fine_for_mastering_but_not_for_mixing() -> None:
    decoded = DecodedAudio(steady_hum(500), "WAV", "PCM_16", 16)

    check_input(decoded, RULES["mastering"])
    assert refusal(decoded, RULES["mixing"]).code == "audio_too_long"


@pytest.mark.parametrize("product", LOSSLESS_ONLY)
def test_lossless_only_products_refuse_mp3_but_take_flac(
    product: str, ten_second_files: dict[str, DecodedAudio]
) -> None:
    error = refusal(ten_second_files["MP3"], RULES[product])

    assert error.code == "unsupported_format"
    assert error.message == f"Unsupported audio format for {product}: MP3 (use WAV or FLAC)"
    check_input(ten_second_files["FLAC"], RULES[product])


@pytest.mark.parametrize("product", ANY_CONTAINER)
def test_mp3_and_flac_are_fine_elsewhere(product: str, ten_second_files: dict[str, DecodedAudio]) -> None:
    check_input(ten_second_files["MP3"], RULES[product])
    check_input(ten_second_files["FLAC"], RULES[product])
