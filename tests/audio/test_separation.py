"""Stem separation splits a mix into stems that look like stems and always add back up to it."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import SEPARATION_STEMS, Audio, SeparationMode, separate, sine

from .conftest import tone_level_db

RATE = 44100


def energy(audio: Audio, start_s: float, stop_s: float) -> float:
    """Sum of squares of the first channel between two times."""
    return float(np.sum(audio.samples[round(start_s * RATE) : round(stop_s * RATE), 0] ** 2))


@pytest.mark.parametrize("mode", list(SEPARATION_STEMS))
def test_stems_are_stereo_44k_as_long_as_the_input_and_sum_back_to_it(
    song: Audio, mode: SeparationMode
) -> None:
    stems = separate(song.as_stereo(), mode)

    assert tuple(stems) == SEPARATION_STEMS[mode]
    assert all((s.channels, s.sample_rate, s.frames) == (2, RATE, song.frames) for s in stems.values())
    assert np.allclose(sum(stem.samples for stem in stems.values()), song.samples, atol=1e-9)


def test_both_modes_share_the_vocals_and_the_instrumental_is_the_other_stems(song: Audio) -> None:
    four, two = separate(song), separate(song, "vocals_instrumental")

    assert np.array_equal(four["vocals"].samples, two["vocals"].samples)
    others = four["bass"].samples + four["drums"].samples + four["other"].samples
    assert np.allclose(others, two["instrumental"].samples, atol=1e-9)


def test_steady_tones_land_in_vocals_bass_and_other_by_band() -> None:
    low, mid, high = (sine(f, 10.0, RATE, -12.0).samples for f in (60, 1000, 9000))
    stems = separate(Audio(low + mid + high, RATE))

    def level(stem: str, freq: float) -> float:
        return tone_level_db(stems[stem].samples[:, 0], RATE, freq)

    assert level("bass", 60) == pytest.approx(-12.0, abs=1.0)
    assert level("vocals", 1000) == pytest.approx(-12.0, abs=1.0)
    assert level("other", 9000) == pytest.approx(-12.0, abs=1.0)
    assert max(level("drums", f) for f in (60, 1000, 9000)) < -60.0  # nothing steady is a drum
    assert max(level("vocals", 60), level("vocals", 9000), level("bass", 1000), level("other", 60)) < -35.0


def test_only_what_the_channels_share_is_vocals() -> None:
    voice = sine(1000, 10.0, RATE, -12.0, channels=1).samples[:, 0]
    wide = Audio(np.stack([voice, -voice], axis=1), RATE)  # the same band, out of phase: no centre

    stems = separate(wide)

    assert np.abs(stems["vocals"].samples).max() < 1e-9
    assert tone_level_db(stems["other"].samples[:, 0], RATE, 1000) == pytest.approx(-12.0, abs=1.0)


def test_hits_go_to_the_drums_and_the_sustain_between_them_does_not() -> None:
    t = np.arange(10 * RATE) / RATE
    bed = 0.05 * np.sin(2 * np.pi * 9000 * t)
    hits = np.where(t >= 1.0, 0.5 * np.sin(2 * np.pi * 7000 * t) * np.exp(-(t % 1.0) / 0.01), 0.0)
    mix = Audio(np.stack([bed + hits] * 2, axis=1), RATE)

    drums = separate(mix)["drums"]

    for second in (1, 5, 9):
        assert energy(drums, second, second + 0.01) > 0.3 * energy(mix, second, second + 0.01)
        assert energy(drums, second + 0.4, second + 0.9) < 1e-6 * energy(mix, second + 0.4, second + 0.9)


def test_any_input_gives_stereo_44k_stems_of_its_length() -> None:
    mono_48k = sine(1000, 10.0, 48000, -12.0, channels=1)
    surround = Audio(np.tile(sine(440, 10.0, RATE, -12.0, channels=1).samples, (1, 6)), RATE)

    from_48k = separate(mono_48k, "vocals_instrumental")
    from_surround = separate(surround)

    assert {(s.channels, s.sample_rate, s.frames) for s in from_48k.values()} == {(2, RATE, 10 * RATE)}
    assert np.allclose(sum(s.samples for s in from_surround.values()), surround.samples[:, :2], atol=1e-9)


def test_separation_is_deterministic(song: Audio) -> None:
    first, second = separate(song), separate(song)
    assert all(np.array_equal(first[name].samples, second[name].samples) for name in first)


def test_an_unknown_mode_is_refused(song: Audio) -> None:
    with pytest.raises(ValueError, match="separationMode"):
        separate(song, "karaoke")  # type: ignore[arg-type]
