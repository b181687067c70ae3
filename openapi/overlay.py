"""Apply an OpenAPI Overlay (Overlay Specification 1.0) to a document, and say what did not fit.

An overlay is ``{"overlay": "1.0.0", "info": {...}, "actions": [...]}``; each action has a
``target``, an RFC 9535 JSONPath query, and either ``update`` (merged into every node the target
selects) or ``remove: true`` (every selected node is removed). Queries are evaluated by
python-jsonpath in its strict RFC 9535 mode.

Merging follows the words of Overlay 1.0: "the properties in the merge object replace properties
in the target object with the same name and new properties are appended to the target object"
(one level: a property the target has is replaced whole, never merged item by item, so applying
an overlay twice, or to a document that already holds its additions, changes nothing); an
``update`` aimed at an array is appended to it as one item. Actions run in order, each on the
result of the previous one. Applying is pure: the input document is never modified.

Two things are reported rather than hidden, because against a newly pulled document they mean the
additions no longer fit: an action whose target selects nothing (:attr:`Applied.unmatched`; the
specification allows it), and a property an action replaces with a different value
(:attr:`Applied.overrides`: the overlay now contradicts what the document declares).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jsonpath import JSONPathEnvironment, JSONPathError

__all__ = ["Action", "Applied", "OverlayError", "apply_overlay", "parse_overlay"]

_JSONPATH = JSONPathEnvironment(strict=True)
Location = tuple[str | int, ...]


class OverlayError(Exception):
    """An overlay document that does not follow the Overlay Specification (one-line message)."""


@dataclass(frozen=True)
class Action:
    """One overlay action; ``index`` is its position in ``actions``, counting from 1."""

    index: int
    target: str
    description: str
    update: Any = None
    remove: bool = False

    def label(self) -> str:
        """``action 12 (evidence) $.components.schemas.X``: how reports name the action."""
        about = f" ({self.description})" if self.description else ""
        return f"action {self.index}{about} {self.target}"


@dataclass(frozen=True)
class Applied:
    """The document with the overlay applied, the actions whose target selected nothing, and the
    properties (``action label: property``) the overlay replaced with a different value."""

    document: dict[str, Any]
    unmatched: tuple[Action, ...]
    overrides: tuple[str, ...] = ()


def parse_overlay(overlay: Mapping[str, Any]) -> list[Action]:
    """The actions of an overlay document, checked against the specification's required fields."""
    version = overlay.get("overlay")
    if not isinstance(version, str) or not version.startswith("1."):
        raise OverlayError(f"not an Overlay 1.x document (overlay: {version!r})")
    info = overlay.get("info")
    if not isinstance(info, dict) or not {"title", "version"} <= info.keys():
        raise OverlayError("the overlay's info needs a title and a version")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError("the overlay has no actions")
    return [_action(index, raw) for index, raw in enumerate(actions, start=1)]


def _action(index: int, raw: Any) -> Action:
    if not isinstance(raw, dict) or not isinstance(raw.get("target"), str):
        raise OverlayError(f"action {index} has no target")
    remove = raw.get("remove", False)
    if not isinstance(remove, bool) or (not remove and "update" not in raw):
        raise OverlayError(f"action {index} ({raw['target']}) needs an update or remove: true")
    try:
        _JSONPATH.compile(raw["target"])
    except JSONPathError as err:
        raise OverlayError(f"action {index}: invalid JSONPath {raw['target']!r}: {err}") from None
    return Action(index, raw["target"], str(raw.get("description", "")), raw.get("update"), remove)


def apply_overlay(document: Mapping[str, Any], overlay: Mapping[str, Any]) -> Applied:
    """``document`` with every action of ``overlay`` applied in order (see the module docstring)."""
    result = copy.deepcopy(dict(document))
    unmatched: list[Action] = []
    overrides: list[str] = []
    for action in parse_overlay(overlay):
        locations = [tuple(match.parts) for match in _JSONPATH.finditer(action.target, result)]
        if not locations:
            unmatched.append(action)
        for location in _deepest_first(locations) if action.remove else locations:
            if action.remove:
                _remove(result, action, location)
            else:
                overrides += _update(result, action, location)
    return Applied(result, tuple(unmatched), tuple(overrides))


def _deepest_first(locations: Sequence[Location]) -> list[Location]:
    """Removal order that keeps later locations valid: inner nodes, then higher indexes first."""
    return sorted(locations, key=lambda loc: (len(loc), [(isinstance(p, int), p) for p in loc]), reverse=True)


def _remove(document: dict[str, Any], action: Action, location: Location) -> None:
    if not location:
        raise OverlayError(f"{action.label()}: the document root cannot be removed")
    parent = _node(document, location[:-1])
    del parent[location[-1]]


def _update(document: dict[str, Any], action: Action, location: Location) -> list[str]:
    """Apply one update at one location; return the properties it replaced with another value."""
    node = _node(document, location)
    if isinstance(node, list):
        node.append(copy.deepcopy(action.update))
        return []
    if not isinstance(node, dict) or not isinstance(action.update, dict):
        raise OverlayError(f"{action.label()}: cannot merge {type(action.update).__name__} into a value")
    replaced = [
        f"{action.label()}: {key}" for key, value in action.update.items() if node.get(key, value) != value
    ]
    node.update(copy.deepcopy(action.update))
    return replaced


def _node(document: Any, location: Location) -> Any:
    for part in location:
        document = document[part]
    return document
