"""Enum values that Tonn reads without regard to letter case, folded before validation.

A schema of the OpenAPI document that carries ``x-tonn-case-insensitive: true`` next to its
``enum`` takes any spelling of a listed value: ``rock`` and ``Rock`` are ``ROCK``. Today that is
the mix analysis style (EVIDENCE §14.13: tonn-mcp documents lower-case names, roex-python sends
upper case). The gateway rewrites such a value to the spelling the enum lists *before* the body
is judged, so routes and services only ever see the canonical value, and a value that matches no
listed name in any case (``dance``) is still refused with the usual 400.

Folding costs nothing for a valid body: the validator's errors are what finds the values to fold.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator

CASE_INSENSITIVE = "x-tonn-case-insensitive"


def folded_errors(validator: Validator, body: Any) -> list[ValidationError]:
    """The errors of ``body`` once every case-insensitive enum value in it is folded (in place)."""
    errors = list(validator.iter_errors(body))
    folded = [_fold(body, error) for error in _enum_errors(errors)]
    return list(validator.iter_errors(body)) if any(folded) else errors


def _enum_errors(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """``enum`` errors, including those inside ``oneOf``/``anyOf`` branches."""
    for error in errors:
        if error.validator == "enum":
            yield error
        yield from _enum_errors(error.context or ())


def _fold(body: Any, error: ValidationError) -> bool:
    """Replace the refused value by the listed spelling it matches case-insensitively, if any."""
    if not isinstance(error.schema, dict) or error.schema.get(CASE_INSENSITIVE) is not True:
        return False
    if not isinstance(error.instance, str) or not isinstance(error.validator_value, list):
        return False
    wanted = error.instance.casefold()
    listed = [
        value for value in error.validator_value if isinstance(value, str) and value.casefold() == wanted
    ]
    if not listed or not error.absolute_path:
        return False
    _set(body, list(error.absolute_path), listed[0])
    return True


def _set(body: Any, path: Sequence[str | int], value: str) -> None:
    node = body
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
