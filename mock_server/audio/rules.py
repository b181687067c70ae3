"""Input rules per product, as the Tonn service applies them (EVIDENCE §7).

RoEx added the same checks to its example scripts in a commit titled "added audio validation that
already exists in the api", so the mock enforces them in the examples' order: container format,
sample rate, duration, silence. Limits:

=================  =======================  ==========
product            formats                  max length
=================  =======================  ==========
mixing             WAV, FLAC                480 s per track
cleanup            WAV, FLAC                600 s
postprod           WAV, FLAC [inferred]     600 s [inferred]
mastering          WAV, FLAC, MP3           600 s
enhance            WAV, FLAC, MP3           600 s
analysis           WAV, FLAC, MP3           600 s
separation         WAV, FLAC, MP3           600 s [inferred]
recombine          WAV, FLAC, MP3           600 s [inferred]
=================  =======================  ==========

Every product: 44.1 or 48 kHz only, at least 10 s, and not silent (mean per-channel RMS of the
first minute below 0.0001, exactly as RoEx's validator measures it). The wording of the real
service's refusals is undocumented; these messages are the mock's own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from tonn_mock.audio.codecs import ContainerFormat, DecodedAudio
from tonn_mock.audio.errors import AudioRejected
from tonn_mock.audio.inspect import SILENCE_RMS, AudioFacts, facts_of

ALLOWED_SAMPLE_RATES = (44100, 48000)
MIN_DURATION_S = 10.0
MAX_MIX_TRACK_DURATION_S = 480.0
MAX_DURATION_S = 600.0

LOSSLESS: tuple[ContainerFormat, ...] = ("WAV", "FLAC")
ANY_FORMAT: tuple[ContainerFormat, ...] = ("WAV", "FLAC", "MP3")


@dataclass(frozen=True)
class InputRules:
    """What one product accepts as input audio: its containers and its longest input.

    Each product declares its rules with its registration; the rate, minimum length and silence
    rules are the same for every product.
    """

    product: str
    formats: tuple[ContainerFormat, ...] = ANY_FORMAT
    max_duration_s: float = MAX_DURATION_S


def check_input(decoded: DecodedAudio, rules: InputRules) -> None:
    """Raise :class:`AudioRejected` when ``decoded`` breaks one of the product's input ``rules``."""
    check_facts(facts_of(decoded), rules)


def check_facts(facts: AudioFacts, rules: InputRules) -> None:
    """The same rules, from a file's :class:`AudioFacts` (its header and first samples) alone."""
    _check_format(facts.container, rules)
    _check_sample_rate(facts.sample_rate)
    _check_duration(facts.duration, rules.max_duration_s)
    _check_not_silent(facts)


def _check_format(container: str, rules: InputRules) -> None:
    """Only the containers the product documents (mixing and clean-up are lossless only)."""
    allowed = rules.formats
    if container not in allowed:
        raise AudioRejected(
            f"Unsupported audio format for {rules.product}: {container} (use {' or '.join(allowed)})",
            code="unsupported_format",
        )


def _check_sample_rate(sample_rate: int) -> None:
    """44.1 kHz or 48 kHz, nothing else (no resampling on the way in)."""
    if sample_rate not in ALLOWED_SAMPLE_RATES:
        raise AudioRejected(
            f"Unsupported sample rate: {sample_rate} Hz (use 44100 or 48000 Hz)",
            code="unsupported_sample_rate",
        )


def _check_duration(duration: float, limit: float) -> None:
    """At least 10 s, at most the product's limit."""
    if duration < MIN_DURATION_S:
        raise AudioRejected(
            f"Audio file is too short: {_seconds(duration, math.floor)} s (minimum {MIN_DURATION_S:g} s)",
            code="audio_too_short",
        )
    if duration > limit:
        raise AudioRejected(
            f"Audio file is too long: {_seconds(duration, math.ceil)} s (maximum {limit:g} s)",
            code="audio_too_long",
        )


def _seconds(value: float, rounding: Callable[[float], int]) -> str:
    """Seconds to at most two decimals, rounded away from the limit so 9.999 never reads "10"."""
    return f"{rounding(value * 100) / 100:.2f}".rstrip("0").rstrip(".")


def _check_not_silent(facts: AudioFacts) -> None:
    """Refuse digital silence (and near-silence) before spending work on it."""
    if facts.silent:
        raise AudioRejected(
            f"Audio file is silent: RMS {facts.level:.6f} (minimum {SILENCE_RMS})", code="audio_silent"
        )
