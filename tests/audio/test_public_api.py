"""The engine's public surface is pinned, and it never imports Flask."""

from __future__ import annotations

import ast
from pathlib import Path

import tonn_mock.audio as audio

EXPECTED = {
    "ANY_FORMAT", "CEILING_DBFS", "ENHANCE_TARGETS", "LOSSLESS", "LOUDNESS_TARGETS", "PREVIEW_LENGTH_S",
    "SEPARATION_STEMS", "SOUND_SOURCES", "Audio", "AudioError", "AudioFacts", "AudioPicture", "AudioRejected",
    "BitDepth", "Compression", "ContainerFormat", "DecodedAudio", "DialogueMode", "DialogueTrack",
    "DialogueTrackType", "EqBand", "InputRules", "LoudnessPreference", "MixResult", "RecombineResult",
    "SeparationMode", "SoundSource", "TrackInput", "TrackMeta", "UnreadableAudio", "analyse",
    "auto_mix_settings", "check_facts", "check_input", "cleanup", "content_type", "db_to_gain",
    "decode", "encode", "enhance", "enhance_dialogue", "enhance_stems", "gain_to_db", "inspect",
    "integrated_loudness", "loudness_target", "master", "master_settings_for", "mix", "picture", "pink_noise",
    "preview", "recombine", "sample_peak_dbfs", "separate", "short_term_loudness", "sine", "stand_in_signal",
    "track_from_settings", "true_peak_dbfs",
}  # fmt: skip


def test_the_public_api_is_exactly_what_is_documented() -> None:
    assert set(audio.__all__) == EXPECTED
    assert all(hasattr(audio, name) for name in audio.__all__)


def test_the_presets_match_the_evidence() -> None:
    assert audio.LOUDNESS_TARGETS == {"LOW": -14.0, "MEDIUM": -10.0, "HIGH": -8.0}
    assert audio.CEILING_DBFS == -1.0
    assert (audio.LOSSLESS, audio.ANY_FORMAT) == (("WAV", "FLAC"), ("WAV", "FLAC", "MP3"))
    assert audio.SEPARATION_STEMS == {
        "all_stems": ("vocals", "bass", "drums", "other"),
        "vocals_instrumental": ("vocals", "instrumental"),
    }


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and not node.level
    }
    return names


def test_the_engine_imports_no_web_framework() -> None:
    package = Path(audio.__file__).parent
    imported = set().union(*(imported_modules(path) for path in package.glob("*.py")))
    own = {name for name in imported if name.startswith("tonn_mock.")}
    assert {name.rsplit(".", 1)[0] for name in own} == {"tonn_mock.audio"}  # nothing else of the mock
    assert not {name for name in imported if name.split(".")[0] in {"flask", "werkzeug", "waitress"}}
    assert {name for name in imported - own if name} <= {
        "__future__", "collections.abc", "concurrent.futures", "dataclasses", "functools", "hashlib",
        "io", "math", "os", "typing",
        "numpy", "numpy.typing", "pyloudnorm", "scipy", "soundfile", "",
    }  # fmt: skip
