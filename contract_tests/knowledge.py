"""What the contract suite knows about Tonn beyond JSON Schema, read from ``openapi.json`` where it can be.

* **Task ids**: the create operations' ``links`` say which response key carries the task id
  (``$response.body#/mastering_task_id``) and where the polling operations take it
  (``masteringData.masteringTaskId`` in the body, ``{stemflowTaskId}`` in the path).
* **Lifecycles**: each product's states in the order a task walks them (from the mock's product
  registrations). The schemas list the same values; a test keeps the two in step.
* **Evidenced 202 bodies**: the 202 examples of each polling operation.
* **Charges**: the credit price of each charged operation (the ``prices`` of each product's registration).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tonn_mock.products import catalog
from tonn_openapi import load_spec

SPEC: dict[str, Any] = load_spec()
HTTP_METHODS = ("get", "post", "put", "patch", "delete")

# States in lifecycle order, from the mock's product registrations (the longest lifecycle of
# each state schema); a task may also end in its failed state from any running state.
LIFECYCLES: dict[str, tuple[str, ...]] = {
    lifecycle.schema: lifecycle.states
    for lifecycle in sorted(catalog().lifecycles.values(), key=lambda lc: len(lc.states))
    if lifecycle.schema
}
LIFECYCLES["JobStatus"] = ("processing", "complete", "failed")  # the status endpoints' vocabulary
STATE_RANK: dict[str, int] = {
    state: rank for states in LIFECYCLES.values() for rank, state in enumerate(states)
}

# The operations a live run may call without being charged; the others cost credits.
PRICES = catalog().prices
CHARGED_OPERATIONS: dict[str, int] = {op: cost for op, cost in PRICES.items() if op != "retrieveFXSettings"}
FX_SETTINGS_COST = PRICES["retrieveFXSettings"]


def is_completed(state: str) -> bool:
    return state.endswith("_COMPLETED") or state in {"complete", "completed"}


def is_failed(state: str) -> bool:
    return state.endswith("_FAILED") or state == "failed"


@dataclass(frozen=True)
class Operation:
    """One operation of the document, with the task facts its links reveal."""

    operation_id: str
    method: str
    path: str
    definition: dict[str, Any]

    @property
    def label(self) -> str:
        """Schemathesis's name for it, e.g. ``POST /retrievepreviewmaster``."""
        return f"{self.method.upper()} {self.path}"


def operations() -> Iterator[Operation]:
    for path, item in SPEC["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield Operation(item[method]["operationId"], method, path, item[method])


OPERATIONS: dict[str, Operation] = {op.operation_id: op for op in operations()}
BY_LABEL: dict[str, Operation] = {op.label: op for op in OPERATIONS.values()}


def _links() -> Iterator[tuple[str, dict[str, Any]]]:
    for op in OPERATIONS.values():
        for response in op.definition["responses"].values():
            for link in response.get("links", {}).values():
                yield op.operation_id, link


def _expressions(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """``(where in the body, expression)`` for every runtime expression in a link's requestBody."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _expressions(value, (*path, key))
    elif isinstance(node, str) and node.startswith("$response.body#/"):
        yield path, node


def _task_facts() -> tuple[dict[str, str], dict[str, tuple[str, tuple[str, ...]]]]:
    """The task id key of each create operation, and where each polling operation takes it."""
    response_keys: dict[str, str] = {}
    request_places: dict[str, tuple[str, tuple[str, ...]]] = {}
    for source, link in _links():
        for name, expression in link.get("parameters", {}).items():
            response_keys[source] = expression.removeprefix("$response.body#/")
            request_places[link["operationId"]] = ("path", (name,))
        for where, expression in _expressions(link.get("requestBody")):
            response_keys[source] = expression.removeprefix("$response.body#/")
            request_places[link["operationId"]] = ("body", where)
    return response_keys, request_places


TASK_ID_KEYS, TASK_ID_PLACES = _task_facts()
POLLING_OPERATIONS = frozenset(TASK_ID_PLACES)


def task_id_in_request(operation_id: str, body: Any, path_parameters: dict[str, Any]) -> str | None:
    """The task id a polling request asks about, or None when it has none (or a malformed one)."""
    place = TASK_ID_PLACES.get(operation_id)
    if place is None:
        return None
    kind, where = place
    value: Any = path_parameters if kind == "path" else body
    for key in where:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, str) else None


def evidenced_202_bodies(operation_id: str) -> list[Any]:
    """The 202 examples the document gives for an operation (``[]`` when its 202 has no body)."""
    response = OPERATIONS[operation_id].definition["responses"].get("202")
    if response is None:
        return []
    content = resolve(response).get("content", {}).get("application/json", {})
    examples = [example["value"] for example in content.get("examples", {}).values() if "value" in example]
    if "example" in content:
        examples.append(content["example"])
    return examples


def resolve(node: Any) -> Any:
    """Follow local ``$ref`` pointers."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def uri_fields() -> frozenset[str]:
    """Names of the request-body properties the document declares ``format: uri`` (audio and webhook URLs)."""
    names: set[str] = set()

    def walk(node: Any, seen: frozenset[int]) -> None:
        node = resolve(node)
        if not isinstance(node, dict) or id(node) in seen:
            return
        for name, prop in node.get("properties", {}).items():
            if resolve(prop).get("format") == "uri":
                names.add(name)
        for value in node.values():
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, dict):
                    walk(child, seen | {id(node)})

    for op in OPERATIONS.values():
        if "requestBody" in op.definition:
            walk(op.definition["requestBody"]["content"]["application/json"]["schema"], frozenset())
    return frozenset(names)


URI_FIELDS = uri_fields()
WEBHOOK_FIELDS = frozenset(name for name in URI_FIELDS if "webhook" in name.lower())
AUDIO_URL_FIELDS = URI_FIELDS - WEBHOOK_FIELDS
