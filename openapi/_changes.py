"""The records a semantic diff is made of, and their human-readable rendering.

``ChangeKind`` values are stable names (``enum-value-added``) that tests and scripts can match on;
``SpecDiff.render`` is for people reading a pull's output or a review.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["SECTIONS", "Change", "ChangeKind", "SpecDiff"]


class ChangeKind(StrEnum):
    """What kind of change a :class:`Change` is; the value is a stable, greppable name."""

    PATH_ADDED = "path-added"
    PATH_REMOVED = "path-removed"
    OPERATION_ADDED = "operation-added"
    OPERATION_REMOVED = "operation-removed"
    RESPONSE_ADDED = "response-added"
    RESPONSE_REMOVED = "response-removed"
    FIELD_ADDED = "field-added"
    FIELD_REMOVED = "field-removed"
    FIELD_TYPE_CHANGED = "field-type-changed"
    FIELD_REQUIRED = "field-required"
    FIELD_OPTIONAL = "field-optional"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_VALUE_REMOVED = "enum-value-removed"
    SCHEMA_ADDED = "schema-added"
    SCHEMA_REMOVED = "schema-removed"
    WEBHOOK_ADDED = "webhook-added"
    WEBHOOK_REMOVED = "webhook-removed"

    @property
    def marker(self) -> str:
        """``+`` for an addition, ``-`` for a removal, ``~`` for a change in place."""
        if self.value.endswith("-added"):
            return "+"
        return "-" if self.value.endswith("-removed") else "~"


K = ChangeKind
SECTIONS: tuple[tuple[str, tuple[ChangeKind, ...]], ...] = (
    ("Paths", (K.PATH_ADDED, K.PATH_REMOVED)),
    ("Operations", (K.OPERATION_ADDED, K.OPERATION_REMOVED)),
    ("Responses", (K.RESPONSE_ADDED, K.RESPONSE_REMOVED)),
    ("Fields", (K.FIELD_ADDED, K.FIELD_REMOVED, K.FIELD_TYPE_CHANGED)),
    ("Required flags", (K.FIELD_REQUIRED, K.FIELD_OPTIONAL)),
    ("Enum values", (K.ENUM_VALUE_ADDED, K.ENUM_VALUE_REMOVED)),
    ("Component schemas", (K.SCHEMA_ADDED, K.SCHEMA_REMOVED)),
    ("Webhooks", (K.WEBHOOK_ADDED, K.WEBHOOK_REMOVED)),
)


@dataclass(frozen=True)
class Change:
    """One semantic change.

    ``location`` reads like ``POST /masteringpreview request masteringData.desiredLoudness``:
    the operation, the part of it (``request``, ``response 200``, a parameter's ``query``/
    ``header``/``path``) and the dotted field path. Component schemas read ``schema Name``.
    """

    kind: ChangeKind
    location: str
    detail: str

    def line(self) -> str:
        """The change as one line of :meth:`SpecDiff.render`."""
        return f"{self.kind.marker} {self.location}: {self.detail}"


@dataclass(frozen=True)
class SpecDiff:
    """The changes between two documents, in a deterministic order (falsy when there are none)."""

    changes: list[Change] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def render(self) -> str:
        """Human-readable report: one line per change, grouped into sections."""
        if not self.changes:
            return "no semantic changes"
        lines = [f"{len(self.changes)} semantic change(s):"]
        for title, kinds in SECTIONS:
            group = [change for change in self.changes if change.kind in kinds]
            if group:
                lines.append(f"{title} ({len(group)}):")
                lines.extend(f"  {change.line()}" for change in group)
        return "\n".join(lines)
