"""``tonn-mock serve --workers N``: N processes serving one port over one state file, on granian.

granian's main process (the command itself) starts the workers, starts again any that dies, and
on SIGTERM or SIGINT stops them gracefully: each stops accepting, answers every request it has
read, closes its idle connections at once (a request a client sends on one just then goes
unanswered, and never reaches the mock: the client may send it again), gives pending webhooks
:data:`~tonn_mock.server.WEBHOOK_GRACE` seconds, and ends. A worker still stopping after
:data:`STOP_SECONDS` (a client that does not read its download holds it) is killed; webhooks it had
not sent stay in the state for the next start. A worker also stops if the main process dies, so
no orphan keeps the port.

Each worker builds its own app on the shared state (:mod:`tonn_mock.state`) and serves it through
:mod:`tonn_mock.rsgi`: granian's Rust threads do the I/O, the worker's Python thread only runs the
app. Exactly one worker keeps the house (moves time-based tasks and sends webhooks): the one that
holds the state's housekeeping lock. The others wait for that lock, so when its holder ends,
another takes the role over.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import fcntl
import functools
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from flask import Flask
from granian import Granian
from granian.constants import Interfaces
from granian.log import LogLevels

from tonn_mock.app import create_app
from tonn_mock.backend.shared_journal import journal_folder
from tonn_mock.control.api import backend_swap
from tonn_mock.core.settings import Settings
from tonn_mock.gateway.lanes import long_request_test
from tonn_mock.gateway.request import current_backend
from tonn_mock.process import log_off_the_request_path, tune_garbage_collection
from tonn_mock.rsgi import WsgiOnRsgi
from tonn_mock.server import WEBHOOK_GRACE

PR_SET_PDEATHSIG = 1
STOP_SECONDS = 3
GRANIAN_LOGS = {
    "formatters": {"generic": {"()": "logging.Formatter", "fmt": "%(asctime)s granian %(message)s"}},
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"}
    },
    "loggers": {"_granian": {"handlers": ["console"], "propagate": False}},
}


@dataclasses.dataclass(frozen=True)
class Plan:
    """What every worker needs to know: the settings, where it listens, its thread count, and
    a flag the workers share, set once the port is announced (made with the plan, before they fork)."""

    settings: Settings
    host: str
    port: int
    threads: int
    announced: Any = dataclasses.field(default_factory=lambda: multiprocessing.Value("b", False))


def serve(plan: Plan) -> None:
    """Serve until SIGTERM or SIGINT with ``plan.settings.workers`` workers (blocks)."""
    server = Granian(
        "tonn_mock",  # a name only: each worker builds its app with worker_app
        address=plan.host,
        port=plan.port,
        interface=Interfaces.RSGI,
        workers=plan.settings.workers,
        websockets=False,
        respawn_failed_workers=True,
        workers_kill_timeout=STOP_SECONDS,
        log_level=LogLevels.warning,
        log_dictconfig=GRANIAN_LOGS,
    )
    server.serve(target_loader=functools.partial(worker_app, plan), wrap_loader=False)


def worker_app(plan: Plan) -> WsgiOnRsgi:
    """One worker's application (called in the worker process)."""
    _die_with_parent()
    state = Path(plan.settings.state_path or "")  # always set: serve gives workers a state file
    number = claim_number(journal_folder(state))
    logs = log_off_the_request_path(number)
    housekeeping = ProcessLock(state.with_name(f"{state.name}.housekeeper"))
    keeps_house = housekeeping.take()
    app = create_app(dataclasses.replace(plan.settings, housekeeper=keeps_house, worker=number))
    tune_garbage_collection()

    def start() -> None:
        if not keeps_house:
            housekeeping.wait_then(functools.partial(take_over_housekeeping, app))
        threading.Thread(target=announce, args=(plan,), name="tonn-mock-announce", daemon=True).start()

    def stop() -> None:
        current_backend(app).shut_down(WEBHOOK_GRACE)
        logs.stop()

    return WsgiOnRsgi(
        app,
        max_body=max(plan.settings.max_upload_bytes, plan.settings.max_body_bytes),
        threads=plan.threads,
        runs_long=long_request_test(app),
        on_start=start,
        on_stop=stop,
    )


def claim_number(folder: Path) -> int:
    """The lowest worker number no live worker holds (the number of one that ended is reused,
    with its journal file)."""
    folder.mkdir(parents=True, exist_ok=True)
    number = 0
    while not (lock := ProcessLock(folder / f"worker-{number}.lock")).take():
        lock.close()
        number += 1
    return number


class ProcessLock:
    """An ``flock`` on a file, held until the process ends, however it ends (the system then
    releases it): a worker's number, or the housekeeping role."""

    def __init__(self, path: Path) -> None:
        self._descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)

    def take(self) -> bool:
        try:
            fcntl.flock(self._descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def close(self) -> None:
        os.close(self._descriptor)

    def wait_then(self, then: Callable[[], None]) -> None:
        """Wait for the lock in the background, then call ``then``."""

        def wait() -> None:
            fcntl.flock(self._descriptor, fcntl.LOCK_EX)
            then()

        threading.Thread(target=wait, name="tonn-mock-housekeeping-lock", daemon=True).start()


def take_over_housekeeping(app: Flask) -> None:
    with backend_swap(app):  # a reset builds the next backend from this one's settings
        current_backend(app).keep_house()
    logging.getLogger("tonn_mock").info("this worker keeps the house now (time-based tasks, webhooks)")


def announce(plan: Plan) -> None:
    """Print the listening line once the port answers (workers bind it as they start), once."""
    while not _answers(plan.host, plan.port):
        time.sleep(0.02)
    with plan.announced.get_lock():
        if plan.announced.value:
            return
        plan.announced.value = True
    click.echo(
        f"tonn-mock listening on http://{plan.host}:{plan.port} with {plan.settings.workers} workers, "
        f"state {plan.settings.state_path} (docs: /docs, control: /_mock/)",
        err=True,
    )


def free_port(host: str, port: int) -> int:
    """``port`` once checked free on ``host`` (0: a free one); OSError when a server listens on it.
    Connections of a mock stopped a moment ago (in TIME_WAIT) do not count, as for the workers."""
    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(info[0], socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(info[4])
        return int(probe.getsockname()[1])


def _answers(host: str, port: int) -> bool:
    target = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    with contextlib.suppress(OSError), socket.create_connection((target, port), timeout=0.5):
        return True
    return False


def _die_with_parent() -> None:
    """Ask Linux to stop this worker (SIGTERM) when the main process dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
