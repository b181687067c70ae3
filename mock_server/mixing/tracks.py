"""Rules about a mix's tracks that need no audio: names, request checks and effective FX settings.

Tonn keys ``mix_output_settings`` by the file name at the end of each ``trackURL`` (dossier
§12.4, [P4]), so two tracks of one mix must not share a file name: the mock refuses such a
preview with 400 ([inferred]; the real service's behaviour is unknown, a plain dict would lose
one track's settings). ``/retrievefinalmix`` must name exactly the preview's tracks (400 otherwise,
[inferred] from "must match a track of the preview request").

The final mix starts from the settings the AI chose for the preview and applies the request on
top ([inferred] from roex-python's "gain changes applied on top of the original preview"):
``gainDb`` is added to the AI's gain, ``panning_settings`` and ``compression_settings`` replace
the AI's pan and compressor, and each given ``eq_settings.band_N`` replaces that band only.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

from ..audio.buffer import db_to_gain
from ..errors import InvalidRequest
from ..storage import sanitise_filename


def track_name(url: str) -> str:
    """The file name a ``trackURL`` ends with: the key of its ``mix_output_settings`` entry."""
    return posixpath.basename(unquote(urlsplit(url).path)) or url


def track_urls(tracks: Iterable[Mapping[str, Any]]) -> list[str]:
    return [str(track["trackURL"]) for track in tracks]


def check_preview_tracks(urls: Sequence[str]) -> None:
    """Refuse a preview whose tracks could not be told apart in ``mix_output_settings``."""
    clashes = sorted(name for name, count in Counter(map(track_name, urls)).items() if count > 1)
    if clashes:
        raise InvalidRequest(
            f"Each trackURL must end in a different file name (FX settings are keyed by it); "
            f"repeated: {', '.join(clashes)}"
        )


def check_final_tracks(preview_urls: Sequence[str], final_urls: Sequence[str]) -> None:
    """The final mix must list every preview track exactly once, and nothing else."""
    repeated = sorted(url for url, count in Counter(final_urls).items() if count > 1)
    unknown = [url for url in final_urls if url not in preview_urls]
    missing = [url for url in preview_urls if url not in final_urls]
    problems = [
        f"{label}: {', '.join(urls)}"
        for label, urls in (("repeated", repeated), ("not in the preview", unknown), ("missing", missing))
        if urls
    ]
    if problems:
        raise InvalidRequest(
            "trackData must list each track of the mix preview exactly once (by trackURL); "
            + "; ".join(problems)
        )


def stem_names(names: Sequence[str]) -> list[str]:
    """Stem keys: file names without their extension (kept whole where that would clash)."""
    bare = [posixpath.splitext(name)[0] or name for name in names]
    counts = Counter(bare)
    return [short if counts[short] == 1 else name for short, name in zip(bare, names, strict=True)]


def stem_files(names: Sequence[str]) -> list[str]:
    """Safe, distinct storage file names (``<stem>.wav``) for ``names``."""
    files: list[str] = []
    for index, name in enumerate(names):
        file = sanitise_filename(f"{name}.wav")
        files.append(file if file not in files else f"{index + 1}_{file}")
    return files


def applied_settings(ai: Mapping[str, Any], requested: Mapping[str, Any]) -> dict[str, Any]:
    """The settings a final-mix track is rendered with: the AI's, changed by the request."""
    gain_db = round(float(ai["gain_settings"]["gain_db"]) + float(requested["gainDb"]), 2)
    eq = {**ai.get("eq_settings", {}), **requested.get("eq_settings", {})}
    return {
        "gain_settings": {
            "gain_db": gain_db,
            "initial_gain": ai["gain_settings"].get("initial_gain", 1.0),
            "gain_amplitude": round(db_to_gain(gain_db), 4),
        },
        "eq_settings": {name: _floats(eq[name]) for name in sorted(eq, key=_band_number)},
        "drc_settings": _floats(requested.get("compression_settings") or ai["drc_settings"]),
        "panning_settings": _floats(requested.get("panning_settings") or ai["panning_settings"]),
    }


def _band_number(name: str) -> int:
    return int(name.rsplit("_", 1)[-1])


def _floats(values: Mapping[str, Any]) -> dict[str, float]:
    return {key: float(value) for key, value in values.items()}
