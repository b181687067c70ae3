"""Pieces of response bodies that several API areas share."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from tonn_mock.audio.errors import AudioError
from tonn_mock.backend.inputs import InputUnavailable
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task
from tonn_mock.tasks.service import WorkFailed


def timestamp(epoch: float) -> str:
    """Tonn's ``completion_time`` format: ``YYYY-MM-DD HH:MM:SS`` in UTC (EVIDENCE §14.23)."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S")


def finished_at(task: Task) -> float:
    return task.history[-1].at if task.history else task.created_at


def failed_body(task: Task, info: str = "The task failed.") -> dict[str, Any]:
    """A retrieve answer for a task that ended in its FAILED state (HTTP 200, ``error: true``)."""
    return {"error": True, "message": task.error or "Task failed", "info": info, "status": task.state}


def job_status_body(lifecycle: Lifecycle, task: Task, id_key: str, product: str) -> dict[str, Any]:
    """The body of ``GET /separatestatus/{id}`` and ``GET /recombinestatus/{id}`` (EVIDENCE §12.15, §12.18).

    ``status`` is processing, complete or failed; a failed job carries its reason in ``info``
    (roex-python reads ``info`` first).
    """
    body = {id_key: task.id, "status": "processing", "error": False, "message": "", "info": ""}
    if task.state == lifecycle.completed:
        body.update(status="complete", message=f"{product} complete.")
    elif task.state == lifecycle.failed:
        body.update(status="failed", error=True, message=f"{product} failed.", info=task.error or "")
    return body


@contextlib.contextmanager
def user_facing_errors() -> Iterator[None]:
    """Turn input problems met during audio work into ``WorkFailed`` (the task's failure message)."""
    try:
        yield
    except (AudioError, InputUnavailable) as problem:
        raise WorkFailed(str(problem)) from None
