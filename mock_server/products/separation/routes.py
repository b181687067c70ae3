"""Routes of the stem-separation area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, caller, payload
from tonn_mock.products.separation import service

blueprint = Blueprint("separation", __name__)


@blueprint.post("/separate")
def create_separation() -> dict[str, Any]:
    return service.create_separation(backend(), caller(), payload("stemflowData"), base_url())


@blueprint.get("/separatestatus/<stemflowTaskId>")
def separation_status(stemflowTaskId: str) -> dict[str, Any]:
    return service.separation_status(backend(), caller(), stemflowTaskId)


@blueprint.post("/retrievestems")
def retrieve_stems() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve_stems(backend(), caller(), payload("stemflowData")["stemflowTaskId"])
    return body, status
