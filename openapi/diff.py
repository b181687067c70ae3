"""A semantic diff of two OpenAPI 3.x documents: what changed for a client, not which bytes.

A text diff of ``openapi.json`` drowns the one renamed enum value in reworded descriptions. This
module reports only changes a client or the mock server could notice:

* paths, operations (a method on a path), response statuses and webhooks added or removed;
* request-body, response-body and parameter fields added or removed, or with a changed type;
* a field that became required or optional;
* enum values added or removed, wherever the enum is;
* component schemas added or removed.

Operation bodies are compared with local ``$ref`` resolved, so a change inside a shared schema is
reported at every request or response that uses it, and once more at the schema itself (where
references are left unresolved). Descriptions, examples, tags and ordering are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._changes import Change, ChangeKind, SpecDiff
from ._fields import Field, deref, schema_fields

__all__ = ["Change", "ChangeKind", "SpecDiff", "diff_specs"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

Fields = dict[str, Field]
K = ChangeKind
_MEMBERSHIP = {
    "path": (K.PATH_ADDED, K.PATH_REMOVED),
    "webhook": (K.WEBHOOK_ADDED, K.WEBHOOK_REMOVED),
    "operation": (K.OPERATION_ADDED, K.OPERATION_REMOVED),
    "response": (K.RESPONSE_ADDED, K.RESPONSE_REMOVED),
    "schema": (K.SCHEMA_ADDED, K.SCHEMA_REMOVED),
}


def diff_specs(old: Mapping[str, Any], new: Mapping[str, Any]) -> SpecDiff:
    """Compare two OpenAPI 3.x documents (parsed JSON) and list their semantic differences."""
    comparer = _Comparer(old, new)
    return SpecDiff([*comparer.path_items("path"), *comparer.path_items("webhook"), *comparer.schemas()])


class _Comparer:
    """Holds both documents, because every ``$ref`` must be resolved in its own document."""

    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old = old
        self.new = new

    def path_items(self, noun: str) -> list[Change]:
        section = "paths" if noun == "path" else "webhooks"
        prefix = "" if noun == "path" else "webhook "
        old, new = _mapping(self.old.get(section)), _mapping(self.new.get(section))
        changes, common = _membership(noun, old, new, lambda name: prefix + name)
        for name in common:
            changes += self._path_item(prefix + name, old[name], new[name])
        return changes

    def schemas(self) -> list[Change]:
        old, new = _component_schemas(self.old), _component_schemas(self.new)
        changes, common = _membership("schema", old, new, lambda name: f"schema {name}")
        for name in common:
            before = schema_fields(self.old, old[name], follow_refs=False)
            after = schema_fields(self.new, new[name], follow_refs=False)
            changes += _field_changes(f"schema {name}", before, after)
        return changes

    def _path_item(self, label: str, old_item: Any, new_item: Any) -> list[Change]:
        old, new = _operations(self.old, old_item), _operations(self.new, new_item)
        changes, common = _membership("operation", old, new, lambda m: f"{m.upper()} {label}")
        for method in sorted(common, key=HTTP_METHODS.index):
            changes += self._operation(f"{method.upper()} {label}", old[method], new[method])
        return changes

    def _operation(self, label: str, old_op: dict[str, Any], new_op: dict[str, Any]) -> list[Change]:
        old_responses, new_responses = (
            _mapping(old_op.get("responses")),
            _mapping(new_op.get("responses")),
        )
        changes, statuses = _membership(
            "response", old_responses, new_responses, lambda status: f"{label} response {status}"
        )
        before = _operation_scopes(self.old, label, old_op, statuses)
        after = _operation_scopes(self.new, label, new_op, statuses)
        for scope in sorted(before.keys() | after.keys()):
            changes += _field_changes(scope, before.get(scope, {}), after.get(scope, {}))
        return changes


def _membership(
    noun: str, old: Mapping[str, Any], new: Mapping[str, Any], label: Callable[[str], str]
) -> tuple[list[Change], list[str]]:
    """Report keys present on one side only; return the shared keys for a closer look."""
    added, removed = _MEMBERSHIP[noun]
    changes = [Change(added, label(key), f"{noun} added") for key in sorted(new.keys() - old.keys())]
    changes += [Change(removed, label(key), f"{noun} removed") for key in sorted(old.keys() - new.keys())]
    return changes, sorted(old.keys() & new.keys())


def _operations(doc: Any, item: Any) -> dict[str, dict[str, Any]]:
    """The operations of a path item, each with the path-level parameters merged in."""
    item = deref(doc, item)
    if not isinstance(item, dict):
        return {}
    shared = _sequence(item.get("parameters"))
    return {
        method: {**item[method], "parameters": _merge_parameters(doc, shared, item[method])}
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
    }


def _merge_parameters(doc: Any, shared: list[Any], operation: dict[str, Any]) -> list[Any]:
    """An operation's own parameter overrides a path-level one with the same name and place."""
    merged: dict[tuple[Any, Any], dict[str, Any]] = {}
    for param in [*shared, *_sequence(operation.get("parameters"))]:
        param = deref(doc, param)
        if isinstance(param, dict):
            merged[(param.get("in"), param.get("name"))] = param
    return list(merged.values())


