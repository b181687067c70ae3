"""The compiled fast path and jsonschema agree on every body: speed never changes a verdict.

Valid bodies are accepted by jsonschema-rs alone; jsonschema judges (and explains) the rest. So
for the spec's own examples and many broken variants of them, both must say the same thing.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from tonn_mock.gateway.validation import RequestValidator
from tonn_openapi import load_spec

SPEC = load_spec()
VALIDATOR = RequestValidator(SPEC)
REPLACEMENTS: list[Any] = [
    None,
    0,
    -1,
    1.5,
    True,
    "",
    "not a uri",
    "https://example.com/x.wav",
    [],
    {},
    "ROCK",
    "rock",
]


def examples() -> Iterator[tuple[str, str, Any]]:
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            media = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            for example in media.get("examples", {}).values():
                yield method, path, example["value"]


def leaves(node: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, (*at, index))


def variants(body: Any) -> Iterator[Any]:
    yield body
    for at in list(leaves(body))[1:]:
        for replacement in REPLACEMENTS:
            changed = copy.deepcopy(body)
            parent = changed
            for part in at[:-1]:
                parent = parent[part]
            parent[at[-1]] = replacement
            yield changed
            if isinstance(parent, dict):
                del parent[at[-1]]
                yield copy.deepcopy(changed)


@pytest.mark.parametrize(("method", "path", "example"), list(examples()), ids=lambda value: str(value)[:40])
def test_the_fast_path_accepts_exactly_what_jsonschema_accepts(method: str, path: str, example: Any) -> None:
    fast, thorough = VALIDATOR._accepts[(method, path)], VALIDATOR._validators[(method, path)]
    disagreements = [
        body
        for body in variants(example)
        if fast.is_valid(body) != (next(thorough.iter_errors(body), None) is None)
    ]
    assert not disagreements
