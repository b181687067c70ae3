"""A deadline for one whole webhook attempt, not for each socket operation.

httpx's timeouts bound each connect, read and write on its own: a receiver that drips its answer a
byte a second keeps an attempt going for as long as it likes with every read well inside the
timeout. :class:`DeadlineBackend` is the network layer of the mock's own webhook transport: each
operation may take only what is left of the deadline that :func:`attempt_deadline` set for the
attempt (per thread, as httpx's sync client runs in the calling thread), and once nothing is left
it fails as a timeout. So an attempt lasts at most its timeout, plus the time to notice.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpcore

_current = threading.local()


@contextlib.contextmanager
def attempt_deadline(seconds: float) -> Iterator[None]:
    """Within the block, every network operation of the calling thread ends ``seconds`` from now."""
    previous = getattr(_current, "deadline", None)
    _current.deadline = time.monotonic() + seconds
    try:
        yield
    finally:
        _current.deadline = previous


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """The smaller of ``timeout`` and what is left of the deadline; ``error`` once none is left."""
    deadline: float | None = getattr(_current, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the webhook attempt ran out of time")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads, writes and TLS handshake stop at the attempt's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's synchronous sockets, each connection a :class:`DeadlineStream`."""

    def __init__(self) -> None:
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._sockets.connect_tcp(host, port, left, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._sockets.connect_unix_socket(path, left, socket_options))

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)