def _operation_scopes(doc: Any, label: str, op: dict[str, Any], statuses: list[str]) -> dict[str, Fields]:
    """Flattened fields of an operation, keyed by scope (``POST /x request``, ``... query``).

    Only the response ``statuses`` shared by both documents are included: a response that was
    added or removed is reported once, not once per field.
    """
    scopes = _parameter_scopes(doc, label, op)
    body = deref(doc, op.get("requestBody"))
    if isinstance(body, dict):
        required = body.get("required") is True
        scopes.update(_content_scopes(doc, f"{label} request", body.get("content"), required))
    responses = _mapping(op.get("responses"))
    for status in statuses:
        response = _mapping(deref(doc, responses[status]))
        scopes.update(_content_scopes(doc, f"{label} response {status}", response.get("content"), None))
    return scopes


def _parameter_scopes(doc: Any, label: str, op: dict[str, Any]) -> dict[str, Fields]:
    scopes: dict[str, Fields] = {}
    for param in _sequence(op.get("parameters")):
        if isinstance(param, dict) and isinstance(param.get("name"), str):
            required = param.get("required") is True
            fields = schema_fields(doc, param.get("schema", True), root=param["name"], required=required)
            scopes.setdefault(f"{label} {param.get('in')}", {}).update(fields)
    return scopes


def _content_scopes(doc: Any, scope: str, content: Any, required: bool | None) -> dict[str, Fields]:
    """One scope per media type; JSON, the common case, keeps the short unadorned name."""
    scopes: dict[str, Fields] = {}
    for media, media_object in sorted(_mapping(content).items()):
        name = scope if media == "application/json" else f"{scope} [{media}]"
        schema = _mapping(media_object).get("schema", True)
        scopes[name] = schema_fields(doc, schema, required=required)
    return scopes


def _field_changes(scope: str, old: Fields, new: Fields) -> list[Change]:
    changes: list[Change] = []
    for path in sorted(old.keys() | new.keys()):
        location = f"{scope} {path}" if path else scope
        before, after = old.get(path), new.get(path)
        if before is None or after is None:
            changes += _presence_change(location, before, after, old, new)
        else:
            changes += [
                *_type_change(location, before, after),
                *_required_change(location, before, after),
            ]
            changes += _enum_changes(location, before.enum, after.enum)
    return changes


def _presence_change(
    location: str, before: Field | None, after: Field | None, old: Fields, new: Fields
) -> list[Change]:
    """An added or removed field, unless its parent was added or removed along with it."""
    if after is not None and (after.parent is None or after.parent in old):
        detail = f"added ({after.type}{', required' if after.required else ''})"
        return [Change(K.FIELD_ADDED, location, detail)]
    if before is not None and (before.parent is None or before.parent in new):
        return [Change(K.FIELD_REMOVED, location, "removed")]
    return []


def _type_change(location: str, before: Field, after: Field) -> list[Change]:
    """A changed type, and an enum appearing or vanishing (a whole constraint, not a value)."""
    changes = []
    if before.type != after.type:
        changes.append(Change(K.FIELD_TYPE_CHANGED, location, f"type {before.type} -> {after.type}"))
    if before.enum is None and after.enum is not None:
        changes.append(Change(K.FIELD_TYPE_CHANGED, location, "now restricted to an enum"))
    if before.enum is not None and after.enum is None:
        changes.append(Change(K.FIELD_TYPE_CHANGED, location, "no longer restricted to an enum"))
    return changes


def _required_change(location: str, before: Field, after: Field) -> list[Change]:
    if before.required is None or after.required is None or before.required == after.required:
        return []
    if after.required:
        return [Change(K.FIELD_REQUIRED, location, "now required")]
    return [Change(K.FIELD_OPTIONAL, location, "now optional")]


def _enum_changes(
    location: str, before: tuple[str, ...] | None, after: tuple[str, ...] | None
) -> list[Change]:
    """Value by value, in document order; only when both sides are enums (see ``_type_change``)."""
    if before is None or after is None:
        return []
    changes = [
        Change(K.ENUM_VALUE_ADDED, location, f"enum value {v} added") for v in after if v not in before
    ]
    changes += [
        Change(K.ENUM_VALUE_REMOVED, location, f"enum value {v} removed") for v in before if v not in after
    ]
    return changes


def _component_schemas(doc: Mapping[str, Any]) -> dict[str, Any]:
    return _mapping(_mapping(doc.get("components")).get("schemas"))


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
