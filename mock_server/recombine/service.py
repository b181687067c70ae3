"""Recombine (dossier §12.17-§12.20): put a vocal back over a backing track and master the result.

The inputs are either a completed separation job of the same key (its ``vocals`` stem over the
sum of its other stems) or a ``vocalStemURL`` + ``backingStemURL`` pair, which must pass the
recombine input rules. A ``stemJobId`` that is unknown, another key's or not a separation job
answers 404; one still running or failed answers 400, and no task is created.

The audio work brings both parts to 44.1 kHz stereo, applies ``vocalGainDb`` to the vocal, sums
them, masters the sum to ``desiredLoudness`` (-14/-10/-8 LUFS, -1 dBTP, see
:mod:`tonn_mock.audio.mastering`) as a 16-bit WAV, and cuts a 30 s MP3 preview from the loudest
section. ``musicalStyle`` is echoed back but does not change the sound. Submitting and the preview
are free; the first successful ``/retrieverecombine`` costs 250 credits, repeats are free. Links
are signed for 24 h.

When the work happens: at completion the task only reads, decodes and checks input URLs (so a
refused input still fails it). The master WAV is rendered the first time a retrieve answer needs
its measurements (``preview_start_seconds`` and ``measured_lufs_full`` in the preview body,
``measured_lufs``, ``peak_level`` and ``track_length_seconds`` in the result body): they are
measured on the rendered master file, and kept as a small JSON result next to it so later answers
only read them. The preview MP3 is encoded on its first download (see :mod:`tonn_mock.results`).
Stems of a separation job that were never downloaded are rendered when the master is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from ..audio.buffer import Audio
from ..audio.codecs import decode, encode
from ..audio.mastering import LOUDNESS_TARGETS, master, preview
from ..audio.measure import integrated_loudness, sample_peak_dbfs
from ..audio.rules import check_input
from ..backend import MockBackend
from ..errors import InvalidRequest, TaskNotFound
from ..inputs import storage_key
from ..responses import failed_body, job_status_body, user_facing_errors
from ..storage import LONG_DOWNLOAD_URL_TTL, RESULTS_PREFIX
from ..tasks.lifecycle import RECOMBINE, SEPARATION
from ..tasks.models import Task

RATE = 44100
BIT_DEPTH: Final = 16
NOT_COMPLETE = {"error": True, "message": "Recombine is not complete yet."}


@dataclass(frozen=True)
class Sources:
    """Where the two parts come from: stored stem keys (``stored``) or input URLs."""

    vocal: tuple[str, ...]
    backing: tuple[str, ...]
    stored: bool


def create_recombine(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    sources = sources_of(backend, owner, data)
    task = backend.tasks.create(
        RECOMBINE,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
        work=lambda task_id: render(backend, task_id, data, sources),
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
    if "final" not in task.charges:
        backend.ledger.charge(owner, "retrieveRecombine")
        backend.tasks.record_charge(task.id, "final")
    return 200, {"error": False, "result": final_result(backend, task)}


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
        "sample_rate": RATE,
        "bit_depth": BIT_DEPTH,
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


def sources_of(backend: MockBackend, owner: str, data: dict[str, Any]) -> Sources:
    """The request's inputs; refuses a ``stemJobId`` that cannot be recombined (404 / 400)."""
    if "stemJobId" not in data:
        return Sources((data["vocalStemURL"],), (data["backingStemURL"],), stored=False)
    stems = completed_stems(backend, owner, data["stemJobId"])
    backing = tuple(key for name, key in stems.items() if name != "vocals")
    return Sources((stems["vocals"],), backing, stored=True)


def completed_stems(backend: MockBackend, owner: str, job_id: str) -> dict[str, str]:
    job = backend.tasks.get(job_id, owner)
    if job.lifecycle != SEPARATION.name:
        raise TaskNotFound(job_id)
    job = backend.tasks.catch_up(job.id)
    if SEPARATION.is_running(job.state):
        raise InvalidRequest(f"Separation job {job_id!r} is not complete yet: wait for status 'complete'.")
    if job.state == SEPARATION.failed:
        raise InvalidRequest(f"Separation job {job_id!r} failed and has no stems to recombine.")
    return dict(job.results["stems"])


def read(backend: MockBackend, ref: str, stored: bool) -> bytes:
    """An input's bytes: a stored stem, or a URL (either may be a result not yet rendered)."""
    key = ref if stored else storage_key(ref)
    if key is not None:
        backend.results.ensure(key)
    return backend.blobs.get(ref) if stored else backend.inputs.read(ref)


def load(backend: MockBackend, refs: tuple[str, ...], stored: bool) -> Audio:
    """Decode each input and sum them at 44.1 kHz stereo."""
    parts = [decode(read(backend, ref, stored)).audio.as_stereo().resampled(RATE) for ref in refs]
    return overlay(*parts)


def overlay(*parts: Audio) -> Audio:
    """The sum of ``parts``, as long as the longest."""
    frames = max(part.frames for part in parts)
    return Audio(np.sum([part.padded(frames).samples for part in parts], axis=0), RATE)


# audio work --------------------------------------------------------------------------------------


def render(backend: MockBackend, task_id: str, data: dict[str, Any], sources: Sources) -> dict[str, Any]:
    """The work at completion: check input URLs; register the master, its preview and measurements."""
    if not sources.stored:
        with user_facing_errors():
            for url in (*sources.vocal, *sources.backing):
                check_input(decode(read(backend, url, stored=False)), "recombine")
    folder = f"{RESULTS_PREFIX}/{task_id}"
    master_key = backend.results.defer(
        f"{folder}/recombine_master.wav",
        "audio/wav",
        lambda: encode(mix_and_master(backend, data, sources), "WAV", BIT_DEPTH),
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


def mix_and_master(backend: MockBackend, data: dict[str, Any], sources: Sources) -> Audio:
    """The master: the gained vocal over the backing, mastered to ``desiredLoudness``."""
    vocal = load(backend, sources.vocal, sources.stored)
    backing = load(backend, sources.backing, sources.stored)
    gain = float(data.get("vocalGainDb", 0.0))
    target = LOUDNESS_TARGETS[data.get("desiredLoudness", "MEDIUM")]
    return master(overlay(vocal.gained(gain), backing), target, sample_rate=RATE)


def rendered(backend: MockBackend, key: str) -> Audio:
    """A result file of this area, rendered now if it is still pending, decoded."""
    backend.results.ensure(key)
    return decode(backend.blobs.get(key)).audio


def measure(master: Audio) -> dict[str, float]:
    """What the retrieve answers report about the master (the preview window, levels, length)."""
    return {
        "preview_start_seconds": preview(master, None)[1],
        "measured_lufs": round(integrated_loudness(master), 2),
        "peak_level": round(sample_peak_dbfs(master), 2),
        "track_length_seconds": round(master.duration, 2),
    }


def measurements(backend: MockBackend, task: Task) -> dict[str, float]:
    """The master's measurements, rendering the master first if no answer has needed them yet."""
    backend.results.ensure(task.results["measurements"])
    return dict(json.loads(backend.blobs.get(task.results["measurements"])))
