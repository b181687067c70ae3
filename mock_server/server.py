"""``tonn-mock serve`` on waitress: the limits it runs with, and how it stops.

Lanes: waitress's I/O loop thread reads requests and writes answers, and a request is handed to
the app only once it has fully arrived. A short request (most of them: a create, a status check)
then runs on the loop's own thread, between two turns of the loop, as a worker of ``--workers``
runs it: short requests hold the interpreter's lock throughout, so threads running them side by
side would only take turns on it, and each hand-over between threads costs more than the request.
Short means proven short: a path runs on the loop once :data:`QUICK_RUNS` of its requests in a
row took under :data:`QUICK_SECONDS` of processor time each; a slow one takes that many quick
ones off its count, so a path proven twice over bears one slow request (a collection of the
garbage collector's, an eviction) and goes back to the threads at the second. A path not yet
proven, and a request that may take long (:mod:`tonn_mock.gateway.lanes`: a file transfer, a
control call, a retrieval of results, a call a fault delays), runs on the ``threads`` workers.
(The loop never waits for a client: waitress reads no request on a connection while an answer is
still going out, and a request sent behind a large answer is handed over once the answer's
unsent part is below its high-water mark.)

Limits, chosen with that model in mind:

* slow senders never hold a worker: waitress buffers a request until it is complete;
* slow readers never hold a worker either: a download is handed to waitress as its
  ``wsgi.file_wrapper`` (see the storage route), and the I/O loop streams it at the client's pace;
* :data:`CONNECTION_LIMIT` open connections (waitress's default of 100 stops accepting at the
  101st idle socket, and then even ``/health`` waits); the process's open-file limit is raised
  to its hard limit to afford them, and the limit is lowered if the system allows fewer;
* a connection idle for :data:`CHANNEL_TIMEOUT` seconds is closed.

Stopping: SIGTERM or SIGINT stops accepting connections; every request already received is
answered in full (each answer then closes its connection) within :data:`DRAIN_SECONDS`; idle
connections are closed; pending webhooks get :data:`WEBHOOK_GRACE` seconds, and those still
pending are kept or logged (:mod:`tonn_mock.backend.pending`); the temporary storage folder is
removed. A second signal skips the wait for requests.

Exposure: bound to an address other than loopback (``--host 0.0.0.0``), anyone who can reach the
mock can use its control plane, so ``/_mock/`` then requires a token (given with
``--control-token``, or generated and printed) and its listings mask API keys
(:mod:`tonn_mock.control.access`).
"""

from __future__ import annotations

import ipaddress
import resource
import secrets
import select
import signal
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from flask import Flask
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ThreadedTaskDispatcher, WSGITask

from tonn_mock.gateway.lanes import long_request_test
from tonn_mock.gateway.request import current_backend

CONNECTION_LIMIT = 1000
CHANNEL_TIMEOUT = 60
DRAIN_SECONDS = 3.0
IDLE_GRACE = 1.0
WEBHOOK_GRACE = 1.0
LOOP_TIMEOUT = 0.2
"""How often the I/O loop looks up from its sockets: the longest a signal waits to be noticed."""
SHORT_TURN = 0.01
"""The longest the I/O loop runs short requests in one turn before the threads take the rest."""
QUICK_RUNS = 8
"""Quick requests in a row that prove a path short."""
QUICK_SECONDS = 0.005
"""Processor time under which a request was quick (a create takes about 0.4 ms)."""
PATHS_TRACKED = 1024
"""Paths whose recent speed is kept; past that many, what was learnt is forgotten and learnt again."""


