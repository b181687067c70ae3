"""One check of every control argument, for Python callers and HTTP callers alike.

A control verb (:func:`~tonn_mock.control.verbs.verb`) is wrapped by :func:`checked_arguments`:
before the method runs, each argument annotated with a plain type (``bool``, ``int``, ``float``,
``str``, or ``None`` where the annotation allows it) must be one. ``True`` is not an integer, a
float must be finite (``NaN``, ``Infinity`` and ``1e400`` are refused) and an integer must fit in
64 bits, so no value a call accepts can later break an answer, a sleep or the clock. A refused
argument is a :class:`~tonn_mock.control.errors.ControlError` (over HTTP a 400) naming it.
Ranges that belong to one verb (a status from 400 to 599, a balance that is not negative) are
checked by the verb itself.
"""

from __future__ import annotations

import functools
import inspect
import math
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar, cast

from tonn_mock.control.errors import ControlError

Method = TypeVar("Method", bound=Callable[..., Any])
PLAIN_TYPES: tuple[type, ...] = (bool, int, float, str)
MAX_INTEGER = 2**63 - 1
_NONE = type(None)
_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a finite number", str: "a string"}


def plain_kinds(method: Callable[..., Any]) -> dict[str, tuple[type, ...]]:
    """Each parameter annotated only with plain types (and ``None``), with those types."""
    hints = typing.get_type_hints(method)
    kinds = {}
    for name in list(inspect.signature(method).parameters)[1:]:  # skip self
        hint = hints.get(name, str)
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        if options and all(option in PLAIN_TYPES or option is _NONE for option in options):
            kinds[name] = tuple(options)
    return kinds


def accept(name: str, value: Any, kinds: tuple[type, ...]) -> Any:
    """``value`` if it is one of ``kinds`` (a float as ``float``); :class:`ControlError` if not."""
    if value is None and _NONE in kinds:
        return None
    for kind in kinds:
        if kind is bool and isinstance(value, bool):
            return value
        if kind is str and isinstance(value, str):
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if kind is int and isinstance(value, int) and abs(value) <= MAX_INTEGER:
            return value
        if kind is float and _finite(value):
            return float(value)
    expected = " or ".join(_TYPE_NAMES[kind] for kind in kinds if kind is not _NONE)
    raise ControlError(f"{name} must be {expected}, not {shown(value)}")


def checked_arguments(method: Method) -> Method:
    """``method`` with every plain-typed argument checked by :func:`accept` before it runs."""
    signature = inspect.signature(method)
    resolved: list[dict[str, tuple[type, ...]]] = []  # the annotations, read at the first call

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not resolved:
            resolved.append(plain_kinds(method))
        kinds = resolved[0]
        bound = signature.bind(*args, **kwargs)
        for name, value in bound.arguments.items():
            if name in kinds:
                bound.arguments[name] = accept(name, value, kinds[name])
        return method(*bound.args, **bound.kwargs)

    return cast(Method, checked)


def shown(value: Any, width: int = 60) -> str:
    """``repr(value)`` cut to ``width`` characters (an integer too long to print is described)."""
    try:
        text = repr(value)
    except ValueError:  # an integer past Python's digit limit for str()
        return f"an integer of about {int(value.bit_length() * math.log10(2))} digits"
    return text if len(text) <= width else f"{text[: width - 3]}..."


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer beyond any float
        return False
