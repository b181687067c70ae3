"""Rules about a mix's tracks that need no audio: names, request checks and effective FX settings.

Tonn keys ``mix_output_settings`` by the file name at the end of each ``trackURL``
(EVIDENCE §12.4), so two tracks of one mix must not share a file name: the mock refuses such a
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

from tonn_mock.audio.buffer import db_to_gain
from tonn_mock.core.errors import InvalidRequest
from tonn_mock.storage import sanitise_filename


def track_name(url: str) -> str:
    """The file name a ``trackURL`` ends with: the key of its ``mix_output_settings`` entry."""
    return posixpath.basename(unquote(urlsplit(url).path)) or url


def track_urls(tracks: Iterable[Mapping[str, Any]]) -> list[str]:
    return [str(track["trackURL"]) for track in tracks]


def track_names(urls: Sequence[str]) -> list[str]:
    """The ``mix_output_settings`` keys of a mix's tracks, in order, told apart when they clash.

    [inferred] Tonn keys settings by file name; a name that repeats gets `` (2)``, `` (3)``...
    on its later tracks, so every track keeps its own settings.
    """
    seen: Counter[str] = Counter()
    names = []
    for url in urls:
        name = track_name(url)
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


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
    return {
        "gain_settings": {
            "gain_db": gain_db,
            "initial_gain": ai["gain_settings"].get("initial_gain", 1.0),
            "gain_amplitude": round(db_to_gain(gain_db), 4),
        },
        "eq_settings": _eq_settings(ai.get("eq_settings", {}), requested.get("eq_settings") or {}),
        "drc_settings": _merged(ai["drc_settings"], requested.get("compression_settings"), DRC_FIELDS),
        "panning_settings": _merged(ai["panning_settings"], requested.get("panning_settings"), PAN_FIELDS),
    }


EQ_BANDS = tuple(f"band_{n}" for n in range(1, 7))
BAND_FIELDS = ("centre_freq", "gain", "q")
DRC_FIELDS = ("threshold", "ratio", "attack_ms", "release_ms")
PAN_FIELDS = ("panning_angle",)


def _eq_settings(ai: Mapping[str, Any], requested: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """Each band the request gives overrides the AI's band field by field; other keys are ignored."""
    bands = {name: _merged(ai.get(name, {}), requested.get(name), BAND_FIELDS) for name in EQ_BANDS}
    return {name: band for name, band in bands.items() if set(band) == set(BAND_FIELDS)}


def _merged(base: Mapping[str, Any], override: Any, fields: Sequence[str]) -> dict[str, float]:
    """``base`` with the numeric ``fields`` of ``override`` laid over it (unknown keys are ignored)."""
    merged = {
        **_numbers(base, fields),
        **(_numbers(override, fields) if isinstance(override, Mapping) else {}),
    }
    return {field: merged[field] for field in fields if field in merged}


def _numbers(values: Mapping[str, Any], fields: Sequence[str]) -> dict[str, float]:
    return {
        field: float(values[field])
        for field in fields
        if isinstance(values.get(field), int | float) and not isinstance(values.get(field), bool)
    }
