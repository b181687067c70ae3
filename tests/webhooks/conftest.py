"""Fixtures for webhook tests: a real local receiver, a dead address, a fake clock and a
dispatcher factory that closes what it made and surfaces worker-thread errors."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tonn_mock.core.clock import FakeClock
from tonn_mock.webhooks import WebhookDispatcher

from .receiver import WebhookReceiver

MakeDispatcher = Callable[..., WebhookDispatcher]


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    """A running sink; handler-thread errors fail the test at teardown."""
    sink = WebhookReceiver()
    yield sink
    sink.close()
    assert not sink.errors, f"receiver handler errors: {sink.errors!r}"


@pytest.fixture
def dead_url() -> str:
    """A URL on a port that was free a moment ago, so connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


@pytest.fixture
def fake_clock() -> FakeClock:
    """Simulated time: backoff waits complete instantly and are recorded."""
    return FakeClock()


@pytest.fixture
def make_dispatcher() -> Iterator[MakeDispatcher]:
    """Factory for dispatchers (same arguments as the class); each is closed and checked."""
    made: list[WebhookDispatcher] = []

    def make(*args: Any, **kwargs: Any) -> WebhookDispatcher:
        dispatcher = WebhookDispatcher(*args, **kwargs)
        made.append(dispatcher)
        return dispatcher

    yield make
    for dispatcher in made:
        dispatcher.close(timeout=5.0)
        dispatcher.check()
