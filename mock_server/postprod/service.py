"""Post-production dialogue enhancement (dossier §12.21-§12.22): a preview of enhanced dialogue.

Only the dialogue-enhancement preview pair is modelled, with the spec's [inferred] bodies and
``POSTPROD_TASK_*`` states. The audio work decodes every ``trackData`` entry (post-production
input rules: WAV or FLAC), enhances and sums them (see :mod:`.dialogue`), and stores a 30 s MP3
preview from the loudest section. Output rate: ``sampleRate`` if given, else the first track's
own rate [inferred]. Free [inferred]: no credits are charged.
"""

from __future__ import annotations

from typing import Any

from ..audio.codecs import decode, encode
from ..audio.mastering import preview
from ..audio.rules import check_input
from ..backend import MockBackend
from ..responses import failed_body, user_facing_errors
from ..storage import RESULTS_PREFIX
from ..tasks.lifecycle import POSTPROD
from ..tasks.models import Task
from .dialogue import DialogueTrack, enhance


def create_preview(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    task = backend.tasks.create(
        POSTPROD,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
        work=lambda task_id: render(backend, task_id, data),
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
        "preview_start_time": task.results["preview_start_time"],
    }


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    body: dict[str, Any] = {"postprodTaskId": task.id, "state": task.state}
    if task.state == POSTPROD.completed:
        body.update(error=False, download_url_preview=preview_results(backend, task)["download_url_preview"])
    elif task.state == POSTPROD.failed:
        body.update(error=True, message=task.error or "Dialogue enhancement failed.")
    return body


def render(backend: MockBackend, task_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The audio work: decode and check each track, enhance and sum them, store the preview."""
    tracks = []
    with user_facing_errors():
        for entry in data["trackData"]:
            decoded = decode(backend.inputs.read(entry["trackURL"]))
            check_input(decoded, "postprod")
            tracks.append(DialogueTrack(decoded.audio, entry["trackType"], entry["dialogueEnhancementMode"]))
    rate = int(data.get("sampleRate", tracks[0].audio.sample_rate))
    excerpt, start = preview(enhance(tracks, rate), None)
    key = f"{RESULTS_PREFIX}/{task_id}/dialogue_enhanced_preview.mp3"
    backend.blobs.put(key, encode(excerpt, "MP3"), "audio/mpeg")
    return {"preview": key, "preview_start_time": start}
