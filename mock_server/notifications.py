"""The webhook payload for a task's current state, by product (dossier §9)."""

from __future__ import annotations

from typing import Any

from . import enhance, mastering, mixing, postprod, recombine, stems
from .backend import MockBackend
from .tasks.models import Task

_BUILDERS = {
    "mix": mixing.service.webhook_payload,
    "mastering": mastering.service.webhook_payload,
    "enhance_preview": enhance.service.webhook_payload,
    "enhance": enhance.service.webhook_payload,
    "separation": stems.service.webhook_payload,
    "recombine": recombine.service.webhook_payload,
    "postprod": postprod.service.webhook_payload,
}


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    return _BUILDERS[task.lifecycle](backend, task)
