"""Routes of the mixing area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, caller, payload
from tonn_mock.products.mixing import service

blueprint = Blueprint("mixing", __name__)


@blueprint.post("/mixpreview")
def create_mix_preview() -> dict[str, Any]:
    return service.create_preview(backend(), caller(), payload("multitrackData"), base_url())


@blueprint.post("/retrievepreviewmix")
def retrieve_preview_mix() -> tuple[dict[str, Any], int]:
    data = payload("multitrackData")
    status, body = service.retrieve_preview(
        backend(), caller(), data["multitrackTaskId"], with_fx=data["retrieveFXSettings"]
    )
    return body, status


@blueprint.post("/retrievefinalmix")
def retrieve_final_mix() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve_final(backend(), caller(), payload("applyAudioEffectsData"))
    return body, status
