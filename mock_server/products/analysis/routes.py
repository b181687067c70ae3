"""Routes of the analysis area: translate HTTP to one service call and back."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from tonn_mock.gateway.request import backend, caller, payload
from tonn_mock.products.analysis import service

blueprint = Blueprint("analysis", __name__)


@blueprint.post("/mixanalysis")
def create_mix_analysis() -> dict[str, Any]:
    return service.analyse(backend(), caller(), payload("mixDiagnosisData"))
