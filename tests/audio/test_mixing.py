"""A user mixes tracks: gains, pans and effects land as asked, and the AI settings are applied."""

from __future__ import annotations

import numpy as np
import pytest

from tonn_mock.audio import (
    Audio,
    Compression,
    EqBand,
    TrackInput,
    TrackMeta,
    auto_mix_settings,
    integrated_loudness,
    mix,
    sine,
    track_from_settings,
)
from tonn_mock.audio.mixing import pan_gains

from .conftest import tone_level_db


def mono_tone(freq: float, seconds: float = 10.0, level_db: float = -12.0, rate: int = 44100) -> Audio:
    return sine(freq, seconds, rate, amplitude_db=level_db, channels=1)


def test_two_tones_keep_their_requested_relative_gains() -> None:
    tracks = [TrackInput(mono_tone(440), gain_db=-3.0), TrackInput(mono_tone(1000), gain_db=-9.5)]

    result = mix(tracks)
    left = result.audio.samples[:, 0]

    difference = tone_level_db(left, 44100, 440) - tone_level_db(left, 44100, 1000)
    assert difference == pytest.approx(6.5, abs=0.5)
    assert result.headroom_gain_db == 0.0


def test_a_centred_mono_track_sits_3_db_down_in_each_channel() -> None:
    result = mix([TrackInput(mono_tone(440, level_db=-12.0))]).audio

    for channel in (0, 1):
        assert tone_level_db(result.samples[:, channel], 44100, 440) == pytest.approx(-15.01, abs=0.1)


@pytest.mark.parametrize(("angle", "silent_channel"), [(-60.0, 1), (60.0, 0)])
def test_hard_panning_empties_the_other_side(angle, silent_channel) -> None:
    result = mix([TrackInput(mono_tone(440), pan_angle=angle)]).audio

    assert np.abs(result.samples[:, silent_channel]).max() < 1e-9
    assert np.abs(result.samples[:, 1 - silent_channel]).max() == pytest.approx(10 ** (-12 / 20), rel=1e-3)


def test_the_pan_law_keeps_power_constant_across_the_field() -> None:
    for angle in np.linspace(-60, 60, 13):
        left, right = pan_gains(float(angle), source_channels=1)
        assert left**2 + right**2 == pytest.approx(1.0)


def test_tracks_of_different_lengths_and_rates_are_padded_and_resampled() -> None:
    short = TrackInput(sine(440, 10.0, 48000, -12, channels=2))
    long = TrackInput(sine(660, 12.5, 44100, -12, channels=2))

    result = mix([short, long], sample_rate=44100).audio

    assert result.frames == round(12.5 * 44100)
    assert np.abs(result.samples[11 * 44100 :, 0]).max() == pytest.approx(10 ** (-12 / 20), rel=1e-3)


def test_a_sum_that_would_clip_is_brought_down_and_the_gain_reported() -> None:
    loud = [TrackInput(sine(f, 10.0, 44100, -1.0, channels=2)) for f in (200, 300, 500)]

    result = mix(loud)

    peak_db = 20 * np.log10(np.abs(result.audio.samples).max())
    assert peak_db == pytest.approx(-1.0, abs=0.01)
    assert result.headroom_gain_db < -5.0


def test_a_peaking_eq_band_lifts_only_its_region() -> None:
    both = Audio(mono_tone(1000).samples + mono_tone(100).samples, 44100)

    boosted = mix([TrackInput(both, eq=(EqBand(centre_freq=1000, gain=6.0, q=2.0),))]).audio
    plain = mix([TrackInput(both)]).audio

    at = lambda audio, f: tone_level_db(audio.samples[:, 0], 44100, f)  # noqa: E731
    assert at(boosted, 1000) - at(plain, 1000) == pytest.approx(6.0, abs=0.2)
    assert at(boosted, 100) - at(plain, 100) == pytest.approx(0.0, abs=0.2)


def test_the_compressor_turns_down_what_is_over_the_threshold() -> None:
    loud = mono_tone(440, level_db=-6.0)
    squeeze = Compression(threshold=-20.0, ratio=4.0, attack_ms=5.0, release_ms=100.0)

    squashed = mix([TrackInput(loud, compression=squeeze)]).audio
    level = tone_level_db(squashed.samples[44100:, 0], 44100, 440)

    assert level == pytest.approx(-20.0 + 14.0 / 4.0 - 3.01, abs=0.5)  # 14 dB over -> 3.5 dB over


