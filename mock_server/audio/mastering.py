"""Mastering: loudness targets, the true-peak ceiling, previews and output settings.

What is simulated (EVIDENCE §11, §12.6-§12.8):

* ``desiredLoudness`` presets LOW / MEDIUM / HIGH = -14 / -10 / -8 LUFS integrated, with a
  -1.0 dBTP ceiling (the seed's reading; RoEx examples that call MEDIUM "-14" are noted in §14).
  The final mix also takes RoEx's audio-effects guide's QUIET / LOUD / VERY_LOUD = -14 / -8 / -6
  LUFS (:data:`FINAL_MIX_LOUDNESS_TARGETS`, [inferred] targets, EVIDENCE §14.10).
* Output rate and word length from ``sampleRate``: "44100" -> 44.1 kHz/16-bit,
  "48000" -> 48 kHz/24-bit; the final mix also takes "88200" and "96000" -> 24-bit at that rate
  (:data:`FINAL_MIX_OUTPUT_SETTINGS`, EVIDENCE §14.11).
* :func:`master` = resample, static gain to the target, then the look-ahead true-peak limiter
  (:mod:`.limiter`, aiming 0.1 dB under the ceiling), iterated until the measured loudness (as
  pyloudnorm reads it, see :mod:`.measure`) is within 0.5 LU of the target; the output's true
  peak (4x oversampled, as ``scipy.signal.resample_poly(x, 4, 1)`` reads it) is then checked
  exactly and, if need be, trimmed statically, so it is never above the ceiling. A target that
  cannot be reached under the ceiling (a pure tone pushed past its peak) gives the closest pass.
* :func:`preview` = the 30-second excerpt the service returns as MP3: from ``previewStartTime``
  (clamped so the excerpt fits, as staging showed for 9999 -> 123.67) or, when omitted, from the
  loudest 30 s (highest RMS on a one-second grid, like the staging answer "105.0").

Not simulated: EQ, multiband compression, stereo enhancement, genre-dependent processing
(``musicalStyle`` is accepted by callers but does not change the sound here).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from tonn_mock.audio.buffer import Audio, FloatArray, db_to_gain, gain_to_db
from tonn_mock.audio.concurrency import both
from tonn_mock.audio.limiter import LimiterPlan, render
from tonn_mock.audio.measure import integrated_loudness, true_peak_envelope, true_peak_max

LOUDNESS_TARGETS: dict[str, float] = {"LOW": -14.0, "MEDIUM": -10.0, "HIGH": -8.0}
FINAL_MIX_LOUDNESS_TARGETS: dict[str, float] = {
    **LOUDNESS_TARGETS,
    "QUIET": -14.0,
    "LOUD": -8.0,
    "VERY_LOUD": -6.0,
}
CEILING_DBFS = -1.0
PREVIEW_LENGTH_S = 30.0
OUTPUT_SETTINGS: dict[int, tuple[int, int]] = {44100: (44100, 16), 48000: (48000, 24)}
FINAL_MIX_OUTPUT_SETTINGS: dict[int, tuple[int, int]] = {
    **OUTPUT_SETTINGS,
    88200: (88200, 24),
    96000: (96000, 24),
}

_TOLERANCE_LU = 0.5
_MAX_PASSES = 4
_MAX_DRIVE_STEP_DB = 12.0
_LIMITER_MARGIN_DB = 0.1
_TRIM_MARGIN_DB = 0.005
_PREVIEW_GRID_S = 1.0


def master_settings_for(
    sample_rate: str | int, choices: Mapping[int, tuple[int, int]] = OUTPUT_SETTINGS
) -> tuple[int, int]:
    """``(rate, bit_depth)`` for a ``sampleRate`` request field; string or integer forms accepted.

    ``choices`` is :data:`OUTPUT_SETTINGS` (mastering, mix previews) or
    :data:`FINAL_MIX_OUTPUT_SETTINGS` (the final mix).
    """
    try:
        return choices[int(sample_rate)]
    except (KeyError, ValueError):
        allowed = " or ".join(str(rate) for rate in choices)
        raise ValueError(f"sampleRate must be {allowed}, got {sample_rate!r}") from None


def loudness_target(desired_loudness: str) -> float:
    """LUFS target of a ``desiredLoudness`` preset (LOW, MEDIUM or HIGH)."""
    try:
        return LOUDNESS_TARGETS[desired_loudness]
    except KeyError:
        raise ValueError(f"desiredLoudness must be LOW, MEDIUM or HIGH, got {desired_loudness!r}") from None


def master(
    audio: Audio,
    target_lufs: float,
    ceiling_dbfs: float = CEILING_DBFS,
    sample_rate: int = 44100,
) -> Audio:
    """Master ``audio`` to ``target_lufs`` (within 1 LU) with true peaks at or below the ceiling.

    Silence cannot be brought to a loudness target; it is returned resampled but otherwise as is.
    """
    source = audio.resampled(sample_rate)
    loudness, envelope = both(lambda: integrated_loudness(source), lambda: true_peak_envelope(source.samples))
    if not math.isfinite(loudness):
        return source
    plan = LimiterPlan.for_audio(source, envelope)
    closest = _closest_pass(_Passes(source, plan, ceiling_dbfs), loudness, target_lufs)
    return _under_ceiling(closest, ceiling_dbfs)


@dataclass(frozen=True, eq=False)
class _Pass:
    """One rendered attempt with its measured loudness and (exact) true peak."""

    audio: Audio
    loudness: float
    peak_dbfs: float


@dataclass(frozen=True, eq=False)
class _Passes:
    """Everything needed to render and measure attempts at different drives."""

    source: Audio
    plan: LimiterPlan
    ceiling_dbfs: float

    def attempt(self, drive_db: float) -> _Pass:
        """Render at ``drive_db``; measure loudness and true peak side by side."""
        limited = render(self.source, self.plan, drive_db, self.ceiling_dbfs - _LIMITER_MARGIN_DB)
        suspects = limited.overshoot_suspects(self.plan, self.ceiling_dbfs)
        loudness, peak = both(
            lambda: integrated_loudness(limited.audio),
            lambda: true_peak_max(limited.audio.samples, suspects),
        )
        return _Pass(limited.audio, loudness, gain_to_db(peak))


def _closest_pass(passes: _Passes, loudness: float, target: float) -> _Pass:
    """Render, measure, correct the aim; stop when within tolerance or no longer converging.

    A target can be out of reach under the ceiling (a pure tone cannot get louder than its peak
    allows); then the closest pass is returned rather than looping on.
    """
    limiter_ceiling = passes.ceiling_dbfs - _LIMITER_MARGIN_DB
    aim, best = target, None
    for _ in range(_MAX_PASSES):
        attempt = passes.attempt(_solve_drive(passes.plan, loudness, aim, limiter_ceiling))
        error = target - attempt.loudness
        if best is not None and abs(error) >= abs(target - best.loudness) - 0.1:
            break
        best = attempt
        if abs(error) <= _TOLERANCE_LU:
            break
        aim += error
    assert best is not None  # the loop runs at least once
    return best


def _solve_drive(plan: LimiterPlan, loudness: float, aim: float, ceiling_dbfs: float) -> float:
    """Input gain whose limited result is predicted to reach ``aim`` LUFS (secant iteration).

    The prediction is cheap (block energies), so only the chosen drive is rendered and measured
    in full. Each extra dB of drive adds at most 1 dB of loudness, so the secant slope is
    kept in [0.05, 1] to stay stable when the limiter is working hard.
    """
    ceiling = db_to_gain(ceiling_dbfs)

    def shortfall(drive: float) -> float:
        return aim - (loudness + drive + plan.predicted_change_db(drive, ceiling))

    drive, miss, slope = aim - loudness, shortfall(aim - loudness), 1.0
    for _ in range(8):
        if abs(miss) < 0.05:
            break
        step = max(-_MAX_DRIVE_STEP_DB, min(_MAX_DRIVE_STEP_DB, miss / slope))
        next_miss = shortfall(drive + step)
        slope = min(1.0, max(0.05, (miss - next_miss) / step))
        drive, miss = drive + step, next_miss
    return drive


def _under_ceiling(attempt: _Pass, ceiling_dbfs: float) -> Audio:
    """Trim statically if the rendered true peak is above the ceiling (guarantees the ceiling)."""
    if attempt.peak_dbfs <= ceiling_dbfs:
        return attempt.audio
    return attempt.audio.gained(ceiling_dbfs - attempt.peak_dbfs - _TRIM_MARGIN_DB)


def preview(audio: Audio, start_s: float | None, length_s: float = PREVIEW_LENGTH_S) -> tuple[Audio, float]:
    """The preview excerpt and the start time actually used, in seconds.

    The excerpt is exactly ``round(length_s * rate)`` frames unless the track is shorter, in which
    case the whole track is returned from 0.0.
    """
    length = round(length_s * audio.sample_rate)
    if audio.frames <= length:
        return audio, 0.0
    if start_s is None:
        start = _loudest_start(audio, length)
    else:
        start = _clamped_start(audio.frames, audio.sample_rate, start_s, length)
    return audio.excerpt(start, length), round(start / audio.sample_rate, 2)


def requested_preview_start(frames: int, sample_rate: int, start_s: float) -> float:
    """The start :func:`preview` uses for a requested ``start_s``, from the input's length alone."""
    length = round(PREVIEW_LENGTH_S * sample_rate)
    if frames <= length:
        return 0.0
    return round(_clamped_start(frames, sample_rate, start_s, length) / sample_rate, 2)


def _clamped_start(frames: int, sample_rate: int, start_s: float, length: int) -> int:
    return min(max(0, round(start_s * sample_rate)), frames - length)


def _loudest_start(audio: Audio, length: int) -> int:
    """Start frame (on a one-second grid) of the window with the highest RMS."""
    power = np.einsum("ij,ij->i", audio.samples, audio.samples)
    cumulative: FloatArray = np.concatenate(([0.0], np.cumsum(power)))
    step = max(1, round(_PREVIEW_GRID_S * audio.sample_rate))
    starts = np.arange(0, audio.frames - length + 1, step)
    energy = cumulative[starts + length] - cumulative[starts]
    return int(starts[int(np.argmax(energy))])
