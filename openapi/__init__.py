"""The reconstructed Tonn OpenAPI document and the tooling that keeps it honest.

``SPEC_PATH`` is the committed document; ``load_spec()`` parses it. The submodules normalise a
document to our canonical formatting (:mod:`tonn_openapi.normalise`), compare two documents
semantically (:mod:`tonn_openapi.diff`) and pull the live document (:mod:`tonn_openapi.pull`).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SPEC_PATH = Path(__file__).with_name("openapi.json")


@cache
def _cached_spec_text() -> str:
    return SPEC_PATH.read_text(encoding="utf-8")


def load_spec() -> dict[str, Any]:
    """Return a fresh, mutable copy of the committed OpenAPI document."""
    spec: dict[str, Any] = json.loads(_cached_spec_text())
    return spec
