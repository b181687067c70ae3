"""Dialogue enhancement levels, cleans and brightens each track, then masters the sum to a target."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import (
    Audio,
    DialogueMode,
    DialogueTrack,
    enhance_dialogue,
    sine,
    stand_in_signal,
    true_peak_dbfs,
)
from tonn_mock.audio.dialogue import enhance_track

from .conftest import lufs, tone_level_db


@pytest.fixture(scope="module")
def voice() -> Audio:
    """A 12-second stand-in recording at 48 kHz."""
    return stand_in_signal("https://example.com/voice.wav", 12.0, 48000)


@pytest.mark.parametrize(("mode", "target"), [("ENHANCE", -24.0), ("SOCIAL_MEDIA_VO", -16.0)])
def test_dialogue_is_mastered_to_broadcast_or_social_loudness(
    voice: Audio, mode: DialogueMode, target: float
) -> None:
    enhanced = enhance_dialogue([DialogueTrack(voice, "DIALOGUE_MAIN", mode)], 44100)

    assert lufs(enhanced) == pytest.approx(target, abs=1.0)
    assert true_peak_dbfs(enhanced) <= -1.0
    assert (enhanced.sample_rate, enhanced.channels) == (44100, 2)
    assert enhanced.duration == pytest.approx(voice.duration, abs=1e-3)


def test_tracks_at_different_rates_and_lengths_are_summed_at_the_asked_rate(voice: Audio) -> None:
    guest = sine(240, 10.0, 44100, -20.0, channels=1)
    tracks = [DialogueTrack(voice, "DIALOGUE_MAIN", "ENHANCE"), DialogueTrack(guest, "ADR", "PRESERVE")]

    enhanced = enhance_dialogue(tracks, 48000)

    assert (enhanced.sample_rate, enhanced.frames) == (48000, voice.frames)
    assert tone_level_db(enhanced.samples[: 9 * 48000, 0], 48000, 240) > -40.0  # the guest is in it


def test_a_secondary_track_sits_3_db_under_the_main_one(voice: Audio) -> None:
    main = enhance_track(DialogueTrack(voice, "DIALOGUE_MAIN", "ENHANCE"))
    secondary = enhance_track(DialogueTrack(voice, "DIALOGUE_SECONDARY", "ENHANCE"))

    assert lufs(main) - lufs(secondary) == pytest.approx(3.0, abs=0.01)


@pytest.mark.parametrize(
    ("mode", "presence_db"),
    [("PRESERVE", 0.0), ("ENHANCE", 2.0), ("AD_ENHANCED", 3.0), ("SOCIAL_MEDIA_VO", 4.0)],
)
def test_each_mode_cuts_rumble_and_adds_its_presence(mode: DialogueMode, presence_db: float) -> None:
    rate = 44100
    tones = Audio(np.sum([sine(f, 10.0, rate, -30.0).samples for f in (40, 1000, 3000)], axis=0), rate)

    enhanced = enhance_track(DialogueTrack(tones, "ADR", mode))

    def level(freq: float) -> float:
        return tone_level_db(enhanced.samples[:, 0], rate, freq)

    assert level(40) < level(1000) - 10.0
    assert level(3000) - level(1000) == pytest.approx(presence_db, abs=0.5)


def test_an_unknown_mode_is_refused(voice: Audio) -> None:
    with pytest.raises(ValueError, match="dialogueEnhancementMode"):
        DialogueTrack(voice, "DIALOGUE_MAIN", "WHISPER")  # type: ignore[arg-type]


def test_dialogue_enhancement_is_deterministic(voice: Audio) -> None:
    tracks = [DialogueTrack(voice, "VOICEOVER_LP", "AD_ENHANCED")]
    assert np.array_equal(enhance_dialogue(tracks, 48000).samples, enhance_dialogue(tracks, 48000).samples)
