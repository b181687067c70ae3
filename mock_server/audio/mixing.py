"""The multitrack mixer: per-track EQ, compression, gain and panning, summed to stereo.

What is simulated (EVIDENCE §12.3-§12.5): the four effect families Tonn reports and accepts per
track (``gain_settings``/``gainDb``, ``eq_settings.band_1..band_6``, ``drc_settings``/
``compression_settings``, ``panning_settings.panning_angle``), applied in the order EQ ->
compressor -> gain -> pan. Tracks of different lengths are padded with silence to the longest,
and tracks at another rate are resampled to the mix rate first.

Panning uses Tonn's unit, degrees from -60 (hard left) to +60 (hard right), with a constant-power
sine/cosine law: a mono track at 0 degrees sits 3 dB down in each channel, so moving it never
changes its power. A stereo track is balanced rather than panned: the far side is attenuated on
the same law, normalised so the centre is unity.

The sum is only scaled when it would clip: then it is brought down to -1 dBFS sample peak, and the
applied gain is returned so relative track levels stay exact and callers can report it.

Not simulated: reverb (``reverbPreference``), buses, automation, the real AI's choices.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from tonn_mock.audio.buffer import Audio, gain_to_db
from tonn_mock.audio.dynamics import Compression, compress
from tonn_mock.audio.filters import apply_sos, chain_sos, peaking_sos

PAN_LIMIT_DEGREES = 60.0
HEADROOM_CEILING_DBFS = -1.0
MAX_EQ_BANDS = 6


@dataclass(frozen=True)
class EqBand:
    """One parametric (peaking) EQ band in Tonn's ``eq_settings.band_N`` units."""

    centre_freq: float
    gain: float
    q: float


@dataclass(frozen=True, eq=False)
class TrackInput:
    """One track and the effects to apply to it before summing."""

    audio: Audio
    gain_db: float = 0.0
    pan_angle: float = 0.0
    eq: tuple[EqBand, ...] = ()
    compression: Compression | None = None


@dataclass(frozen=True, eq=False)
class MixResult:
    """The stereo mix and the safety gain applied to the sum (0.0 dB unless it would have clipped)."""

    audio: Audio
    headroom_gain_db: float


def pan_gains(angle_degrees: float, source_channels: int) -> tuple[float, float]:
    """Left/right gains for a pan angle (clamped to +-60 degrees), constant-power law."""
    position = (max(-PAN_LIMIT_DEGREES, min(PAN_LIMIT_DEGREES, angle_degrees)) + 60.0) / 120.0
    left, right = math.cos(position * math.pi / 2.0), math.sin(position * math.pi / 2.0)
    if source_channels == 1:
        return left, right
    return min(1.0, left * math.sqrt(2.0)), min(1.0, right * math.sqrt(2.0))


def process_track(track: TrackInput, sample_rate: int) -> Audio:
    """One track through EQ, compressor, gain and pan; always returns stereo at ``sample_rate``."""
    audio = track.audio.resampled(sample_rate)
    if track.eq:
        bands = [peaking_sos(b.centre_freq, b.gain, b.q, sample_rate) for b in track.eq]
        audio = apply_sos(audio, chain_sos(*bands))
    if track.compression is not None:
        audio = compress(audio, track.compression)
    left, right = pan_gains(track.pan_angle, audio.channels)
    stereo = audio.as_stereo().gained(track.gain_db)
    return stereo.with_samples(stereo.samples * np.array([left, right]))


def mix(tracks: Sequence[TrackInput], sample_rate: int = 44100) -> MixResult:
    """Sum the processed tracks; scale the sum down only if its sample peak would exceed 0 dBFS."""
    if not tracks:
        raise ValueError("a mix needs at least one track")
    processed = [process_track(track, sample_rate) for track in tracks]
    frames = max(audio.frames for audio in processed)
    total = np.zeros((frames, 2))
    for audio in processed:
        total[: audio.frames] += audio.samples
    peak = float(np.abs(total).max()) if frames else 0.0
    headroom = HEADROOM_CEILING_DBFS - gain_to_db(peak) if peak > 1.0 else 0.0
    return MixResult(Audio(total, sample_rate).gained(headroom), headroom)


def track_from_settings(audio: Audio, settings: Mapping[str, Any]) -> TrackInput:
    """A :class:`TrackInput` from one track's effect settings, as Tonn reports or accepts them.

    Accepts both the ``mix_output_settings`` shape (``gain_settings.gain_db``, ``drc_settings``)
    and the ``/retrievefinalmix`` track shape (``gainDb``, ``compression_settings``); both share
    ``eq_settings.band_N`` and ``panning_settings.panning_angle``. Missing parts mean "no effect".
    """
    gain = settings.get("gain_settings", {}).get("gain_db", settings.get("gainDb", 0.0))
    pan = settings.get("panning_settings", {}).get("panning_angle", 0.0)
    drc = settings.get("drc_settings") or settings.get("compression_settings")
    return TrackInput(
        audio=audio,
        gain_db=float(gain),
        pan_angle=float(pan),
        eq=eq_bands_from_settings(settings.get("eq_settings") or {}),
        compression=Compression(**{key: float(drc[key]) for key in _DRC_KEYS}) if drc else None,
    )


_DRC_KEYS = ("threshold", "ratio", "attack_ms", "release_ms")


def eq_bands_from_settings(eq_settings: Mapping[str, Mapping[str, float]]) -> tuple[EqBand, ...]:
    """``{"band_1": {"centre_freq", "gain", "q"}, ...}`` -> bands in band-number order."""
    names = sorted(eq_settings, key=lambda name: int(name.rsplit("_", 1)[-1]))
    return tuple(
        EqBand(float(band["centre_freq"]), float(band["gain"]), float(band["q"]))
        for band in (eq_settings[name] for name in names[:MAX_EQ_BANDS])
    )
