"""``/_mock/...``: the control plane over HTTP (not part of the Tonn API or its spec)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from ..errors import InvalidRequest, TonnError
from ..tasks.lifecycle import IllegalTransition
from .api import ControlError, MockControl

blueprint = Blueprint("control", __name__, url_prefix="/_mock")


def control() -> MockControl:
    return MockControl(current_app._get_current_object())  # type: ignore[attr-defined]


def arguments() -> dict[str, Any]:
    body = request.get_json(silent=True) if request.get_data() else {}
    if not isinstance(body, dict):
        raise InvalidRequest("The control API takes a JSON object body.")
    return body


@blueprint.errorhandler(ControlError)
@blueprint.errorhandler(IllegalTransition)
@blueprint.errorhandler(ValueError)
@blueprint.errorhandler(TypeError)
def control_error(error: Exception) -> tuple[Response, int]:
    return jsonify({"error": True, "message": str(error), "info": "Bad Request"}), 400


@blueprint.errorhandler(TonnError)
def tonn_error(error: TonnError) -> tuple[Response, int]:
    return jsonify(error.body()), error.status


@blueprint.get("/")
def index() -> Response:
    return jsonify(
        {
            "progression": control().progression(),
            "tasks": len(control().tasks()),
            "pending_webhooks": control().pending_webhooks(),
            "faults": control().faults(),
        }
    )


@blueprint.post("/reset")
def reset() -> Response:
    control().reset()
    return jsonify({"reset": True})


@blueprint.get("/tasks")
def list_tasks() -> Response:
    return jsonify(control().tasks(request.args.get("lifecycle")))


@blueprint.get("/tasks/<task_id>")
def get_task(task_id: str) -> Response:
    return jsonify(control().task(task_id))


@blueprint.post("/tasks/<task_id>/advance")
def advance_task(task_id: str) -> Response:
    return jsonify(control().advance(task_id, int(arguments().get("steps", 1))))


@blueprint.post("/tasks/<task_id>/complete")
def complete_task(task_id: str) -> Response:
    return jsonify(control().complete(task_id))


@blueprint.post("/tasks/<task_id>/fail")
def fail_task(task_id: str) -> Response:
    return jsonify(control().fail(task_id, str(arguments().get("message", "Processing failed."))))


@blueprint.post("/failures")
def plan_failures() -> Response:
    args = arguments()
    control().fail_next(
        str(args.get("message", "Processing failed.")), int(args.get("count", 1)), args.get("lifecycle")
    )
    return jsonify({"planned": True})


@blueprint.get("/progression")
def get_progression() -> Response:
    return jsonify({"policy": control().progression()})


@blueprint.put("/progression")
def set_progression() -> Response:
    return jsonify({"policy": control().set_progression(str(arguments().get("policy", "")))})


@blueprint.post("/tick")
def tick() -> Response:
    return jsonify({"checked": control().tick()})


@blueprint.post("/clock/advance")
def advance_clock() -> Response:
    return jsonify({"now": control().advance_clock(float(arguments().get("seconds", 0)))})


@blueprint.get("/webhooks")
def webhook_log() -> Response:
    return jsonify(control().webhooks(request.args.get("task_id")))


@blueprint.get("/faults")
def list_faults() -> Response:
    return jsonify(control().faults())


@blueprint.post("/faults")
def add_fault() -> Response:
    return jsonify(control().inject_fault(**arguments()))


@blueprint.delete("/faults")
def clear_faults() -> Response:
    control().clear_faults()
    return jsonify({"cleared": True})


@blueprint.get("/credits/<key>")
def get_credits(key: str) -> Response:
    return jsonify({"key": key, "credits": control().credits(key)})


@blueprint.put("/credits/<key>")
def set_credits(key: str) -> Response:
    control().set_credits(key, int(arguments().get("credits", 0)))
    return jsonify({"key": key, "credits": control().credits(key)})
