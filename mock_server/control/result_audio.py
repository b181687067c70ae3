"""A task's result files as a person inspects them: a URL to play each, and its picture.

A task's ``results`` hold storage keys (``results/<task id>/RoEx_Preview_Master.mp3``), some in
nested mappings (``stems.bass``); every key whose name is an audio file is one of its files, named
by its dotted place in ``results``. Pictures (:func:`tonn_mock.audio.picture`) are worked out from
the stored bytes, rendering a pending file first, and kept by content hash: a file's bytes never
change, so each is decoded and measured once.
"""

from __future__ import annotations

import mimetypes
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

from tonn_mock.audio import AudioError, decode, picture
from tonn_mock.backend import MockBackend
from tonn_mock.control.errors import ControlError, unknown_name
from tonn_mock.storage import RESULTS_PREFIX
from tonn_mock.tasks.models import Task

KEPT_PICTURES = 32
MAX_POINTS = 20_000
_pictures: OrderedDict[tuple[str, int], dict[str, Any]] = OrderedDict()
_guard = threading.Lock()


def audio_keys(task: Task) -> dict[str, str]:
    """Dotted name in ``results`` → storage key, for every audio file of the task."""
    return dict(_walk(task.results, ""))


def _walk(results: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, str]]:
    for name, value in results.items():
        if isinstance(value, Mapping):
            yield from _walk(value, f"{prefix}{name}.")
        elif isinstance(value, str) and value.startswith(f"{RESULTS_PREFIX}/") and _is_audio(value):
            yield f"{prefix}{name}", value


def _is_audio(key: str) -> bool:
    guessed, _ = mimetypes.guess_type(key)
    return guessed is not None and guessed.startswith("audio/")


def describe(backend: MockBackend, task: Task) -> list[dict[str, Any]]:
    """One entry per audio file: name, preview or final, storage key, whether it has been rendered
    yet, and a root-relative signed URL that plays it from wherever the mock is reached."""
    return [
        {
            "name": name,
            "kind": "preview" if "preview" in name.lower() else "final",
            "key": key,
            "rendered": backend.blobs.info(key) is not None,
            "url": backend.download_url("", key),
        }
        for name, key in audio_keys(task).items()
    ]


def picture_of(backend: MockBackend, task: Task, name: str, points: int) -> dict[str, Any]:
    """The waveform and loudness curve of the file ``name`` (rendered first if still pending)."""
    if not 1 <= points <= MAX_POINTS:
        raise ControlError(f"points must be from 1 to {MAX_POINTS}, not {points}")
    keys = audio_keys(task)
    if not keys:
        raise ControlError(f"task {task.id!r} has no audio files (state {task.state})")
    if name not in keys:
        raise unknown_name(f"audio file of task {task.id!r}", name, keys)
    key = keys[name]
    backend.results.ensure(key)
    info = backend.blobs.info(key)
    if info is None:
        raise ControlError(f"the file {name!r} of task {task.id!r} is no longer stored")
    cached = _cached((info.sha256, points))
    if cached is None:
        try:
            drawn = picture(decode(backend.blobs.get(key)).audio, points).as_dict()
        except AudioError as problem:
            raise ControlError(
                f"the file {name!r} of task {task.id!r} is not readable audio: {problem}"
            ) from None
        cached = _keep((info.sha256, points), drawn)
    return {"name": name, "key": key, "content_type": info.content_type, **cached}


def _cached(identity: tuple[str, int]) -> dict[str, Any] | None:
    with _guard:
        found = _pictures.get(identity)
        if found is not None:
            _pictures.move_to_end(identity)
        return found


def _keep(identity: tuple[str, int], drawn: dict[str, Any]) -> dict[str, Any]:
    with _guard:
        _pictures[identity] = drawn
        while len(_pictures) > KEPT_PICTURES:
            _pictures.popitem(last=False)
    return drawn
