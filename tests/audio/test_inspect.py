"""Reading only a file's header and first samples gives the same verdict as decoding it whole."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import Audio, AudioRejected, InputRules, check_input, decode, encode, sine
from tonn_mock.audio.errors import UnreadableAudio
from tonn_mock.audio.inspect import inspect
from tonn_mock.audio.rules import LOSSLESS, check_facts

MASTERING = InputRules("mastering")
MIXING = InputRules("mixing", LOSSLESS, 480.0)


def silence_then_tone(silent_s: float, tone_s: float, level: float = 0.2) -> Audio:
    rate = 44100
    quiet = np.zeros((int(silent_s * rate), 2))
    tone = sine(440, tone_s, rate, 20 * np.log10(level)).samples
    return Audio(np.concatenate([quiet, tone]), rate)


def verdict(check: object) -> str:
    try:
        check()  # type: ignore[operator]
    except AudioRejected as refused:
        return str(refused)
    return "accepted"


CASES = {
    "a WAV tone": (sine(440, 12.0, 44100, -12), "WAV", MASTERING),
    "a FLAC tone at 48 kHz": (sine(440, 12.0, 48000, -12), "FLAC", MASTERING),
    "an MP3 tone": (sine(440, 12.0, 44100, -12), "MP3", MASTERING),
    "an MP3 for a lossless-only product": (sine(440, 12.0, 44100, -12), "MP3", MIXING),
    "22.05 kHz": (sine(440, 12.0, 22050, -12), "WAV", MASTERING),
    "9.5 s": (sine(440, 9.5, 44100, -12), "WAV", MASTERING),
    "digital silence": (Audio(np.zeros((44100 * 12, 2)), 44100), "WAV", MASTERING),
    "near silence": (sine(440, 12.0, 44100, -90), "WAV", MASTERING),
    "silence, then music after the first minute": (silence_then_tone(61.0, 5.0), "FLAC", MASTERING),
    "silence, then music late in the first minute": (silence_then_tone(50.0, 15.0), "FLAC", MASTERING),
    "a whisper of sound in a long silence": (silence_then_tone(40.0, 0.2, 0.0015), "WAV", MASTERING),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_facts_give_the_same_verdict_and_message_as_the_decoded_file(case: str) -> None:
    audio, fmt, rules = CASES[case]
    data = encode(audio, fmt, 16)

    from_facts = verdict(lambda: check_facts(inspect(data), rules))

    assert from_facts == verdict(lambda: check_input(decode(data), rules))


def test_an_audible_file_is_judged_from_its_first_second() -> None:
    facts = inspect(encode(sine(440, 300.0, 44100, -12), "WAV", 16))
    assert not facts.silent and facts.duration == 300.0 and (facts.sample_rate, facts.channels) == (44100, 2)


def test_bytes_that_are_not_audio_are_unreadable_as_when_decoded() -> None:
    with pytest.raises(UnreadableAudio) as by_facts:
        inspect(b"<html>not audio</html>")
    with pytest.raises(UnreadableAudio) as by_decoding:
        decode(b"<html>not audio</html>")
    assert str(by_facts.value) == str(by_decoding.value)
