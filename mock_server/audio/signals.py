"""Generated audio: the stand-in "song" and simple test tones.

When a task's input URL cannot be fetched (the mock runs offline; EVIDENCE §5 allows any public URL),
the processors still need audio to process. :func:`stand_in_signal` builds a short piece of music
from the URL string alone: a chord pad, a bass line, a sung-like lead, kick, snare and hi-hats on
a steady beat, with quieter verses and louder choruses. The same seed always gives the same samples
(seeded with SHA-256 of the string, never Python's salted :func:`hash`), and different URLs give
different keys, tempi and melodies. It is normalised to -18 LUFS, like an unmastered mix, and
turned down a little further in the rare case its true peak would pass -1 dBTP.

Not simulated: anything resembling the real file at that URL.
"""

from __future__ import annotations

import hashlib

import numpy as np
from scipy import signal

from tonn_mock.audio.buffer import Audio, FloatArray, db_to_gain, mono_fold
from tonn_mock.audio.measure import loudness_normalised, true_peak_dbfs

STAND_IN_LOUDNESS_LUFS = -18.0
STAND_IN_PEAK_DBTP = -1.0
_PROGRESSION = ((0, False), (7, False), (9, True), (5, False))  # I-V-vi-IV, True = minor chord
_LOOP_BARS = 8  # the piece is an 8-bar loop repeated under verse/chorus dynamics
_BARS_PER_SECTION = 8


def seeded_rng(seed: str) -> np.random.Generator:
    """A NumPy generator whose state depends only on ``seed`` (stable across processes)."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def _midi_hz(note: FloatArray) -> FloatArray:
    """Equal-tempered frequency of MIDI note numbers (A4 = 69 = 440 Hz)."""
    return np.asarray(440.0 * 2.0 ** ((note - 69.0) / 12.0))


class _Loop:
    """Timing grid of the 8-bar loop: tempo, key, and where each sample falls in beat and bar.

    Notes are chosen per bar (chords) or per beat (melody) on short arrays, then spread to samples
    by indexing, so only a handful of full-length transcendental functions are evaluated. Only
    as much of the loop as the piece needs is rendered (``frames`` caps it).
    """

    def __init__(self, rng: np.random.Generator, rate: int, frames: int) -> None:
        self.rng, self.rate = rng, rate
        self.beat = 60.0 / rng.uniform(84.0, 132.0)
        self.root = float(rng.integers(40, 52))
        self.time = np.arange(min(frames, round(_LOOP_BARS * 4 * self.beat * rate))) / rate
        self.beat_index = np.minimum((self.time // self.beat).astype(np.int64), 4 * _LOOP_BARS - 1)
        self.bar = self.beat_index // 4
        self.since_beat = self.time - self.beat_index * self.beat

    def chord_notes(self, octave: int) -> FloatArray:
        """MIDI notes of each bar's triad, shape ``(bars, 3)``."""
        steps = [_PROGRESSION[bar % len(_PROGRESSION)] for bar in range(_LOOP_BARS)]
        base = np.array([self.root + 12 * octave + step for step, _ in steps])
        third = np.array([3.0 if minor else 4.0 for _, minor in steps])
        return np.stack([base, base + third, base + 7.0], axis=1)

    def oscillator(self, hz: FloatArray) -> FloatArray:
        """Phase-continuous sine following a per-sample frequency (changes without clicks)."""
        return np.sin(2.0 * np.pi * np.cumsum(hz) / self.rate)


def _decay(since: FloatArray, seconds: float) -> FloatArray:
    """Exponential decay envelope restarting at every event."""
    return np.exp(-since / seconds)


def _pad(loop: _Loop) -> tuple[FloatArray, FloatArray]:
    """Sustained chord, detuned voices blended 3:1 across the sides for a moderate width."""
    hz = _midi_hz(loop.chord_notes(octave=1))[loop.bar]
    flat = np.asarray(sum(loop.oscillator(hz[:, k] * 0.998) for k in range(3)))
    sharp = np.asarray(sum(loop.oscillator(hz[:, k] * 1.002) for k in range(3)))
    breathing = 0.1 * (0.8 + 0.2 * np.sin(2 * np.pi * loop.time / (8 * loop.beat)))
    return (0.75 * flat + 0.25 * sharp) * breathing, (0.25 * flat + 0.75 * sharp) * breathing


def _bass(loop: _Loop) -> FloatArray:
    """Root notes an octave down (with a second harmonic), plucked on every beat."""
    hz = _midi_hz(loop.chord_notes(octave=-1)[:, 0])[loop.bar]
    tone = loop.oscillator(hz) + 0.4 * loop.oscillator(2 * hz)
    return 0.22 * tone * _decay(loop.since_beat, 0.35)


