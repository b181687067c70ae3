"""Recombine (EVIDENCE §12.17-§12.20): put a vocal back over a backing track and master the result.

The inputs are either a completed separation job of the same key (its ``vocals`` stem over the
sum of its other stems) or a ``vocalStemURL`` + ``backingStemURL`` pair, which must pass the
recombine input rules. A ``stemJobId`` that is unknown, another key's or not a separation job
answers 404; one still running or failed answers 400, and no task is created.

The audio work is :func:`tonn_mock.audio.recombine`: both parts at 44.1 kHz stereo, ``vocalGainDb``
on the vocal, the sum mastered to ``desiredLoudness`` (-14/-10/-8 LUFS, -1 dBTP) as a 16-bit WAV;
a 30 s MP3 preview is cut from the loudest section. ``musicalStyle`` is echoed back but does not
change the sound. Submitting and the preview are free; the first successful ``/retrieverecombine``
costs 250 credits, repeats are free. Links are signed for 24 h.

When the work happens: at completion the task only reads, decodes and checks input URLs (so a
refused input still fails it). The master WAV is rendered the first time a retrieve answer needs
its measurements (``preview_start_seconds`` and ``measured_lufs_full`` in the preview body,
``measured_lufs``, ``peak_level`` (true peak, dBTP) and ``track_length_seconds`` in the result
body): they are measured on the rendered master file (:class:`tonn_mock.audio.RecombineResult`)
and kept as a small JSON result next to it, so later answers only read them. The preview MP3 is
encoded on its first download (see :mod:`tonn_mock.storage.deferred`). Stems of a separation job
that were never downloaded are rendered when the master is.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from tonn_mock.audio import (
    Audio,
    InputRules,
    RecombineResult,
    check_facts,
    decode,
    encode,
    preview,
    recombine,
)
from tonn_mock.audio.recombine import RECOMBINE_BIT_DEPTH, RECOMBINE_SAMPLE_RATE
from tonn_mock.backend import MockBackend
from tonn_mock.core.errors import InvalidRequest, TaskNotFound
from tonn_mock.products.bodies import failed_body, job_status_body, user_facing_errors
from tonn_mock.products.separation.service import SEPARATION
from tonn_mock.storage import LONG_DOWNLOAD_URL_TTL, RESULTS_PREFIX
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task
from tonn_mock.tasks.service import WorkFailed

INPUT_RULES = InputRules("recombine")
RECOMBINE = Lifecycle(
    name="recombine", running=("pending", "started"), completed="completed", failed="failed"
)

NOT_COMPLETE = {"error": True, "message": "Recombine is not complete yet."}
MEASURED = ("preview_start_seconds", "measured_lufs", "peak_level", "track_length_seconds")
"""The :class:`tonn_mock.audio.RecombineResult` figures kept next to the master."""


@dataclass(frozen=True)
class Sources:
    """Where the two parts come from: stored stem keys (``stored``) or input URLs."""

    vocal: str
    backing: tuple[str, ...]
    stored: bool


def create_recombine(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    sources_of(backend, owner, data)  # refuses a body whose sources cannot be used
    task = backend.tasks.create(
        RECOMBINE,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
        id_prefix="rc_",
    )
    return {"recombineTaskId": task.id, "error": False, "message": ""}


def recombine_status(backend: MockBackend, owner: str, task_id: str) -> dict[str, Any]:
    task = backend.tasks.observe(task_id, owner)
    return job_status_body(RECOMBINE, task, "recombineTaskId", "Recombine")


def retrieve_preview(backend: MockBackend, owner: str, task_id: str) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.observe(task_id, owner)
    if not_ready := unfinished(task):
        return not_ready
    return 200, {"error": False, "recombineTaskId": task.id, "preview": preview_result(backend, task)}


def retrieve_final(backend: MockBackend, owner: str, task_id: str) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.observe(task_id, owner)
    if not_ready := unfinished(task):
        return not_ready
    with backend.charge_once(task.id, owner, "retrieveRecombine", "final"):
        result = final_result(backend, task)
    return 200, {"error": False, "result": result}


def unfinished(task: Task) -> tuple[int, dict[str, Any]] | None:
    """The answer for a task that has no result (still running, or failed); ``None`` if it has."""
    if RECOMBINE.is_running(task.state):
        return 202, dict(NOT_COMPLETE)
    if task.state == RECOMBINE.failed:
        return 200, failed_body(task, "Recombine failed.")
    return None


def preview_result(backend: MockBackend, task: Task) -> dict[str, Any]:
    measured = measurements(backend, task)
    return {
        "preview_url": backend.download_url(task.base_url, task.results["preview"], LONG_DOWNLOAD_URL_TTL),
        "preview_start_seconds": measured["preview_start_seconds"],
        "measured_lufs_full": measured["measured_lufs"],
    }


def final_result(backend: MockBackend, task: Task) -> dict[str, Any]:
    results, measured = task.results, measurements(backend, task)
    return {
        "master_url": backend.download_url(task.base_url, results["master"], LONG_DOWNLOAD_URL_TTL),
        **{key: measured[key] for key in ("measured_lufs", "peak_level", "track_length_seconds")},
        "sample_rate": RECOMBINE_SAMPLE_RATE,
        "bit_depth": RECOMBINE_BIT_DEPTH,
        "channels": 2,
        "processing": dict(results["processing"]),
    }


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    body: dict[str, Any] = {"recombineTaskId": task.id, "status": task.state, "error": False, "message": ""}
    if task.state == RECOMBINE.completed:
        body["message"] = "Recombine complete."
    elif task.state == RECOMBINE.failed:
        body.update(error=True, message=f"Recombine failed: {task.error}")
    return body


# inputs ------------------------------------------------------------------------------------------


def sources_of(backend: MockBackend, owner: str, data: dict[str, Any], *, catch_up: bool = True) -> Sources:
    """The request's inputs; refuses a ``stemJobId`` that cannot be recombined (404 / 400).

    ``catch_up=False`` reads the separation as it is stored (the recombine's work: it runs inside
    the recombine's own transition, which must not wait on another task's)."""
    if "stemJobId" not in data:
        return Sources(data["vocalStemURL"], (data["backingStemURL"],), stored=False)
    stems = completed_stems(backend, owner, data["stemJobId"], catch_up=catch_up)
    backing = tuple(key for name, key in stems.items() if name != "vocals")
    return Sources(stems["vocals"], backing, stored=True)


def completed_stems(
    backend: MockBackend, owner: str, job_id: str, *, catch_up: bool = True
) -> dict[str, str]:
    job = backend.tasks.get(job_id, owner)
    if job.lifecycle != SEPARATION.name:
        raise TaskNotFound(job_id)
    if catch_up:
        job = backend.tasks.catch_up(job.id)
    if SEPARATION.is_running(job.state):
        raise InvalidRequest(f"Separation job {job_id!r} is not complete yet: wait for status 'complete'.")
    if job.state == SEPARATION.failed:
        raise InvalidRequest(f"Separation job {job_id!r} failed and has no stems to recombine.")
    return dict(job.results["stems"])


def read(backend: MockBackend, task_id: str, ref: str, stored: bool) -> bytes:
    """An input's bytes: a stored stem (rendered now if it is still pending), or a URL as the task
    pinned it when it completed."""
    if not stored:
        return backend.inputs.of(task_id).read(ref)
    backend.results.ensure(ref)
    return backend.blobs.get(ref)


def load(backend: MockBackend, task_id: str, ref: str, stored: bool) -> Audio:
    """One input, decoded as it is (the engine brings every part to 44.1 kHz stereo)."""
    return decode(read(backend, task_id, ref, stored)).audio


# audio work --------------------------------------------------------------------------------------


def work(backend: MockBackend, task: Task) -> dict[str, Any]:
    try:
        sources = sources_of(backend, task.owner, dict(task.request), catch_up=False)
    except (InvalidRequest, TaskNotFound) as problem:  # the separation was forgotten since
        raise WorkFailed(str(problem)) from None
    return {**render(backend, task.id, dict(task.request), sources), "sources": dataclasses.asdict(sources)}


def restore_renders(backend: MockBackend, task: Task) -> None:
    """The files, from the sources the task had when it completed."""
    kept = task.results["sources"]
    sources = Sources(kept["vocal"], tuple(kept["backing"]), kept["stored"])
    render(backend, task.id, dict(task.request), sources)


def render(backend: MockBackend, task_id: str, data: dict[str, Any], sources: Sources) -> dict[str, Any]:
    """The work at completion: check input URLs; register the master, its preview and measurements."""
    if not sources.stored:
        with user_facing_errors():
            for url in (sources.vocal, *sources.backing):
                check_facts(backend.inputs.of(task_id).facts(url), INPUT_RULES)
    folder = f"{RESULTS_PREFIX}/{task_id}"
    master_key = backend.results.defer(
        f"{folder}/recombine_master.wav",
        "audio/wav",
        lambda: encode(mix_and_master(backend, task_id, data, sources), "WAV", RECOMBINE_BIT_DEPTH),
    )
    return {
        "master": master_key,
        "preview": backend.results.defer(
            f"{folder}/recombine_preview.mp3",
            "audio/mpeg",
            lambda: encode(preview(rendered(backend, master_key), None)[0], "MP3"),
        ),
        "measurements": backend.results.defer(
            f"{folder}/recombine_master.json",
            "application/json",
            lambda: json.dumps(measure(rendered(backend, master_key))).encode(),
        ),
        "processing": {
            "musical_style": data["musicalStyle"],
            "desired_loudness": data.get("desiredLoudness", "MEDIUM"),
            "vocal_gain_db": float(data.get("vocalGainDb", 0.0)),
        },
    }


def mix_and_master(backend: MockBackend, task_id: str, data: dict[str, Any], sources: Sources) -> Audio:
    """The master: the gained vocal over the backing, mastered to ``desiredLoudness``."""
    result = recombine(
        load(backend, task_id, sources.vocal, sources.stored),
        [load(backend, task_id, ref, sources.stored) for ref in sources.backing],
        vocal_gain_db=float(data.get("vocalGainDb", 0.0)),
        desired_loudness=data.get("desiredLoudness", "MEDIUM"),
    )
    return result.audio


def rendered(backend: MockBackend, key: str) -> Audio:
    """A result file of this area, rendered now if it is still pending, decoded."""
    backend.results.ensure(key)
    return decode(backend.blobs.get(key)).audio


def measure(master: Audio) -> dict[str, float]:
    """What the retrieve answers report about the master (the preview window, levels, length)."""
    figures = RecombineResult(master)
    return {key: getattr(figures, key) for key in MEASURED}


def measurements(backend: MockBackend, task: Task) -> dict[str, float]:
    """The master's measurements, rendering the master first if no answer has needed them yet."""
    backend.results.ensure(task.results["measurements"])
    return dict(json.loads(backend.blobs.get(task.results["measurements"])))
