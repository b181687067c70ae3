"""``GET /health`` (dossier §12.1)."""

from flask import Blueprint, Response, jsonify

blueprint = Blueprint("health", __name__)


@blueprint.get("/health")
def get_health() -> Response:
    return jsonify({"status": "healthy"})
