"""Routes of the recombine area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, caller, payload
from tonn_mock.products.recombine import service

blueprint = Blueprint("recombine", __name__)


@blueprint.post("/recombine")
def create_recombine() -> dict[str, Any]:
    return service.create_recombine(backend(), caller(), payload("recombineData"), base_url())


@blueprint.get("/recombinestatus/<recombineTaskId>")
def recombine_status(recombineTaskId: str) -> dict[str, Any]:
    return service.recombine_status(backend(), caller(), recombineTaskId)


@blueprint.post("/retrieverecombinepreview")
def retrieve_recombine_preview() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve_preview(backend(), caller(), payload("recombineData")["recombineTaskId"])
    return body, status


@blueprint.post("/retrieverecombine")
def retrieve_recombine() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve_final(backend(), caller(), payload("recombineData")["recombineTaskId"])
    return body, status
