"""Post-production dialogue enhancement (EVIDENCE §12.21-§12.22): a preview of enhanced dialogue.

Only the dialogue-enhancement preview pair is modelled, with the spec's [inferred] bodies and
``POSTPROD_TASK_*`` states. The audio work decodes every ``trackData`` entry (post-production
input rules: WAV or FLAC), enhances and sums them (:func:`tonn_mock.audio.enhance_dialogue`), and
cuts a 30 s MP3 preview from the loudest section. Output rate: ``sampleRate`` if given, else the
first track's own rate [inferred]. Free [inferred]: no credits are charged.

When the work happens: at completion the task only reads, decodes and checks the tracks (so a
refused input still fails it). The enhancement runs the first time either the retrieve answer
needs ``preview_start_time`` (kept as a small JSON result, so later answers only read it) or the
preview is downloaded; the MP3 is encoded on first download (see :mod:`tonn_mock.storage.deferred`).
"""

from __future__ import annotations

import json
from typing import Any

from tonn_mock.audio import (
    LOSSLESS,
    DialogueTrack,
    InputRules,
    check_facts,
    decode,
    encode,
    enhance_dialogue,
    preview,
)
from tonn_mock.backend import MockBackend
from tonn_mock.backend.inputs import TaskInputs
from tonn_mock.products.bodies import failed_body, user_facing_errors
from tonn_mock.storage import RESULTS_PREFIX
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task

INPUT_RULES = InputRules("postprod", LOSSLESS)
POSTPROD = Lifecycle(
    name="postprod",
    running=("POSTPROD_TASK_PENDING", "POSTPROD_TASK_PROCESSING"),
    completed="POSTPROD_TASK_PREVIEW_COMPLETED",
    failed="POSTPROD_TASK_FAILED",
    schema="PostProdTaskState",
)


def create_preview(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    task = backend.tasks.create(
        POSTPROD,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
    )
    return {
        "postprodTaskId": task.id,
        "error": False,
        "message": "Dialogue enhancement preview task created.",
    }


def retrieve_preview(backend: MockBackend, owner: str, task_id: str) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.observe(task_id, owner)
    if POSTPROD.is_running(task.state):
        return 202, {
            "error": False,
            "message": "Dialogue enhancement is still processing.",
            "status": task.state,
        }
    if task.state == POSTPROD.failed:
        return 200, failed_body(task, "Dialogue enhancement failed.")
    return 200, {
        "error": False,
        "postprodTaskId": task.id,
        "status": task.state,
        "previewResults": preview_results(backend, task),
    }


def preview_results(backend: MockBackend, task: Task) -> dict[str, Any]:
    return {
        "download_url_preview": backend.download_url(task.base_url, task.results["preview"]),
        "preview_start_time": preview_window(backend, task)["preview_start_time"],
    }


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    body: dict[str, Any] = {"postprodTaskId": task.id, "state": task.state}
    if task.state == POSTPROD.completed:
        body.update(
            error=False, download_url_preview=backend.download_url(task.base_url, task.results["preview"])
        )
    elif task.state == POSTPROD.failed:
        body.update(error=True, message=task.error or "Dialogue enhancement failed.")
    return body


def work(backend: MockBackend, task: Task) -> dict[str, Any]:
    return render(backend, task.id, dict(task.request))


def render(backend: MockBackend, task_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The work at completion: check every track; register the preview and its window.

    Both need the enhanced dialogue, so both are computed when first asked for.
    """
    inputs = backend.inputs.of(task_id)
    with user_facing_errors():
        facts = [inputs.facts(entry["trackURL"]) for entry in data["trackData"]]
        for each in facts:
            check_facts(each, INPUT_RULES)
    rate = int(data.get("sampleRate", facts[0].sample_rate))
    excerpt = backend.shared.step(
        f"{task_id}/excerpt", lambda: preview(enhance_dialogue(read_tracks(inputs, data), rate), None)
    )

    folder = f"{RESULTS_PREFIX}/{task_id}"
    return {
        "preview": backend.results.defer(
            f"{folder}/dialogue_enhanced_preview.mp3", "audio/mpeg", lambda: encode(excerpt()[0], "MP3")
        ),
        "window": backend.results.defer(
            f"{folder}/dialogue_enhanced_preview.json",
            "application/json",
            lambda: json.dumps({"preview_start_time": excerpt()[1]}).encode(),
        ),
    }


def read_tracks(inputs: TaskInputs, data: dict[str, Any]) -> list[DialogueTrack]:
    """Every ``trackData`` entry, decoded."""
    return [
        DialogueTrack(
            decode(inputs.read(entry["trackURL"])).audio,
            entry["trackType"],
            entry["dialogueEnhancementMode"],
        )
        for entry in data["trackData"]
    ]


def preview_window(backend: MockBackend, task: Task) -> dict[str, float]:
    """Where the preview starts, enhancing the dialogue first if no answer has needed it yet."""
    backend.results.ensure(task.results["window"])
    return dict(json.loads(backend.blobs.get(task.results["window"])))