def tracks_meta() -> list[TrackMeta]:
    return [
        TrackMeta("bass.wav", "BASS_GROUP", loudness_lufs=-16.0),
        TrackMeta("vox.wav", "VOCAL_GROUP", presence="LEAD", loudness_lufs=-22.0),
        TrackMeta("gtr1.wav", "E_GUITAR_GROUP", loudness_lufs=-20.0),
        TrackMeta("gtr2.wav", "E_GUITAR_GROUP", loudness_lufs=-20.0),
        TrackMeta("keys.wav", "KEYS_GROUP", pan_preference="RIGHT", loudness_lufs=-25.0),
    ]


def test_auto_mix_settings_have_tonns_shape_for_every_track() -> None:
    settings = auto_mix_settings(tracks_meta())

    assert list(settings) == ["bass.wav", "vox.wav", "gtr1.wav", "gtr2.wav", "keys.wav"]
    for fx in settings.values():
        assert set(fx) == {"gain_settings", "eq_settings", "drc_settings", "panning_settings"}
        assert set(fx["gain_settings"]) == {"gain_db", "initial_gain", "gain_amplitude"}
        assert set(fx["drc_settings"]) == {"threshold", "ratio", "attack_ms", "release_ms"}
        assert all(set(band) == {"centre_freq", "gain", "q"} for band in fx["eq_settings"].values())
        assert -60.0 <= fx["panning_settings"]["panning_angle"] <= 60.0
        assert fx["gain_settings"]["gain_amplitude"] == pytest.approx(
            10 ** (fx["gain_settings"]["gain_db"] / 20), abs=1e-4
        )


def test_auto_mix_decisions_follow_group_presence_and_pan_preference() -> None:
    settings = auto_mix_settings(tracks_meta())
    angle = {name: fx["panning_settings"]["panning_angle"] for name, fx in settings.items()}

    assert settings["vox.wav"]["gain_settings"]["gain_db"] == pytest.approx(7.0)  # -18 + 3 (lead) - -22
    assert (angle["bass.wav"], angle["vox.wav"], angle["keys.wav"]) == (0.0, 0.0, 30.0)
    assert angle["gtr1.wav"] == -angle["gtr2.wav"] != 0.0
    assert auto_mix_settings(tracks_meta()) == settings


def test_duplicate_track_names_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        auto_mix_settings([TrackMeta("a.wav", "BASS_GROUP"), TrackMeta("a.wav", "KEYS_GROUP")])


def test_the_settings_reported_are_exactly_the_ones_the_mixer_applies() -> None:
    tone = mono_tone(440, level_db=-30.0)
    meta = TrackMeta("keys.wav", "KEYS_GROUP", pan_preference="LEFT", loudness_lufs=integrated_loudness(tone))
    fx = auto_mix_settings([meta])["keys.wav"]

    track = track_from_settings(tone, fx)

    assert track.gain_db == fx["gain_settings"]["gain_db"]
    assert track.pan_angle == fx["panning_settings"]["panning_angle"] == -30.0
    assert [(b.centre_freq, b.gain, b.q) for b in track.eq] == [
        (band["centre_freq"], band["gain"], band["q"]) for band in fx["eq_settings"].values()
    ]
    assert track.compression == Compression(**fx["drc_settings"])


def test_final_mix_request_shape_is_understood_too() -> None:
    request_track = {
        "gainDb": -4.0,
        "panning_settings": {"panning_angle": 15.0},
        "eq_settings": {
            "band_2": {"gain": 2.0, "q": 1.0, "centre_freq": 800},
            "band_1": {"gain": -1.0, "q": 0.7, "centre_freq": 90},
        },
        "compression_settings": {"threshold": -18, "ratio": 2, "attack_ms": 10, "release_ms": 120},
    }

    track = track_from_settings(mono_tone(440), request_track)

    assert (track.gain_db, track.pan_angle) == (-4.0, 15.0)
    assert [band.centre_freq for band in track.eq] == [90.0, 800.0]
    assert track.compression == Compression(-18.0, 2.0, 10.0, 120.0)
