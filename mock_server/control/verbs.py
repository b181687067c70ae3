"""Control verbs: Python methods that also answer over HTTP under ``/_mock/``.

A method of :class:`~tonn_mock.control.api.MockControl` decorated with :func:`verb` is written
once; :mod:`.routes` derives its HTTP route(s) from the declaration. Arguments come from the path,
then from the query string (GET, DELETE) or the JSON object body (POST, PUT), and are converted
to the method's annotated types, then checked as every Python call is (:mod:`.arguments`). The
answer is the method's result as JSON; with ``answer_key`` it is ``{<path arguments>,
answer_key: result}`` (``true`` when the method returns nothing).
A verb may be reached at several paths, e.g. ``/credits`` (every key) and ``/credits/<key>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from tonn_mock.control.arguments import PLAIN_TYPES as HTTP_TYPES
from tonn_mock.control.arguments import checked_arguments, plain_kinds

Method = TypeVar("Method", bound=Callable[..., Any])
_ATTRIBUTE = "_tonn_control_verb"
"""The argument types an HTTP caller can give (other parameters are for Python callers only)."""


@dataclass(frozen=True)
class Verb:
    """How one control method is reached over HTTP."""

    http_method: str
    paths: tuple[str, ...]
    answer_key: str | None = None

    @property
    def path(self) -> str:
        """The main path (the one with every argument spelled out comes last)."""
        return self.paths[-1]


def verb(http_method: str, *paths: str, answer_key: str | None = None) -> Callable[[Method], Method]:
    """Declare the decorated control method as ``http_method /_mock<path>`` for each path."""
    if not paths:
        raise TypeError("a verb needs at least one path")

    def declare(method: Method) -> Method:
        checked = checked_arguments(method)  # the one check of its arguments, Python and HTTP alike
        setattr(checked, _ATTRIBUTE, Verb(http_method, paths, answer_key))
        return checked

    return declare


def declared_verbs(cls: type) -> Iterator[tuple[str, Verb]]:
    """``(method name, Verb)`` for every verb of ``cls``, in definition order."""
    for name, member in vars(cls).items():
        declared = getattr(member, _ATTRIBUTE, None)
        if isinstance(declared, Verb):
            yield name, declared


def http_parameters(method: Callable[..., Any]) -> dict[str, type]:
    """The parameters of ``method`` an HTTP caller can set, with the type to convert them to
    (the plain-typed parameters :mod:`.arguments` checks, ``None`` aside)."""
    return {
        name: next(kind for kind in kinds if kind in HTTP_TYPES)
        for name, kinds in plain_kinds(method).items()
        if any(kind in HTTP_TYPES for kind in kinds)
    }
