"""Routes of the enhance area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, caller, payload
from tonn_mock.products.enhance import service

blueprint = Blueprint("enhance", __name__)


@blueprint.post("/mixenhancepreview")
def create_mix_enhance_preview() -> dict[str, Any]:
    return service.create_preview(backend(), caller(), payload("mixReviveData"), base_url())


@blueprint.post("/mixenhance")
def create_mix_enhance() -> dict[str, Any]:
    return service.create_full(backend(), caller(), payload("mixReviveData"), base_url())


@blueprint.post("/retrieveenhancedtrack")
def retrieve_enhanced_track() -> tuple[dict[str, Any], int]:
    status, body = service.retrieve(backend(), caller(), payload("mixReviveData")["mixReviveTaskId"])
    return body, status