class Stop:
    """The signals' word to the serving loop: stop (once), then hurry (a second signal)."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.hurry = threading.Event()

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        (self.hurry if self.requested.is_set() else self.requested).set()


class Lanes(ThreadedTaskDispatcher):  # type: ignore[misc]
    """Waitress's dispatcher, with a lane for short requests: those wait in :attr:`short` for
    :meth:`run_short`, which the I/O loop calls after each turn; the rest go to the threads.
    Every request is timed (processor time, so waiting for the interpreter's lock does not
    count), and :attr:`quick_runs` counts each path's quick requests (up to twice
    :data:`QUICK_RUNS`)."""

    def __init__(self, may_take_long: Callable[[str], bool], threads: int) -> None:
        super().__init__()
        self.may_take_long = may_take_long
        self.short: deque[_Timed] = deque()
        self.quick_runs: dict[str, int] = {}
        self.set_thread_count(threads)

    def add_task(self, channel: HTTPChannel) -> None:
        # called with the channel's requests lock held: a short request is queued, never run here
        request = _Timed(channel, channel.requests[0].path, self)
        if self.quick_runs.get(request.path, 0) >= QUICK_RUNS and not self.may_take_long(request.path):
            self.short.append(request)
        else:
            super().add_task(request)

    def ran(self, path: str, seconds: float) -> None:
        """Note that a request for ``path`` took ``seconds`` of processor time."""
        if len(self.quick_runs) >= PATHS_TRACKED and path not in self.quick_runs:
            self.quick_runs.clear()
        runs = self.quick_runs.get(path, 0)
        quick = seconds < QUICK_SECONDS
        self.quick_runs[path] = min(runs + 1, 2 * QUICK_RUNS) if quick else max(runs - QUICK_RUNS, 0)

    def run_short(self) -> None:
        """Answer the short requests queued (on the calling thread: the I/O loop's). Past
        :data:`SHORT_TURN` seconds the lane has fallen behind (a backlog of task work, requests
        of a few milliseconds each), and the threads take the rest: the loop goes back to its
        sockets, and a request queued behind many does not wait for all of them."""
        turn_ends = time.monotonic() + SHORT_TURN
        while self.short:
            if time.monotonic() > turn_ends:
                while self.short:
                    super().add_task(self.short.popleft())
                return
            self.short.popleft().service()


class _Timed:
    """A channel's next request, timed for :meth:`Lanes.ran` (a task for waitress's threads)."""

    __slots__ = ("channel", "lanes", "path")

    def __init__(self, channel: HTTPChannel, path: str, lanes: Lanes) -> None:
        self.channel, self.path, self.lanes = channel, path, lanes

    def service(self) -> None:
        started = time.thread_time()
        try:
            self.channel.service()
        except Exception:
            self.lanes.logger.exception("Exception when servicing %r", self.channel)
        self.lanes.ran(self.path, time.thread_time() - started)

    def cancel(self) -> None:
        self.channel.cancel()


def build(app: Flask, host: str, port: int, threads: int) -> Any:
    """The waitress server for ``app`` on ``host:port``, with the lanes and limits above (not
    running yet)."""
    server = create_server(
        app,
        _dispatcher=Lanes(long_request_test(app), threads),
        host=host,
        port=port,
        threads=threads,
        ident="tonn-mock",
        connection_limit=connection_limit(),
        channel_timeout=CHANNEL_TIMEOUT,
        cleanup_interval=min(CHANNEL_TIMEOUT, 30),
    )
    draining = threading.Event()
    server.tonn_mock_draining = draining
    for listener in _listeners(server):
        listener.channel_class = _channel_class(draining)
    return server


def serve(app: Flask, server: Any, stop: Stop | None = None) -> None:
    """Run ``server`` until SIGTERM or SIGINT (or ``stop``), then stop as the module says."""
    stop = stop or Stop()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, stop)
    socket_map, lanes = _socket_map(server), server.task_dispatcher
    while not stop.requested.is_set():
        wasyncore.loop(timeout=LOOP_TIMEOUT, map=socket_map, use_poll=True, count=1)
        lanes.run_short()
    drain(server, time.monotonic() + DRAIN_SECONDS, stop.hurry)
    current_backend(app).shut_down(WEBHOOK_GRACE)


def drain(server: Any, deadline: float, hurry: threading.Event) -> None:
    """Stop accepting, answer what was received (each answer closing its connection), close the rest."""
    socket_map, lanes = _socket_map(server), server.task_dispatcher
    for listener in _listeners(server):
        _accept_waiting(listener)
        listener.close()  # from now on a new connection is refused, never taken in and cut
    server.tonn_mock_draining.set()
    while time.monotonic() < deadline and not hurry.is_set() and not _settled(socket_map):
        wasyncore.loop(timeout=0.05, map=socket_map, use_poll=True, count=1)
        lanes.run_short()
    # requests still in a worker's hands finish first: their answers wake the loop through its
    # trigger, which close_all closes
    lanes.shutdown(cancel_pending=True, timeout=max(0.1, deadline - time.monotonic()))
    lanes.run_short()  # what their last answers queued (a request sent behind one, on its connection)
    wasyncore.close_all(socket_map)


def exposed(host: str) -> bool:
    """Whether listening on ``host`` reaches beyond this machine (an address it names is not loopback)."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return True
    return any(not ipaddress.ip_address(str(address).split("%")[0]).is_loopback for address in addresses)


