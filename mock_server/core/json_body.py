"""The one JSON parser for request bodies: the public API, the control plane and the journal.

Every malformed body becomes a :class:`MalformedJson` (a ``ValueError``) with one line saying why,
which the callers turn into their 400. Malformed means more than bad syntax: bytes that are not
text, nesting deeper than :data:`MAX_DEPTH` (a ``[`` ten thousand times would otherwise exhaust
the interpreter's recursion limit), the non-standard constants ``NaN`` and ``Infinity``, and
numbers no finite double holds (``1e400``, or an integer of hundreds of digits), which would
otherwise reach the mock's arithmetic and its JSON answers as infinities.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted (Tonn's deepest body nests five levels)."""
MAX_INTEGER_DIGITS = 300
"""Longest integer accepted: a double holds about 1.8e308, so every accepted number is finite."""


class MalformedJson(ValueError):
    """A body that is not the JSON the mock accepts; the message says why."""


def parse_json(raw: bytes | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value of ``raw``; :class:`MalformedJson` naming the problem otherwise."""
    try:
        value = _DECODER.decode(_text(raw))
    except RecursionError:
        raise MalformedJson(f"nested deeper than {max_depth} levels") from None
    except ValueError as problem:  # JSONDecodeError, UnicodeDecodeError and the hooks' refusals
        raise MalformedJson(str(problem)) from None
    if _brackets(raw) > max_depth and depth(value, max_depth) > max_depth:
        raise MalformedJson(f"nested deeper than {max_depth} levels")
    return value


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests arrays and objects (a scalar is 0); stops counting past ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def _brackets(raw: bytes | str) -> int:
    """An upper bound of the nesting depth, counted at C speed (most bodies need no more)."""
    if isinstance(raw, str):
        return raw.count("[") + raw.count("{")
    return raw.count(b"[") + raw.count(b"{")


def _text(raw: bytes | str) -> str:
    """``raw`` as text, exactly as ``json.loads`` reads it (UTF-8, -16 or -32 bytes; no BOM)."""
    if isinstance(raw, str):
        if raw.startswith("\ufeff"):
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", raw, 0)
        return raw
    if not isinstance(raw, bytes | bytearray):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {raw.__class__.__name__}")
    return raw.decode(json.detect_encoding(raw), "surrogatepass")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {text} is out of range")
    return number


def _bounded(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise ValueError(f"an integer of {len(text.lstrip('-'))} digits is out of range")
    return int(text)


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite, parse_int=_bounded)
"""Built once: ``json.loads`` with hooks builds a decoder (and its scanner) on every call."""
