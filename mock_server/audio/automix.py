"""The mock's "AI" mix decisions: deterministic per-track FX settings.

Tonn's mix preview reports, per track, the settings its AI chose (EVIDENCE §12.4
``mix_output_settings``): ``gain_settings{gain_db, initial_gain, gain_amplitude}``,
``eq_settings{band_N{centre_freq, gain, q}}``, ``drc_settings{threshold, ratio, attack_ms,
release_ms}`` and ``panning_settings{panning_angle}``. The mock derives them from a fixed table:

* gain brings the track's measured loudness to a per-instrument-group level, +3 dB for ``LEAD``
  and -5 dB for ``BACKGROUND`` presence (clamped to -60..+12 dB);
* EQ is a per-group cut/boost recipe (peaking bands);
* compression starts 8 dB above the track's loudness, with per-group ratio and timing;
* panning honours ``panPreference`` (LEFT -30, CENTRE 0, RIGHT +30 degrees); without one,
  rhythm-section and lead parts stay centred and the rest alternate left/right, wider each pair.

``initial_gain`` is reported as 1.0 (the mock applies no pre-gain) and ``gain_amplitude`` is the
linear form of ``gain_db``. :func:`mixing.track_from_settings` applies exactly these settings, so
what users read back is what was mixed. Not simulated: any analysis of masking or genre.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tonn_mock.audio.buffer import db_to_gain

_Band = tuple[float, float, float]  # centre_freq Hz, gain dB, q


@dataclass(frozen=True)
class _Recipe:
    """What the mock's "AI" does to one instrument group."""

    level_lufs: float
    eq: tuple[_Band, ...]
    ratio: float
    attack_ms: float
    release_ms: float
    centred: bool


_OTHER = _Recipe(-24.0, ((300.0, -1.5, 1.0), (3000.0, 1.0, 1.0)), 2.0, 15.0, 200.0, False)
_RECIPES: dict[str, _Recipe] = {
    "BASS_GROUP": _Recipe(-20.0, ((60, 2.0, 1.0), (250, -2.0, 1.4), (800, 1.0, 1.2)), 4, 10, 120, True),
    "DRUMS_GROUP": _Recipe(-19.0, ((60, 1.5, 1.0), (400, -2.0, 1.2), (5000, 1.5, 0.8)), 3, 5, 100, True),
    "KICK_GROUP": _Recipe(-20.0, ((55, 2.5, 1.2), (350, -3.0, 1.5), (3500, 2.0, 1.5)), 4, 2, 80, True),
    "SNARE_GROUP": _Recipe(-22.0, ((200, 1.5, 1.2), (900, -2.0, 1.5), (6000, 2.0, 0.9)), 3.5, 3, 90, True),
    "CYMBALS_GROUP": _Recipe(-27.0, ((300, -3.0, 0.7), (10000, 1.5, 0.8)), 2, 5, 150, False),
    "VOCAL_GROUP": _Recipe(-18.0, ((250, -2.5, 1.2), (3000, 2.5, 1.0), (10000, 1.5, 0.7)), 3, 5, 80, True),
    "BACKING_VOX_GROUP": _Recipe(-24.0, ((300, -3.0, 1.0), (4000, 1.5, 1.0)), 3, 8, 120, False),
    "PERCS_GROUP": _Recipe(-26.0, ((500, -2.0, 1.0), (6000, 1.5, 1.0)), 2.5, 5, 120, False),
    "STRINGS_GROUP": _Recipe(-24.0, ((250, -2.0, 0.9), (5000, 1.0, 0.8)), 2, 30, 300, False),
    "SYNTH_GROUP": _Recipe(-23.0, ((300, -2.0, 1.0), (4000, 1.0, 1.0)), 2, 20, 200, False),
    "FX_GROUP": _Recipe(-28.0, ((400, -2.0, 1.0), (8000, 1.0, 0.8)), 1.5, 20, 300, False),
    "KEYS_GROUP": _Recipe(-23.0, ((250, -2.0, 1.0), (2500, 1.0, 1.0)), 2, 20, 200, False),
    "BRASS_GROUP": _Recipe(-24.0, ((300, -1.5, 1.0), (2000, 1.5, 1.0)), 2.5, 10, 150, False),
    "E_GUITAR_GROUP": _Recipe(-23.0, ((120, -3.0, 0.8), (2500, 1.5, 1.2)), 2.5, 10, 150, False),
    "ACOUSTIC_GUITAR_GROUP": _Recipe(-24.0, ((200, -2.5, 1.0), (5000, 2.0, 0.8)), 2.5, 10, 150, False),
    "BACKING_TRACK_GROUP": _Recipe(-20.0, ((300, -1.0, 0.7),), 1.5, 20, 250, True),
}
_PRESENCE_DB = {"LEAD": 3.0, "NORMAL": 0.0, "BACKGROUND": -5.0}
_PREFERRED_ANGLE = {"LEFT": -30.0, "CENTRE": 0.0, "RIGHT": 30.0}
_SPREAD_ANGLES = (20.0, 35.0, 45.0, 55.0, 60.0)
_THRESHOLD_ABOVE_LOUDNESS_DB = 8.0
_GAIN_RANGE_DB = (-60.0, 12.0)


