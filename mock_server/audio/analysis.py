"""Mix analysis ("Mix Check Studio"): measurements turned into Tonn's verdict vocabulary.

The payload has the keys and vocabularies of EVIDENCE §12.9. Measurements are real; the verdict
thresholds are the mock's own (the service's are undocumented) and are chosen so that typical
material reads sensibly:

=====================  ==========================================================================
field                  rule
=====================  ==========================================================================
peak_loudness_dbfs     true peak, dBTP (4x oversampled)
clipping               samples at or above full scale (|x| >= 0.9999): NONE below one per million
                       samples, MINOR below one per thousand, MAJOR above
if_mix_loudness        LESS (too loud for a mix, leaves no room to master) above -12 LUFS,
                       MORE (too quiet) below -26 LUFS, else OPTIMAL
if_master_loudness     LESS above -13 LUFS (louder than Spotify's -14 target + 1 LU),
                       LESS_APPLE above -15 LUFS (fine for Spotify, louder than Apple Music's
                       -16), MORE below -20 LUFS, else OPTIMAL
if_mix_drc             peak-to-loudness ratio (true peak - integrated): LESS (over-compressed)
                       below 9 dB, MORE (not compressed enough) above 20 dB, else OPTIMAL
if_master_drc          same, LESS below 6 dB and MORE above 14 dB
phase_issues           left/right correlation below -0.1
mono_compatible        folding to mono loses at most 4 dB of energy
stereo_field           side/mid energy: MONO below -40 dB (or one channel), NARROW below -20 dB,
                       WIDE above -6 dB, else BALANCED
tonal_profile          energy share of bass (20-250 Hz), low mids (250-2k), high mids (2k-6k)
                       and highs (6k-20k) from a Welch spectrum, compared with a reference mix
                       spectrum falling 4.5 dB/octave (deviations centred on their average,
                       so it is the shape that counts): LOW / HIGH beyond -+4 dB, else MEDIUM
mix_style              the mock's one-word description of the tonal balance (value unknown in
                       the real API)
=====================  ==========================================================================

``LESS``/``MORE`` follow the semantics reported for the real API: LESS = too loud / too compressed.
Not simulated: ``STEREO_UPMIX``, style-dependent targets, the real summary prose.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import signal

from tonn_mock.audio.analysis_text import summary
from tonn_mock.audio.buffer import mono_fold
from tonn_mock.audio.codecs import DecodedAudio
from tonn_mock.audio.concurrency import both
from tonn_mock.audio.measure import integrated_loudness, true_peak_dbfs

CLIP_LEVEL = 0.9999
LOSSY_BIT_DEPTH = 16  # MP3 has no word length; decoders hand out 16-bit PCM
TONAL_BANDS: dict[str, tuple[float, float]] = {
    "bass_frequency": (20.0, 250.0),
    "low_mid_frequency": (250.0, 2000.0),
    "high_mid_frequency": (2000.0, 6000.0),
    "high_frequency": (6000.0, 20000.0),
}
REFERENCE_SLOPE_DB_PER_OCTAVE = -4.5
_TONAL_TOLERANCE_DB = 4.0
_EMPTY_BAND_DB = -60.0
_WELCH_SEGMENT = 4096
_MAX_WELCH_SEGMENTS = 256


def analyse(decoded: DecodedAudio, musical_style: str, is_master: bool) -> dict[str, Any]:
    """The ``mixDiagnosisResults.payload`` for one decoded file."""
    audio = decoded.audio
    loudness, peak = both(lambda: integrated_loudness(audio), lambda: true_peak_dbfs(audio))
    plr = peak - loudness if math.isfinite(loudness) and math.isfinite(peak) else 0.0
    payload: dict[str, Any] = {
        "bit_depth": decoded.bit_depth or LOSSY_BIT_DEPTH,
        "sample_rate": audio.sample_rate,
        "integrated_loudness_lufs": _rounded(loudness),
        "peak_loudness_dbfs": _rounded(peak),
        "clipping": clipping_verdict(audio.samples),
    }
    if is_master:
        payload["if_master_loudness"] = master_loudness_verdict(loudness)
        payload["if_master_drc"] = drc_verdict(plr, low=6.0, high=14.0)
    else:
        payload["if_mix_loudness"] = mix_loudness_verdict(loudness)
        payload["if_mix_drc"] = drc_verdict(plr, low=9.0, high=20.0)
    payload.update(stereo_verdicts(audio.samples))
    tonal = tonal_profile(audio.samples, audio.sample_rate)
    payload["musical_style"] = musical_style.lower()
    payload["mix_style"] = mix_style(tonal)
    payload["tonal_profile"] = tonal
    payload["summary"] = summary(payload, is_master)
    return payload


def _rounded(value: float) -> float | None:
    """Two decimals; ``None`` for silence, where a level has no number (JSON has no -inf)."""
    return round(value, 2) if math.isfinite(value) else None


def clipping_verdict(samples: np.ndarray[Any, np.dtype[np.float64]]) -> str:
    """NONE / MINOR / MAJOR from the share of samples at or over full scale."""
    clipped = np.count_nonzero(samples >= CLIP_LEVEL) + np.count_nonzero(samples <= -CLIP_LEVEL)
    share = float(clipped) / max(1, samples.size)
    if share < 1e-6:
        return "NONE"
    return "MINOR" if share < 1e-3 else "MAJOR"


def mix_loudness_verdict(loudness: float) -> str:
    """A mix should leave room for mastering without being buried in noise."""
    if loudness > -12.0:
        return "LESS"
    return "MORE" if loudness < -26.0 else "OPTIMAL"


def master_loudness_verdict(loudness: float) -> str:
    """Masters are judged against streaming targets (Spotify -14, Apple Music -16 LUFS)."""
    if loudness > -13.0:
        return "LESS"
    if loudness > -15.0:
        return "LESS_APPLE"
    return "MORE" if loudness < -20.0 else "OPTIMAL"


def drc_verdict(peak_to_loudness: float, low: float, high: float) -> str:
    """LESS when the peak-to-loudness ratio shows over-compression, MORE when it is very dynamic."""
    if peak_to_loudness < low:
        return "LESS"
    return "MORE" if peak_to_loudness > high else "OPTIMAL"


def stereo_verdicts(samples: np.ndarray[Any, np.dtype[np.float64]]) -> dict[str, Any]:
    """``mono_compatible``, ``phase_issues`` and ``stereo_field`` from channel correlation."""
    if samples.shape[1] < 2:
        return {"mono_compatible": True, "phase_issues": False, "stereo_field": "MONO"}
    left, right = samples[:, 0], samples[:, 1]
    ll, rr, lr = float(np.dot(left, left)), float(np.dot(right, right)), float(np.dot(left, right))
    correlation = lr / math.sqrt(ll * rr) if ll > 0 and rr > 0 else 1.0
    mid, side = (ll + rr + 2 * lr) / 4.0, (ll + rr - 2 * lr) / 4.0
    fold_loss_db = 10.0 * math.log10((ll + rr) / 2.0 / mid) if mid > 0 else math.inf
    return {
        "mono_compatible": fold_loss_db <= 4.0,
        "phase_issues": correlation < -0.1,
        "stereo_field": _stereo_field(side / mid if mid > 0 else math.inf),
    }


def _stereo_field(side_to_mid: float) -> str:
    """Width class from the side/mid energy ratio."""
    ratio_db = 10.0 * math.log10(side_to_mid) if side_to_mid > 0 else -math.inf
    if ratio_db < -40.0:
        return "MONO"
    if ratio_db < -20.0:
        return "NARROW"
    return "WIDE" if ratio_db > -6.0 else "BALANCED"


def _reference_shares_db() -> dict[str, float]:
    """Band energy shares (dB of total) of a spectrum falling 4.5 dB/octave from 20 Hz to 20 kHz."""
    exponent = REFERENCE_SLOPE_DB_PER_OCTAVE / (10.0 * math.log10(2.0))  # power ~ f**exponent

    def integral(low: float, high: float) -> float:
        return float((high ** (exponent + 1) - low ** (exponent + 1)) / (exponent + 1))

    total = integral(20.0, 20000.0)
    return {name: 10 * math.log10(integral(*band) / total) for name, band in TONAL_BANDS.items()}


REFERENCE_SHARES_DB = _reference_shares_db()


def _spread_segments(mono: np.ndarray[Any, np.dtype[np.float64]]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """At most 256 Welch segments taken evenly across the track (about 24 s of a long file).

    Segments are whole and non-overlapping, so Welch's averaging over the joined excerpt equals
    averaging over those segments in place; four broad bands need no more to be stable.
    """
    count = mono.shape[0] // _WELCH_SEGMENT
    if count <= _MAX_WELCH_SEGMENTS:
        return mono
    picks = np.linspace(0, count - 1, _MAX_WELCH_SEGMENTS).round().astype(np.int64)
    return mono[: count * _WELCH_SEGMENT].reshape(count, _WELCH_SEGMENT)[picks].ravel()


def band_shares_db(samples: np.ndarray[Any, np.dtype[np.float64]], rate: int) -> dict[str, float]:
    """Energy share (dB of 20 Hz-20 kHz) of each tonal band, from the mono fold-down's spectrum."""
    mono = _spread_segments(mono_fold(samples))
    segment = min(_WELCH_SEGMENT, mono.shape[0])
    freqs, power = signal.welch(mono, rate, nperseg=segment, noverlap=0, detrend=False)

    def energy(low: float, high: float) -> float:
        return float(power[(freqs >= low) & (freqs < high)].sum()) + 1e-30

    total = energy(20.0, 20000.0)
    return {name: 10 * math.log10(energy(*band) / total) for name, band in TONAL_BANDS.items()}


