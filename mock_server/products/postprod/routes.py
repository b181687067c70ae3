"""Routes of the post-production area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, caller, payload
from tonn_mock.products.postprod import service

blueprint = Blueprint("postprod", __name__)


@blueprint.post("/postprod/dialogue-enhancement/preview")
def create_dialogue_enhancement_preview() -> dict[str, Any]:
    return service.create_preview(backend(), caller(), payload("postProdData"), base_url())


@blueprint.post("/postprod/dialogue-enhancement/retrievepreview")
def retrieve_dialogue_enhancement_preview() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve_preview(backend(), caller(), payload("postProdData")["postprodTaskId"])
    return body, status
