"""``GET /health`` (EVIDENCE §12.1): free, and answered only past the gate like every operation."""

from flask import Blueprint, Response, jsonify

from tonn_mock.backend.catalog import Product

blueprint = Blueprint("health", __name__)


@blueprint.get("/health")
def get_health() -> Response:
    return jsonify({"status": "healthy"})


PRODUCT = Product(name="health", blueprint=blueprint)
