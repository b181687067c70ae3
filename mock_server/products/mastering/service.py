"""Mastering tasks: create, poll the preview, retrieve the final master (charged once).

The work checks the input off the request path; the master is rendered on first download. The
loudness target comes from ``desiredLoudness`` (or ``forcedLoudnessInLUFS``), the rate and bit
depth from ``sampleRate``. The preview is a 30 s MP3 excerpt from ``previewStartTime`` or the
loudest part of the input.
"""

from __future__ import annotations

from typing import Any, cast

from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.codecs import BitDepth, decode, encode
from tonn_mock.audio.mastering import LOUDNESS_TARGETS, master, master_settings_for, preview
from tonn_mock.audio.rules import InputRules, check_input
from tonn_mock.backend import MockBackend
from tonn_mock.products.bodies import failed_body, finished_at, timestamp, user_facing_errors
from tonn_mock.storage import RESULTS_PREFIX
from tonn_mock.storage.deferred import once
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task

INPUT_RULES = InputRules("mastering")
MASTERING = Lifecycle(
    name="mastering",
    running=("MASTERING_TASK_PENDING",),
    completed="MASTERING_TASK_PREVIEW_COMPLETED",
    failed="MASTERING_TASK_FAILED",
    follow_ups=("MASTERING_TASK_FINAL_COMPLETED",),
    schema="MasteringTaskState",
)

FINAL_STATE = "MASTERING_TASK_FINAL_COMPLETED"
STILL_PROCESSING = {"status": 202}


def create_preview(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    task = backend.tasks.create(
        MASTERING,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
        work=lambda task_id: render(backend, task_id, data),
    )
    return {"mastering_task_id": task.id, "error": False, "message": "", "info": ""}


def retrieve_preview(backend: MockBackend, owner: str, task_id: str) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.observe(task_id, owner)
    if MASTERING.is_running(task.state):
        return 202, STILL_PROCESSING
    if task.state == MASTERING.failed:
        return 200, failed_body(task)
    return 200, {"previewMasterTaskResults": preview_results(backend, task)}


def retrieve_final(backend: MockBackend, owner: str, task_id: str) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.observe(task_id, owner)
    if MASTERING.is_running(task.state):
        return 202, STILL_PROCESSING
    if task.state == MASTERING.failed:
        return 200, failed_body(task)
    if "final" not in task.charges:
        backend.ledger.charge(owner, "retrieveFinalMaster")
        backend.tasks.record_charge(task.id, "final")
    task = backend.tasks.follow_up(task.id, FINAL_STATE, {})
    url = backend.download_url(task.base_url, task.results["final"])
    return 200, {"finalMasterTaskResults": {"download_url_mastered": url}}


def preview_results(backend: MockBackend, task: Task) -> dict[str, Any]:
    return {
        "download_url_mastered_preview": backend.download_url(task.base_url, task.results["preview"]),
        "preview_start_time": task.results["preview_start_time"],
        "status": MASTERING.completed,
    }


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    body: dict[str, Any] = {
        "mastering_task_id": task.id,
        "state": task.state,
        "creation_time": timestamp(task.created_at),
    }
    if task.state == MASTERING.failed:
        body.update(error=True, message=task.error)
    elif not MASTERING.is_running(task.state):
        body["completion_time"] = timestamp(finished_at(task))
        body["download_url_mastered_preview"] = backend.download_url(task.base_url, task.results["preview"])
        if task.state == FINAL_STATE:
            body["download_url_mastered"] = backend.download_url(task.base_url, task.results["final"])
    return body


def render(backend: MockBackend, task_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The work at completion: read and check the input, choose the preview window.

    The master and its preview are rendered when first downloaded (see :mod:`..results`).
    """
    url = data["trackData"][0]["trackURL"]
    with user_facing_errors():
        decoded = decode(backend.inputs.read(url))
        check_input(decoded, INPUT_RULES)
    _, start = preview(decoded.audio, data.get("previewStartTime"))
    rate, bit_depth = master_settings_for(data.get("sampleRate", "44100"))

    @once
    def mastered() -> Audio:
        return master(decode(backend.inputs.read(url)).audio, loudness_target(data), sample_rate=rate)

    folder = f"{RESULTS_PREFIX}/{task_id}"
    return {
        "preview": backend.results.defer(
            f"{folder}/RoEx_Preview_Master.mp3",
            "audio/mpeg",
            lambda: encode(preview(mastered(), start)[0], "MP3"),
        ),
        "final": backend.results.defer(
            f"{folder}/RoEx_Final_Master.wav",
            "audio/wav",
            lambda: encode(mastered(), "WAV", cast(BitDepth, bit_depth)),
        ),
        "preview_start_time": round(start, 2),
        "target_lufs": loudness_target(data),
    }


def loudness_target(data: dict[str, Any]) -> float:
    if data.get("forcedLoudness") and data.get("forcedLoudnessInLUFS") is not None:
        return float(data["forcedLoudnessInLUFS"])
    return LOUDNESS_TARGETS[data["desiredLoudness"]]
