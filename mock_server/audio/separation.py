"""Stem separation ("StemFlow", dossier §12.14-§12.16), simulated with filters.

Real separation needs a neural network on a GPU; the mock splits the spectrum and the stereo image
instead, deterministically and in about a second per minute of audio:

* ``vocals``: the mid channel ((L+R)/2) band-passed to 200-4000 Hz, placed in both channels;
* ``bass``: everything below 150 Hz of what remains;
* ``drums``: everything above 4 kHz of what remains (cymbals, hats, snare crack);
* ``other``: the residual, so the four stems always sum back to the input exactly;
* in ``vocals_instrumental`` mode: ``vocals`` as above and ``instrumental`` = input - vocals.

All filters are zero-phase (:func:`scipy.signal.sosfiltfilt`), which is what makes the residual a
clean complement. Stems are stereo at 44.1 kHz as the service documents.
"""

from __future__ import annotations

from typing import Literal

from .buffer import Audio
from .filters import apply_sos, butter_sos

SeparationMode = Literal["all_stems", "vocals_instrumental"]
STEM_SAMPLE_RATE = 44100
VOCAL_BAND_HZ = (200.0, 4000.0)
BASS_CUTOFF_HZ = 150.0
DRUMS_CUTOFF_HZ = 4000.0


def _minus(left: Audio, right: Audio) -> Audio:
    """Sample-wise difference of two buffers of the same shape."""
    return left.with_samples(left.samples - right.samples)


def vocal_stem(source: Audio) -> Audio:
    """The centred voice band: mid channel, 200-4000 Hz, duplicated to stereo."""
    band = apply_sos(source.mono(), butter_sos("bandpass", VOCAL_BAND_HZ, source.sample_rate), True)
    return band.as_stereo()


def separate(audio: Audio, mode: SeparationMode = "all_stems") -> dict[str, Audio]:
    """Stems keyed as Tonn keys them: vocals/bass/drums/other, or vocals/instrumental."""
    source = audio.resampled(STEM_SAMPLE_RATE).as_stereo()
    vocals = vocal_stem(source)
    remainder = _minus(source, vocals)
    if mode == "vocals_instrumental":
        return {"vocals": vocals, "instrumental": remainder}
    rate = source.sample_rate
    bass = apply_sos(remainder, butter_sos("lowpass", BASS_CUTOFF_HZ, rate), zero_phase=True)
    drums = apply_sos(remainder, butter_sos("highpass", DRUMS_CUTOFF_HZ, rate), zero_phase=True)
    other = _minus(_minus(remainder, bass), drums)
    return {"vocals": vocals, "bass": bass, "drums": drums, "other": other}
