"""Flatten a JSON Schema into dotted field paths: the unit the semantic diff compares.

Comparing two schema trees node by node is fiddly; comparing two flat maps of
``"masteringData.desiredLoudness" -> Field(type, required, enum)`` is a pair of set operations.
Path segments: ``a.b`` for a property, ``a[]`` for array items, ``a.*`` for
``additionalProperties`` and ``a.oneOf[Title]`` (or ``a.oneOf[0]`` without a title) for a branch
of ``allOf``/``oneOf``/``anyOf``.

Only local references (``#/...``) are followed; a ``$ref`` that points outside the document, or
back into a schema that is already being expanded (a recursive type), becomes a leaf whose type
reads ``ref:Name``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

COMPOSITIONS = ("allOf", "oneOf", "anyOf")


@dataclass(frozen=True)
class Field:
    """What the diff knows about one schema node.

    ``required`` is ``None`` where the notion does not apply (array items, branches, responses);
    ``parent`` is the path of the enclosing node, so the diff can report an added object once
    instead of once per nested field.
    """

    type: str
    required: bool | None
    enum: tuple[str, ...] | None
    parent: str | None


def resolve_pointer(doc: Any, ref: str) -> Any | None:
    """Return the node a local ``$ref`` (``#/a/b``) points at, or ``None`` if there is none."""
    if not ref.startswith("#"):
        return None
    node = doc
    for token in ref[1:].split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def deref(doc: Any, node: Any) -> Any:
    """Follow a chain of local ``$ref`` objects (responses, parameters, bodies) to its target."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        target = resolve_pointer(doc, node["$ref"])
        if target is None:
            return node
        node = target
    return node


def schema_fields(
    doc: Any, schema: Any, *, root: str = "", required: bool | None = None, follow_refs: bool = True
) -> dict[str, Field]:
    """Flatten ``schema`` into ``{dotted path: Field}``, the root stored under ``root``.

    ``follow_refs=False`` keeps each ``$ref`` as a leaf, which is what comparing one component
    schema wants: a change inside a referenced schema is reported where that schema is defined.
    """
    walker = _Walker(doc, follow_refs)
    walker.walk(schema, root, required, None, frozenset())
    return walker.fields


class _Walker:
    def __init__(self, doc: Any, follow_refs: bool) -> None:
        self.doc = doc
        self.follow_refs = follow_refs
        self.fields: dict[str, Field] = {}

    def walk(
        self,
        schema: Any,
        path: str,
        required: bool | None,
        parent: str | None,
        seen: frozenset[str],
    ) -> None:
        schema, seen, stop = self._expand(schema, seen)
        self.fields.setdefault(path, Field(_type_of(schema), required, _enum_of(schema), parent))
        if not stop and isinstance(schema, dict):
            self._walk_children(schema, path, seen)

    def _expand(self, schema: Any, seen: frozenset[str]) -> tuple[Any, frozenset[str], bool]:
        """Inline ``$ref`` chains; ``stop`` is true for a leaf that must not be walked into."""
        while self.follow_refs and isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            target = resolve_pointer(self.doc, ref)
            if ref in seen or target is None:
                return schema, seen, True
            siblings = {key: value for key, value in schema.items() if key != "$ref"}
            schema = {**target, **siblings} if isinstance(target, dict) else target
            seen = seen | {ref}
        return schema, seen, isinstance(schema, dict) and "$ref" in schema

    def _walk_children(self, schema: dict[str, Any], path: str, seen: frozenset[str]) -> None:
        required = schema.get("required")
        names = set(required) if isinstance(required, list) else set()
        for name, sub in _mapping(schema.get("properties")).items():
            self.walk(sub, _join(path, name), name in names, path, seen)
        if isinstance(schema.get("items"), (dict, bool)):
            self.walk(schema["items"], f"{path}[]", None, path, seen)
        if isinstance(schema.get("additionalProperties"), dict):
            self.walk(schema["additionalProperties"], _join(path, "*"), None, path, seen)
        for keyword in COMPOSITIONS:
            for index, branch in enumerate(_sequence(schema.get(keyword))):
                label = f"{keyword}[{_branch_label(branch, index)}]"
                self.walk(branch, _join(path, label), None, path, seen)


def _type_of(schema: Any) -> str:
    """A short, comparable type description, e.g. ``string(uri)`` or ``integer|null``."""
    if not isinstance(schema, dict):
        return "any" if schema is not False else "nothing"
    if isinstance(schema.get("$ref"), str):
        return f"ref:{_ref_name(schema['$ref'])}"
    declared = schema.get("type")
    types = [declared] if isinstance(declared, str) else list(_sequence(declared))
    if types and schema.get("nullable") is True:  # OpenAPI 3.0 spelling of "| null"
        types.append("null")
    text = "|".join(str(name) for name in types) or _implied_type(schema)
    fmt = schema.get("format")
    return f"{text}({fmt})" if isinstance(fmt, str) else text


def _implied_type(schema: dict[str, Any]) -> str:
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return next((keyword for keyword in COMPOSITIONS if keyword in schema), "any")


def _enum_of(schema: Any) -> tuple[str, ...] | None:
    """Enum values as canonical JSON text, so ``"44100"`` and ``44100`` stay distinct."""
    if not isinstance(schema, dict) or not isinstance(schema.get("enum"), list):
        return None
    return tuple(json.dumps(value, sort_keys=True, ensure_ascii=False) for value in schema["enum"])


def _branch_label(branch: Any, index: int) -> str:
    if isinstance(branch, dict) and isinstance(branch.get("title"), str):
        return str(branch["title"])
    if isinstance(branch, dict) and isinstance(branch.get("$ref"), str):
        return _ref_name(branch["$ref"])
    return str(index)


def _ref_name(ref: str) -> str:
    return ref.rstrip("/").rsplit("/", 1)[-1] or ref


def _join(path: str, segment: str) -> str:
    return f"{path}.{segment}" if path else segment


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
