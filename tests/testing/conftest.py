"""Fixtures proving a test ran offline: no socket connects and no sleeping."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any socket connect (any host, any thread) fails the test."""

    def refuse(self: socket.socket, address: object) -> None:
        raise AssertionError(f"a socket tried to connect to {address!r}: the test is not offline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """``time.sleep`` fails the test: no poll interval and no retry back-off may be waited out."""

    def refuse(seconds: float) -> None:
        raise AssertionError(f"time.sleep({seconds}) was called: polls or retries are being waited out")

    monkeypatch.setattr(time, "sleep", refuse)
