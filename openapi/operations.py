"""The operations of an OpenAPI document: listing them, comparing them with a server's routes, and
finding the one a mistyped request most likely meant.

The mock names the closest operation in the 404 for an unknown path, so a client that spells a
path differently (tonn-mcp's ``/retrieverevivedtrack``) learns what the API calls it instead of
meeting a silent alias that would hide the bug. The pull reports the operations a new document
declares that the mock does not implement, and the mock routes it no longer declares.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Coverage", "Operation", "closest_operation", "coverage", "operations"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
Operation = tuple[str, str]  # (lower-case method, path template)
_PARAMETER = re.compile(r"^\{[^}]*\}$")


def operations(document: Mapping[str, Any]) -> set[Operation]:
    """Every ``(method, path)`` the document's ``paths`` declare."""
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return set()
    return {
        (method, path)
        for path, item in paths.items()
        if isinstance(item, Mapping)
        for method in HTTP_METHODS
        if isinstance(item.get(method), Mapping)
    }


def closest_operation(known: Iterable[Operation], method: str, path: str) -> Operation | None:
    """The declared operation most like ``METHOD path`` (``None`` when nothing is declared).

    Paths are compared as text, letter case ignored, with each ``{parameter}`` of a template
    standing for the request's own segment there; ties go to an operation with the same method.
    """
    wanted = path.rstrip("/").lower() or "/"

    def score(operation: Operation) -> tuple[float, bool, str]:
        template = _filled(operation[1], wanted)
        ratio = difflib.SequenceMatcher(None, wanted, template.lower()).ratio()
        return ratio, operation[0] == method.lower(), operation[1]

    candidates = sorted(known)
    return max(candidates, key=score) if candidates else None


def _filled(template: str, path: str) -> str:
    """``/separatestatus/{id}`` read against ``/separatestatuz/sf_1`` -> ``/separatestatus/sf_1``."""
    template_parts, path_parts = template.split("/"), path.split("/")
    if len(template_parts) != len(path_parts):
        return template
    return "/".join(
        actual if _PARAMETER.match(part) else part
        for part, actual in zip(template_parts, path_parts, strict=True)
    )


@dataclass(frozen=True)
class Coverage:
    """How a server's routes and a document's operations differ."""

    unimplemented: tuple[Operation, ...]
    undeclared: tuple[Operation, ...]

    def lines(self) -> list[str]:
        """The report: each list that is not empty, or one line saying they agree."""
        if not self.unimplemented and not self.undeclared:
            return ["mock: implements every operation of the document, and no other"]
        lines = []
        if self.unimplemented:
            lines.append(f"mock: {len(self.unimplemented)} operation(s) of the document not implemented:")
            lines += [f"  {method.upper()} {path}" for method, path in self.unimplemented]
        if self.undeclared:
            lines.append(
                f"mock: {len(self.undeclared)} route(s) the document no longer declares "
                "(the mock refuses to start until they are removed or declared):"
            )
            lines += [f"  {method.upper()} {path}" for method, path in self.undeclared]
        return lines


def coverage(document: Mapping[str, Any], implemented: Iterable[Operation]) -> Coverage:
    """Compare a document's operations with a server's implemented ``(method, path)`` routes."""
    declared, routes = operations(document), set(implemented)
    return Coverage(tuple(sorted(declared - routes)), tuple(sorted(routes - declared)))
