"""Tonn's routes for ``requests``, in whichever ``responses.RequestsMock`` answers the calls.

``requests`` calls are caught with the ``responses`` library, and only one ``RequestsMock`` - the
one started last - sees a call. So Tonn's callbacks go where the calls go:

* into the mock given as ``requests_mock=``, or else into a ``RequestsMock`` already active when
  the interception starts (``@responses.activate``, ``with responses.RequestsMock() as rsps``):
  its own rules (passthrough, unmatched URLs) then apply to every other URL;
* otherwise into a mock of our own, started for the purpose, refusing other URLs unless they
  are allowed through (``passthrough``);
* and, while the interception is active, into every ``RequestsMock`` started after it, taken out
  again before that mock stops (so its ``assert_all_requests_are_fired`` never sees them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from unittest import mock

import requests.adapters
import responses

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
Prefix = str | re.Pattern[str]


def active_requests_mock() -> responses.RequestsMock | None:
    """The started ``RequestsMock`` now answering ``requests`` calls, if any.

    A started mock replaces ``HTTPAdapter.send`` by a closure over itself; that closure is the
    only public trace of which mock is active.
    """
    send = requests.adapters.HTTPAdapter.send
    for cell in getattr(send, "__closure__", None) or ():
        try:
            contents = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(contents, responses.RequestsMock):
            return contents
    return None


class RequestsRouting:
    """Registers ``answer`` for every method on each of ``patterns`` while started."""

    def __init__(
        self,
        answer: Callable[..., Any],
        patterns: Sequence[re.Pattern[str]],
        passthrough: Sequence[Prefix],
        given: responses.RequestsMock | None = None,
    ) -> None:
        self._answer = answer
        self._patterns = tuple(patterns)
        self._passthrough = tuple(passthrough)
        self._given = given
        self._own: responses.RequestsMock | None = None
        self._registered: dict[responses.RequestsMock, list[responses.BaseResponse]] = {}
        self._patches: list[Any] = []

    @property
    def mock(self) -> responses.RequestsMock:
        """The mock that received Tonn's routes first (ours, the given one or the active one)."""
        for target in self._registered:
            return target
        return self._own if self._own is not None else responses.mock

    def start(self) -> None:
        target = self._given or active_requests_mock()
        if target is None:
            target = self._own = responses.RequestsMock(assert_all_requests_are_fired=False)
            for prefix in self._passthrough:
                target.add_passthru(prefix)
        self._register(target)
        if self._own is not None:
            self._own.start()
        self._follow_new_mocks()

    def stop(self) -> None:
        for patch in reversed(self._patches):
            patch.stop()
        self._patches.clear()
        for target in list(self._registered):
            self._unregister(target)
        if self._own is not None:
            self._own.stop(allow_assert=False)
            self._own.reset()
            self._own = None

    def _register(self, target: responses.RequestsMock) -> None:
        if target in self._registered:
            return
        self._registered[target] = [
            target.add_callback(method, pattern, self._answer, content_type=None)
            for pattern in self._patterns
            for method in METHODS
        ]

    def _unregister(self, target: responses.RequestsMock) -> None:
        for registered in self._registered.pop(target, []):
            target.remove(registered)

    def _follow_new_mocks(self) -> None:
        original_start = responses.RequestsMock.start
        original_stop = responses.RequestsMock.stop
        routing = self

        def start(target: responses.RequestsMock) -> None:
            original_start(target)
            routing._register(target)

        def stop(target: responses.RequestsMock, allow_assert: bool = True) -> None:
            if target is not routing._own:
                routing._unregister(target)
            original_stop(target, allow_assert)

        self._patches = [
            mock.patch.object(responses.RequestsMock, "start", start),
            mock.patch.object(responses.RequestsMock, "stop", stop),
        ]
        for patch in self._patches:
            patch.start()
