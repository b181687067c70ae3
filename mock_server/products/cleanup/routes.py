"""Routes of the clean-up area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, caller, payload
from tonn_mock.products.cleanup import service

blueprint = Blueprint("cleanup", __name__)


@blueprint.post("/audio-cleanup")
def create_audio_cleanup() -> dict[str, Any]:
    return service.clean_up(backend(), caller(), payload("audioCleanupData"), base_url())
