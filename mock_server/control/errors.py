"""What a control request that cannot be carried out raises: one line saying why, and what is valid.

Hierarchy (``status`` is the HTTP answer of the ``/_mock/`` route)::

    ControlError          400  a bad argument: an unknown operation, lifecycle or policy, a bad value
    ├── UnknownTask       404  no task with that id
    └── TaskFinished      409  the task has finished: it cannot be failed or moved on

In Python they are raised without a chained cause, so a failing test shows the one message.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ControlError(Exception):
    """A control request that cannot be carried out (bad arguments, wrong clock...)."""

    status = 400


class UnknownTask(ControlError):
    status = 404


class TaskFinished(ControlError):
    status = 409


def unknown_name(what: str, given: str, valid: Iterable[str]) -> ControlError:
    """``unknown operation 'x' (did you mean 'y'?); valid: a, b, c`` as a :class:`ControlError`."""
    choices = sorted(valid)
    close = difflib.get_close_matches(given, choices, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return ControlError(f"unknown {what} {given!r}{hint}; valid: {', '.join(choices)}")