@dataclass(frozen=True)
class TrackMeta:
    """What the mixer knows about a track: its request fields plus its measured loudness.

    ``name`` keys the settings (Tonn uses the basename of the track URL).
    """

    name: str
    instrument_group: str
    presence: str = "NORMAL"
    pan_preference: str = "NO_PREFERENCE"
    loudness_lufs: float = -20.0


def _recipe(group: str) -> _Recipe:
    """The group's recipe; OTHER_GROUP1..5 and unknown groups share a neutral one."""
    return _RECIPES.get(group, _OTHER)


def _gain_settings(track: TrackMeta, recipe: _Recipe) -> dict[str, float]:
    """Fader gain that puts the track at its group level (silent tracks keep 0 dB)."""
    target = recipe.level_lufs + _PRESENCE_DB.get(track.presence, 0.0)
    gain = target - track.loudness_lufs if math.isfinite(track.loudness_lufs) else 0.0
    gain = round(min(_GAIN_RANGE_DB[1], max(_GAIN_RANGE_DB[0], gain)), 2)
    return {"gain_db": gain, "initial_gain": 1.0, "gain_amplitude": round(db_to_gain(gain), 4)}


def _eq_settings(recipe: _Recipe) -> dict[str, dict[str, float]]:
    """The recipe's bands as ``band_1..band_N``."""
    return {
        f"band_{index}": {"centre_freq": float(freq), "gain": float(gain), "q": float(q)}
        for index, (freq, gain, q) in enumerate(recipe.eq, start=1)
    }


def _drc_settings(track: TrackMeta, recipe: _Recipe) -> dict[str, float]:
    """Compressor catching the loudest moments of the raw track."""
    loudness = track.loudness_lufs if math.isfinite(track.loudness_lufs) else -60.0
    threshold = min(0.0, max(-60.0, loudness + _THRESHOLD_ABOVE_LOUDNESS_DB))
    return {
        "threshold": round(threshold, 2),
        "ratio": float(recipe.ratio),
        "attack_ms": float(recipe.attack_ms),
        "release_ms": float(recipe.release_ms),
    }


def _pan_angles(tracks: Sequence[TrackMeta]) -> list[float]:
    """Preference first; otherwise centre or alternate sides, widening every pair."""
    angles, spread = [], 0
    for track in tracks:
        if track.pan_preference in _PREFERRED_ANGLE:
            angles.append(_PREFERRED_ANGLE[track.pan_preference])
        elif _recipe(track.instrument_group).centred:
            angles.append(0.0)
        else:
            width = _SPREAD_ANGLES[min(spread // 2, len(_SPREAD_ANGLES) - 1)]
            angles.append(-width if spread % 2 == 0 else width)
            spread += 1
    return angles


def auto_mix_settings(tracks: Sequence[TrackMeta]) -> dict[str, dict[str, Any]]:
    """``mix_output_settings``: per-track FX settings keyed by track name, in request order."""
    names = [track.name for track in tracks]
    if len(set(names)) != len(names):
        raise ValueError("track names must be unique to key mix_output_settings")
    settings: dict[str, dict[str, Any]] = {}
    for track, angle in zip(tracks, _pan_angles(tracks), strict=True):
        recipe = _recipe(track.instrument_group)
        settings[track.name] = {
            "gain_settings": _gain_settings(track, recipe),
            "eq_settings": _eq_settings(recipe),
            "drc_settings": _drc_settings(track, recipe),
            "panning_settings": {"panning_angle": angle},
        }
    return settings