def _lead(loop: _Loop) -> FloatArray:
    """A sung-like line: a chord tone per beat, vibrato, soft attacks, resting every other bar."""
    beats = 4 * _LOOP_BARS
    chords = loop.chord_notes(octave=2)[np.arange(beats) // 4]
    melody = chords[np.arange(beats), loop.rng.integers(0, 3, beats)]
    hz = _midi_hz(melody)[loop.beat_index] * (1.0 + 0.006 * np.sin(2 * np.pi * 5.5 * loop.time))
    voice = loop.oscillator(hz) + 0.5 * loop.oscillator(2 * hz) + 0.2 * loop.oscillator(3 * hz)
    envelope = (1.0 - _decay(loop.since_beat, 0.03)) * _decay(loop.since_beat, 1.5)
    return np.asarray(0.14 * voice * envelope * (loop.bar % 2 == 0), dtype=np.float64)


def _drums(loop: _Loop) -> tuple[FloatArray, FloatArray]:
    """Kick on every beat, snare on 2 and 4; hi-hats on eighths and a shaker on sixteenths.

    Returns ``(centre, hats)``; the noise bursts are soft-clipped so they add brightness without
    spiky peaks.
    """
    since, rate = loop.since_beat, loop.rate
    kick = 0.18 * np.sin(2 * np.pi * (50 * since + 2.1 * (1 - _decay(since, 0.03)))) * _decay(since, 0.15)
    noise = np.tanh(loop.rng.standard_normal((3, since.shape[0])) / 2.0)
    snare_band = signal.butter(2, (900, 5000), "bandpass", fs=rate, output="sos")
    snare = 0.3 * signal.sosfilt(snare_band, noise[0]) * _decay(since, 0.07)
    hat_band = signal.butter(4, (8000, 16000), "bandpass", fs=rate, output="sos")
    hats = 0.4 * signal.sosfilt(hat_band, noise[1]) * _decay(since % (loop.beat / 2), 0.03)
    shaker_band = signal.butter(2, (2500, 6000), "bandpass", fs=rate, output="sos")
    shaker = 0.6 * signal.sosfilt(shaker_band, noise[2]) * _decay(since % (loop.beat / 4), 0.02)
    return kick + snare * (loop.beat_index % 2 == 1), hats + shaker


def _render_loop(loop: _Loop) -> FloatArray:
    """One pass of the loop as a stereo ``(frames, 2)`` array."""
    centre, hats = _drums(loop)
    centre = centre + _bass(loop) + _lead(loop)
    pad_left, pad_right = _pad(loop)
    return np.stack([centre + pad_left + 0.6 * hats, centre + pad_right + hats], axis=1)


def _dynamics(rng: np.random.Generator, time: FloatArray, bar_s: float) -> FloatArray:
    """Verse/chorus gain: alternating 8-bar sections 5 dB apart (+-1 dB per bar), bar crossfades."""
    bars = int(time[-1] // bar_s) + 2
    levels = np.where((np.arange(bars) // _BARS_PER_SECTION) % 2 == 0, -5.0, 0.0)
    gains = 10.0 ** ((levels + rng.uniform(-1.0, 1.0, bars)) / 20.0)
    return np.interp(time, np.arange(bars) * bar_s, gains)


def _faded(samples: FloatArray, rate: int) -> FloatArray:
    """Short fade-in and a half-second fade-out, so the excerpt starts and ends like a track."""
    fade_in, fade_out = min(len(samples), round(0.05 * rate)), min(len(samples), round(0.5 * rate))
    samples[:fade_in] *= np.linspace(0.0, 1.0, fade_in)[:, None]
    samples[len(samples) - fade_out :] *= np.linspace(1.0, 0.0, fade_out)[:, None]
    return samples


def stand_in_signal(seed: str, duration_s: float, sample_rate: int, channels: int = 2) -> Audio:
    """A deterministic piece of music standing in for an unreachable input (see module docstring)."""
    if channels not in (1, 2):
        raise ValueError(f"channels must be 1 or 2, got {channels}")
    rng = seeded_rng(seed)
    frames = max(1, round(duration_s * sample_rate))
    loop = _Loop(rng, sample_rate, frames)
    rendered = _render_loop(loop)
    piece = np.tile(rendered, (frames // rendered.shape[0] + 1, 1))[:frames]
    piece *= _dynamics(rng, np.arange(frames) / sample_rate, 4 * loop.beat)[:, None]
    piece = _faded(piece, sample_rate)
    samples = piece if channels == 2 else mono_fold(piece)[:, np.newaxis]
    normalised = loudness_normalised(Audio(samples, sample_rate), STAND_IN_LOUDNESS_LUFS)
    headroom = STAND_IN_PEAK_DBTP - true_peak_dbfs(normalised)
    return normalised.gained(headroom) if headroom < 0 else normalised


def sine(
    freq_hz: float,
    duration_s: float,
    sample_rate: int,
    amplitude_db: float = -6.0,
    channels: int = 2,
) -> Audio:
    """A steady sine with peak level ``amplitude_db`` dBFS, identical in every channel."""
    time = np.arange(round(duration_s * sample_rate)) / sample_rate
    wave = db_to_gain(amplitude_db) * np.sin(2.0 * np.pi * freq_hz * time)
    return Audio(np.repeat(wave[:, None], channels, axis=1), sample_rate)


def pink_noise(seed: str, duration_s: float, sample_rate: int, channels: int = 2) -> Audio:
    """Independent pink (-3 dB/octave) noise per channel, shaped in the frequency domain."""
    frames = round(duration_s * sample_rate)
    white = seeded_rng(seed).standard_normal((frames, channels))
    spectrum = np.fft.rfft(white, axis=0)
    freqs = np.fft.rfftfreq(frames, 1.0 / sample_rate)
    spectrum[1:] /= np.sqrt(freqs[1:])[:, None]
    spectrum[0] = 0.0
    shaped = np.fft.irfft(spectrum, n=frames, axis=0)
    return Audio(shaped / np.abs(shaped).max() * 0.5, sample_rate)
