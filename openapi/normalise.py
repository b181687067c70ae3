"""Our canonical formatting of an OpenAPI document.

The committed ``openapi.json`` is written exactly as :func:`dumps` writes it: keys sorted at every
level, two-space indent, non-ASCII kept as is, one trailing newline. A fixed format means a pull
that changes nothing produces no byte difference, and a review diff shows only real edits instead
of key reordering from whichever tool wrote the file last.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["dumps", "normalise"]


def normalise(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Return a deep copy of ``doc`` whose mappings have their keys in sorted order.

    List order is kept: in OpenAPI it carries meaning (``enum``, ``required``, ``oneOf``, tags).
    """
    result: dict[str, Any] = _sorted(doc)
    return result


def dumps(doc: Mapping[str, Any]) -> str:
    """Serialise ``doc`` in the committed file's canonical text form."""
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _sorted(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value