def control_token(host: str, given: str | None) -> tuple[str | None, str | None]:
    """The control-plane token (the one given, or a new one when ``host`` is exposed) and the
    warning to print, if any."""
    if not exposed(host):
        return given, None
    token = given or secrets.token_urlsafe(24)
    shown = "the token you gave" if given else f"this token: {token}"
    warning = (
        f"Warning: tonn-mock listens on {host}, beyond this machine. Anyone who can reach it can "
        f"call its API and read its files; its control plane (/_mock/) answers only requests that "
        f"carry {shown} (header 'Authorization: Bearer <token>' or 'X-Tonn-Mock-Token'), and its "
        "listings mask API keys. Use --host 127.0.0.1 to keep it on this machine."
    )
    return token, warning


def connection_limit() -> int:
    """:data:`CONNECTION_LIMIT`, or fewer if the open-file limit cannot be raised to afford it
    (a connection may use up to three descriptors: its socket and two buffer files)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or hard > soft):
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return CONNECTION_LIMIT
    return max(16, min(CONNECTION_LIMIT, (soft - 64) // 3))


def _channel_class(draining: threading.Event) -> type[HTTPChannel]:
    class Task(WSGITask):  # type: ignore[misc]
        def build_response_header(self) -> Any:
            if draining.is_set():
                self.set_close_on_finish()  # answered in full, then the connection closes
            return super().build_response_header()

    class Channel(HTTPChannel):  # type: ignore[misc]
        task_class = Task

    return Channel


def _accept_waiting(listener: BaseWSGIServer) -> None:
    """Take in the connections the system has already completed: a client on one of them may have
    sent its request, which closing the listener would cut."""
    for _ in range(listener.adj.backlog):
        if not select.select([listener.socket], [], [], 0)[0]:
            return
        listener.handle_accept()


def _socket_map(server: Any) -> dict[int, Any]:
    return server._map if isinstance(server, BaseWSGIServer) else server.map  # type: ignore[no-any-return]


def _listeners(server: Any) -> list[BaseWSGIServer]:
    return [item for item in _socket_map(server).values() if isinstance(item, BaseWSGIServer)]


def _channels(socket_map: dict[int, Any]) -> Iterator[HTTPChannel]:
    return (item for item in list(socket_map.values()) if isinstance(item, HTTPChannel))


def _settled(socket_map: dict[int, Any]) -> bool:
    """No request is in hand and every open connection has been quiet for :data:`IDLE_GRACE` s:
    a client on a kept-alive connection may send its next request at any moment, so a connection
    is closed only once that has become unlikely (or the deadline has come)."""
    quiet_since = time.time() - IDLE_GRACE
    return not any(_busy(channel) or channel.last_activity > quiet_since for channel in _channels(socket_map))


def _busy(channel: HTTPChannel) -> bool:
    """A request received or being received, or an answer not yet sent."""
    return bool(
        channel.requests
        or channel.total_outbufs_len
        or channel.request is not None
        or channel.close_when_flushed
    )