def tonal_deviation_db(samples: np.ndarray[Any, np.dtype[np.float64]], rate: int) -> dict[str, float]:
    """How far each band's share departs from the reference, relative to the average departure.

    Centring on the average makes the comparison about spectral *shape*: a track whose energy is
    all bass reads bass-heavy even though bass already dominates the reference. Shares are
    floored at -60 dB so an empty band counts as very low rather than minus infinity.
    """
    shares = band_shares_db(samples, rate)
    raw = {name: max(share, _EMPTY_BAND_DB) - REFERENCE_SHARES_DB[name] for name, share in shares.items()}
    centre = sum(raw.values()) / len(raw)
    return {name: value - centre for name, value in raw.items()}


def tonal_profile(samples: np.ndarray[Any, np.dtype[np.float64]], rate: int) -> dict[str, str]:
    """LOW / MEDIUM / HIGH per band, relative to the reference spectrum."""
    profile = {}
    for name, deviation in tonal_deviation_db(samples, rate).items():
        if deviation < -_TONAL_TOLERANCE_DB:
            profile[name] = "LOW"
        else:
            profile[name] = "HIGH" if deviation > _TONAL_TOLERANCE_DB else "MEDIUM"
    return profile


def mix_style(tonal: dict[str, str]) -> str:
    """A one-word character for the balance, in the lowercase style of Tonn's tonal vocabulary."""
    bass, highs = tonal["bass_frequency"], tonal["high_frequency"]
    if bass == "HIGH":
        return "sharp_bassy" if highs == "HIGH" else "thumping_boomy"
    if highs == "HIGH" or tonal["high_mid_frequency"] == "HIGH":
        return "bright"
    return "warm" if highs == "LOW" else "balanced"
