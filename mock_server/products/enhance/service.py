"""Mix-enhance ("mix revive") tasks: preview or full, polled through one retrieve endpoint.

A preview task (free) gives a 30 s MP3 of the enhanced mix. A full task (charged at creation,
``createMixEnhance``) also gives the full-length WAV and, with ``stemProcessing`` or
``getProcessedStems``, the ``vocal``/``bass``/``drums``/``other`` stems; it passes
``MIXREVIVE_TASK_PREVIEW_COMPLETED`` on its way to ``MIXREVIVE_TASK_COMPLETED``, and while it runs
(that state included) retrieval answers 202 with every URL null. The credit is not refunded when
a full task fails [inferred]. The task completes once its input is read and checked; the files
are rendered when first downloaded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.codecs import BitDepth, decode, encode
from tonn_mock.audio.enhance import enhance, enhance_stems
from tonn_mock.audio.mastering import master_settings_for, preview
from tonn_mock.audio.rules import InputRules, check_facts
from tonn_mock.backend import MockBackend
from tonn_mock.core.errors import TaskNotFound
from tonn_mock.products.bodies import failed_body, user_facing_errors
from tonn_mock.products.previews import decided_start, preview_start
from tonn_mock.storage import RESULTS_PREFIX
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task

INPUT_RULES = InputRules("enhance")
_REVIVE_STEPS = (
    "MIXREVIVE_TASK_STARTED",
    "MIXREVIVE_TASK_SEPARATION",
    "MIXREVIVE_TASK_MIX_MASTER_ENHANCEMENT",
    "MIXREVIVE_TASK_MIX_MASTER_CORRECTION",
)
ENHANCE_PREVIEW = Lifecycle(
    name="enhance_preview",
    running=_REVIVE_STEPS,
    completed="MIXREVIVE_TASK_PREVIEW_COMPLETED",
    failed="MIXREVIVE_TASK_FAILED",
    schema="MixReviveTaskState",
)
# A full enhancement reports the preview on its way to the full result (EVIDENCE §9).
ENHANCE_FULL = Lifecycle(
    name="enhance",
    running=(*_REVIVE_STEPS, "MIXREVIVE_TASK_PREVIEW_COMPLETED"),
    completed="MIXREVIVE_TASK_COMPLETED",
    failed="MIXREVIVE_TASK_FAILED",
    schema="MixReviveTaskState",
)
ENHANCE_LIFECYCLES = {lc.name: lc for lc in (ENHANCE_PREVIEW, ENHANCE_FULL)}

OPERATION = "createMixEnhance"
STEMS = ("vocal", "bass", "drums", "other")  # :func:`tonn_mock.audio.enhance_stems` keys
# No ``stems`` key until there are stems: clients read it with ``.get("stems", {})`` (EVIDENCE §12.12).
PENDING_RESULTS = {
    "download_url_preview_revived": None,
    "download_url_revived": None,
    "preview_start_time": None,
}


def create_preview(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    """Start a free preview task (``MIXREVIVE_TASK_PREVIEW_COMPLETED`` is its end)."""
    task = _create(backend, owner, data, base_url, ENHANCE_PREVIEW)
    return {
        "mixrevive_task_id": task.id,
        "error": False,
        "message": "Mix revive preview task created.",
        "info": "",
    }


def create_full(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    """Charge, then start a full task (402 and no task when the credits do not cover it)."""
    backend.ledger.charge(owner, OPERATION)
    task = _create(backend, owner, data, base_url, ENHANCE_FULL)
    return {"mixrevive_task_id": task.id, "error": False, "message": "Mix revive task created.", "info": ""}


def _create(
    backend: MockBackend, owner: str, data: dict[str, Any], base_url: str, lifecycle: Lifecycle
) -> Task:
    return backend.tasks.create(
        lifecycle,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
    )


def retrieve(backend: MockBackend, owner: str, task_id: str) -> tuple[int, dict[str, Any]]:
    """202 with null URLs while running, the failure envelope, or the results (200)."""
    if backend.tasks.get(task_id, owner).lifecycle not in (ENHANCE_PREVIEW.name, ENHANCE_FULL.name):
        raise TaskNotFound(task_id)  # an id of another product is no enhance task
    task = backend.tasks.observe(task_id, owner)
    lifecycle = ENHANCE_LIFECYCLES[task.lifecycle]
    if lifecycle.is_running(task.state):
        return 202, {"error": False, "revivedTrackTaskResults": {**PENDING_RESULTS, "status": task.state}}
    if task.state == lifecycle.failed:
        return 200, failed_body(task, "Mix revive task failed.")
    return 200, {"error": False, "revivedTrackTaskResults": track_results(backend, task)}


def track_results(backend: MockBackend, task: Task) -> dict[str, Any]:
    """``revivedTrackTaskResults`` of a finished task, with freshly signed URLs."""
    results = task.results
    return {
        "download_url_preview_revived": backend.download_url(task.base_url, results["preview"]),
        "download_url_revived": _url(backend, task, results["full"]),
        "preview_start_time": preview_start(backend, task, task.request["audioFileLocation"]),
        "status": task.state,
        **_stem_urls(backend, task, "stems"),
    }


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    """MixEnhanceWebhookPayload: id and state; URLs once the task's own result is complete.

    The intermediate ``MIXREVIVE_TASK_PREVIEW_COMPLETED`` of a full task carries no URLs (its
    results are collected on completion), and the "matched loudness" preview a RoEx plugin reads
    (EVIDENCE §9) is not produced.
    """
    lifecycle = ENHANCE_LIFECYCLES[task.lifecycle]
    body: dict[str, Any] = {"mixrevive_task_id": task.id, "state": task.state}
    if task.state == lifecycle.failed:
        body.update(error=True, message=task.error)
    elif task.state == lifecycle.completed:
        body.update(
            download_url_preview_revived=backend.download_url(task.base_url, task.results["preview"]),
            download_url_revived=_url(backend, task, task.results["full"]),
            **_stem_urls(backend, task, "stems_download_urls"),
        )
    return body


def work(backend: MockBackend, task: Task) -> dict[str, Any]:
    return render(backend, task.id, dict(task.request), full=task.lifecycle == ENHANCE_FULL.name)


def render(backend: MockBackend, task_id: str, data: dict[str, Any], *, full: bool) -> dict[str, Any]:
    """The work at completion: check the input and register the files.

    The files are rendered from the same input when first downloaded (see
    :mod:`tonn_mock.storage.deferred`): the 30 s MP3 preview and, for full tasks, the full-length
    WAV and any requested stems (16-bit at 44.1 kHz, 24-bit at 48 kHz), all of
    :func:`tonn_mock.audio.enhance`'s output. Without ``previewStartTime`` the preview starts at
    the loudest 30 s of the input (see :mod:`..previews`), so ``preview_start_time`` needs no
    enhancing; the gentle shelves and limiting seldom move that window [inferred].
    """
    url, inputs = data["audioFileLocation"], backend.inputs.of(task_id)
    with user_facing_errors():
        facts = inputs.facts(url)
        check_facts(facts, INPUT_RULES)
    bit_depth = cast(BitDepth, master_settings_for(facts.sample_rate)[1])

    def enhance_input() -> Audio:
        source = decode(inputs.read(url)).audio
        return enhance(
            source,
            data.get("loudnessPreference", "NO_CHANGE"),
            fix_tonal_profile=data["fixTonalProfileIssues"],
        )

    enhanced = backend.shared.step(f"{task_id}/enhanced", enhance_input)
    stems = backend.shared.step(f"{task_id}/stems", lambda: enhance_stems(enhanced()))

    def preview_mp3() -> bytes:
        start = preview_start(backend, backend.tasks.get(task_id), url)
        return encode(preview(enhanced(), start)[0], "MP3")

    folder = f"{RESULTS_PREFIX}/{task_id}"
    results: dict[str, Any] = {
        "preview": backend.results.defer(
            f"{folder}/RoEx_Revived_Preview.mp3",
            "audio/mpeg",
            preview_mp3,
        ),
        **decided_start(facts, data),
        "full": None,
        "stems": None,
    }
    if full:
        results["full"] = backend.results.defer(
            f"{folder}/RoEx_Revived.wav", "audio/wav", lambda: encode(enhanced(), "WAV", bit_depth)
        )
        if data.get("stemProcessing") or data.get("getProcessedStems"):
            results["stems"] = {
                name: backend.results.defer(
                    f"{folder}/stems/{name}.wav",
                    "audio/wav",
                    functools.partial(_stem_wav, stems, name, bit_depth),
                )
                for name in STEMS
            }
    return results


def _stem_wav(stems: Callable[[], dict[str, Audio]], name: str, bit_depth: BitDepth) -> bytes:
    return encode(stems()[name], "WAV", bit_depth)


def _url(backend: MockBackend, task: Task, key: str | None) -> str | None:
    return backend.download_url(task.base_url, key) if key else None


def _stem_urls(backend: MockBackend, task: Task, field: str) -> dict[str, dict[str, str]]:
    """``{field: {stem: url}}`` when the task has stems, else ``{}``: the key is left out, never null."""
    stems = task.results.get("stems")
    if not stems:
        return {}
    return {field: {name: backend.download_url(task.base_url, key) for name, key in stems.items()}}
