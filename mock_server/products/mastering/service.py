"""Mastering tasks: create, poll the preview, retrieve the final master (charged once).

Completing a task checks the input from its header and first samples; the master is rendered
on first download. The loudness target comes from ``desiredLoudness`` (or
``forcedLoudnessInLUFS``), the rate and bit depth from ``sampleRate``. The preview is a 30 s MP3
excerpt from ``previewStartTime`` or the loudest part of the input (see :mod:`..previews`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from tonn_mock.audio.codecs import BitDepth, decode, encode
from tonn_mock.audio.mastering import LOUDNESS_TARGETS, master, master_settings_for, preview
from tonn_mock.audio.rules import InputRules, check_facts
from tonn_mock.backend import MockBackend
from tonn_mock.products.bodies import failed_body, finished_at, timestamp, user_facing_errors
from tonn_mock.products.previews import decided_start, preview_start
from tonn_mock.storage import RESULTS_PREFIX
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
    with backend.charge_once(task.id, owner, "retrieveFinalMaster", "final"):
        task = backend.tasks.follow_up(task.id, FINAL_STATE, {})
    url = backend.download_url(task.base_url, task.results["final"])
    return 200, {"finalMasterTaskResults": {"download_url_mastered": url}}


def preview_results(backend: MockBackend, task: Task) -> dict[str, Any]:
    return {
        "download_url_mastered_preview": backend.download_url(task.base_url, task.results["preview"]),
        "preview_start_time": preview_start(backend, task, input_url(task.request)),
        "status": MASTERING.completed,
    }


def input_url(data: Mapping[str, Any]) -> str:
    return str(data["trackData"][0]["trackURL"])


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


def work(backend: MockBackend, task: Task) -> dict[str, Any]:
    return render(backend, task.id, dict(task.request))


def render(backend: MockBackend, task_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The work at completion: check the input and register the files (rendered on download)."""
    url, inputs = input_url(data), backend.inputs.of(task_id)
    with user_facing_errors():
        facts = inputs.facts(url)
        check_facts(facts, INPUT_RULES)
    rate, bit_depth = master_settings_for(data.get("sampleRate", "44100"))
    mastered = backend.shared.step(
        f"{task_id}/mastered",
        lambda: master(decode(inputs.read(url)).audio, loudness_target(data), sample_rate=rate),
    )

    def preview_mp3() -> bytes:
        start = preview_start(backend, backend.tasks.get(task_id), url)
        return encode(preview(mastered(), start)[0], "MP3")

    folder = f"{RESULTS_PREFIX}/{task_id}"
    return {
        "preview": backend.results.defer(f"{folder}/RoEx_Preview_Master.mp3", "audio/mpeg", preview_mp3),
        "final": backend.results.defer(
            f"{folder}/RoEx_Final_Master.wav",
            "audio/wav",
            lambda: encode(mastered(), "WAV", cast(BitDepth, bit_depth)),
        ),
        "target_lufs": loudness_target(data),
        **decided_start(facts, data),
    }


def loudness_target(data: dict[str, Any]) -> float:
    if data.get("forcedLoudness") and data.get("forcedLoudnessInLUFS") is not None:
        return float(data["forcedLoudnessInLUFS"])
    return LOUDNESS_TARGETS[data["desiredLoudness"]]
