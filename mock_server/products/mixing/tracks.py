"""Rules about a mix's tracks that need no audio: names, request checks and effective FX settings.

Tonn keys ``mix_output_settings`` by the file name at the end of each ``trackURL``
(EVIDENCE §12.4); tracks whose names clash, the same upload listed twice included, are told apart
as ``take.wav``, ``take.wav (2)``... ([inferred]; a plain dict would lose one track's settings).

A track is a position in the preview's ``trackData``, not a URL: roex-python's own integration
test mixes one upload as two tracks and sends it twice in both calls (EVIDENCE §12.5). So
``/retrievefinalmix`` must list each preview track exactly once: every URL as many times as the
preview lists it, nothing else (400 otherwise, [inferred] from "must match a track of the preview
request"). The n-th final entry for a URL applies to the n-th preview track with that URL.

The final mix starts from the settings the AI chose for the preview and applies the request on
top ([inferred] from roex-python's "gain changes applied on top of the original preview"):
``gainDb`` is added to the AI's gain, ``panning_settings`` and ``compression_settings`` replace
the AI's pan and compressor, and each given ``eq_settings.band_N`` replaces that band only.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict, deque
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
    """The final mix must list every preview track exactly once (a URL as often as the preview does)."""
    wanted, given = Counter(preview_urls), Counter(final_urls)
    repeated = [_counted(url, n, wanted[url]) for url, n in given.items() if n > wanted[url] > 0]
    unknown = [url for url in given if not wanted[url]]
    missing = [
        url if not given[url] else _counted(url, given[url], n) for url, n in wanted.items() if given[url] < n
    ]
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


def _counted(url: str, given: int, wanted: int) -> str:
    return f"{url} (listed {given} times, {wanted} in the preview)"


def final_tracks_in_preview_order(
    preview_urls: Sequence[str], final_tracks: Sequence[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """The final mix's entries, one per preview track and in its order (checked first).

    The n-th entry for a URL goes with the n-th preview track that has that URL.
    """
    check_final_tracks(preview_urls, track_urls(final_tracks))
    queues: dict[str, deque[Mapping[str, Any]]] = defaultdict(deque)
    for track in final_tracks:
        queues[str(track["trackURL"])].append(track)
    return [queues[url].popleft() for url in preview_urls]


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
