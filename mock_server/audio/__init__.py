"""tonn_mock.audio: the audio engine behind the mock's task processors.

Pure functions over an immutable :class:`Audio` buffer; no Flask, no I/O beyond bytes in and out,
so processors can run them off the request path and tests can call them directly.

What is simulated, product by product (details in each module's docstring):

* input rules (:mod:`.rules`): formats, 44.1/48 kHz, 10 s minimum, 8/10 min maximum, silence;
* mastering (:mod:`.mastering`): LOW/MEDIUM/HIGH = -14/-10/-8 LUFS within 1 LU, true peak at or
  below -1 dBTP, 44.1 kHz/16-bit or 48 kHz/24-bit, 30 s previews from a given or the loudest start;
* mixing (:mod:`.mixing`, :mod:`.automix`): per-track EQ, compression, gain and constant-power
  panning in Tonn's settings shape; the "AI" settings come from a fixed per-instrument table;
* analysis (:mod:`.analysis`): real loudness, true peak, clipping, stereo and spectrum
  measurements mapped to Tonn's verdict vocabulary with documented thresholds;
* enhance, clean-up, separation (:mod:`.separation`, which also gives enhance's stems), recombine
  (:mod:`.recombine`) and dialogue enhancement (:mod:`.dialogue`): simple deterministic filters,
  dynamics and the mastering chain;
* what the inspector draws of a result (:mod:`.picture`): its waveform and short-term loudness.

Not simulated: anything that needs machine learning (real source separation, the real mixing AI,
reverb, denoising), and the real service's exact numbers. Every function is deterministic: the
same input gives the same samples and, through :func:`encode`, the same bytes.
"""

from tonn_mock.audio.analysis import analyse
from tonn_mock.audio.automix import TrackMeta, auto_mix_settings
from tonn_mock.audio.buffer import Audio, db_to_gain, gain_to_db
from tonn_mock.audio.cleanup import SOUND_SOURCES, SoundSource, cleanup
from tonn_mock.audio.codecs import BitDepth, ContainerFormat, DecodedAudio, content_type, decode, encode
from tonn_mock.audio.dialogue import DialogueMode, DialogueTrack, DialogueTrackType, enhance_dialogue
from tonn_mock.audio.dynamics import Compression
from tonn_mock.audio.enhance import ENHANCE_TARGETS, LoudnessPreference, enhance, enhance_stems
from tonn_mock.audio.errors import AudioError, AudioRejected, UnreadableAudio
from tonn_mock.audio.inspect import AudioFacts, inspect
from tonn_mock.audio.mastering import (
    CEILING_DBFS,
    LOUDNESS_TARGETS,
    PREVIEW_LENGTH_S,
    loudness_target,
    master,
    master_settings_for,
    preview,
)
from tonn_mock.audio.measure import integrated_loudness, sample_peak_dbfs, short_term_loudness, true_peak_dbfs
from tonn_mock.audio.mixing import EqBand, MixResult, TrackInput, mix, track_from_settings
from tonn_mock.audio.picture import AudioPicture, picture
from tonn_mock.audio.recombine import RecombineResult, recombine
from tonn_mock.audio.rules import ANY_FORMAT, LOSSLESS, InputRules, check_facts, check_input
from tonn_mock.audio.separation import SEPARATION_STEMS, SeparationMode, separate
from tonn_mock.audio.signals import pink_noise, sine, stand_in_signal

__all__ = [
    "ANY_FORMAT",
    "CEILING_DBFS",
    "ENHANCE_TARGETS",
    "LOSSLESS",
    "LOUDNESS_TARGETS",
    "PREVIEW_LENGTH_S",
    "SEPARATION_STEMS",
    "SOUND_SOURCES",
    "Audio",
    "AudioError",
    "AudioFacts",
    "AudioPicture",
    "AudioRejected",
    "BitDepth",
    "Compression",
    "ContainerFormat",
    "DecodedAudio",
    "DialogueMode",
    "DialogueTrack",
    "DialogueTrackType",
    "EqBand",
    "InputRules",
    "LoudnessPreference",
    "MixResult",
    "RecombineResult",
    "SeparationMode",
    "SoundSource",
    "TrackInput",
    "TrackMeta",
    "UnreadableAudio",
    "analyse",
    "auto_mix_settings",
    "check_facts",
    "check_input",
    "cleanup",
    "content_type",
    "db_to_gain",
    "decode",
    "encode",
    "enhance",
    "enhance_dialogue",
    "enhance_stems",
    "gain_to_db",
    "inspect",
    "integrated_loudness",
    "loudness_target",
    "master",
    "master_settings_for",
    "mix",
    "picture",
    "pink_noise",
    "preview",
    "recombine",
    "sample_peak_dbfs",
    "separate",
    "short_term_loudness",
    "sine",
    "stand_in_signal",
    "track_from_settings",
    "true_peak_dbfs",
]
