"""The 30-second preview window several products share (mastering, enhance): where it starts.

With ``previewStartTime`` the start is the requested time clamped to fit, known from the input's
length alone, so it is decided when the task completes. Without it the preview is the loudest
30 s of the input, which needs the samples: it is measured when first asked for (a poll, a
webhook or the preview's download), once per input, and kept with the task.
"""

from __future__ import annotations

from typing import Any

from tonn_mock.audio.inspect import AudioFacts
from tonn_mock.audio.mastering import preview, requested_preview_start
from tonn_mock.backend import MockBackend
from tonn_mock.tasks.models import Task

RESULT = "preview_start_time"


def decided_start(facts: AudioFacts, data: dict[str, Any]) -> dict[str, float]:
    """``{"preview_start_time": ...}`` when the request fixes the start, else nothing yet."""
    requested = data.get("previewStartTime")
    if requested is None:
        return {}
    return {RESULT: requested_preview_start(facts.frames, facts.sample_rate, float(requested))}


def preview_start(backend: MockBackend, task: Task, url: str) -> float:
    """The preview's start in seconds: decided at completion, or the loudest 30 s of ``url``."""
    start = backend.tasks.resolve(task.id, RESULT, lambda: loudest_start(backend, task.id, url))
    return float(start)


def loudest_start(backend: MockBackend, task_id: str, url: str) -> float:
    """The start of the loudest 30 s of the task's input ``url`` (as pinned when it completed)."""
    inputs = backend.inputs.of(task_id)
    return float(inputs.measure(url, "loudest_preview_start", lambda audio: preview(audio, None)[1]))
