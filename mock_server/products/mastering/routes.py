"""Routes of the mastering area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, caller, payload
from tonn_mock.products.mastering import service

blueprint = Blueprint("mastering", __name__)


@blueprint.post("/masteringpreview")
def create_mastering_preview() -> dict[str, Any]:
    return service.create_preview(backend(), caller(), payload("masteringData"), base_url())


@blueprint.post("/retrievepreviewmaster")
def retrieve_preview_master() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve_preview(backend(), caller(), payload("masteringData")["masteringTaskId"])
    return body, status


@blueprint.post("/retrievefinalmaster")
def retrieve_final_master() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve_final(backend(), caller(), payload("masteringData")["masteringTaskId"])
    return body, status
