"""``tonn-mock serve --workers N``: N processes serving one port over one state file.

The supervisor (the process started by the command) binds the listening socket, checks the state
file, then forks the workers; the kernel hands each new connection to one of them. Every worker
builds its own app on the shared state (:mod:`tonn_mock.state`) and serves with waitress as a
single-process mock does (:mod:`tonn_mock.server`), with one difference: only worker 0, the
*housekeeper*, moves time-based tasks and sends webhooks. A worker that dies is started again
with its number (its role with it); the supervisor's SIGTERM or SIGINT is passed on to every
worker, each stops gracefully, and the supervisor exits when all have. A worker also stops if its
supervisor dies, so no orphan keeps the port.

Forking comes first: the supervisor starts no thread, so each worker begins clean.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import os
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable
from types import FrameType

from tonn_mock.core.settings import Settings

PR_SET_PDEATHSIG = 1
RESTART_PAUSE = 0.5
"""Wait before a dead worker is started again, so a worker that cannot start does not spin."""
STOP_SECONDS = 15.0


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket every worker inherits."""
    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(info[0], socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(info[4])
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


class Supervisor:
    """Starts the workers, passes signals on to them and starts again any that dies."""

    def __init__(self, count: int, run_worker: Callable[[int], None]) -> None:
        self._count = count
        self._run_worker = run_worker
        self._workers: dict[int, int] = {}  # pid -> worker number
        self._stopping = False

    def run(self) -> int:
        """Serve until a signal, then wait for the workers; returns the exit status."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._pass_on)
        for number in range(self._count):
            self._start(number)
        deadline: float | None = None
        while self._workers:
            if self._stopping and deadline is None:
                deadline = time.monotonic() + STOP_SECONDS
            if deadline is not None and time.monotonic() > deadline:
                self._signal_all(signal.SIGKILL)
            self._reap()
        return 0

    def _start(self, number: int) -> None:
        pid = os.fork()
        if pid == 0:
            _die_with_parent()
            status = 1
            try:
                self._run_worker(number)
                status = 0
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(status)
        self._workers[pid] = number

    def _reap(self) -> None:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            self._workers.clear()
            return
        if pid == 0:
            time.sleep(0.1)
            return
        number = self._workers.pop(pid, None)
        if number is not None and not self._stopping:
            print(
                f"tonn-mock: worker {number} (pid {pid}) ended ({_describe(status)}); starting it again",
                file=sys.stderr,
                flush=True,
            )
            time.sleep(RESTART_PAUSE)
            self._start(number)

    def _pass_on(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True
        self._signal_all(signum)

    def _signal_all(self, signum: int) -> None:
        for pid in list(self._workers):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)


def worker_settings(settings: Settings, number: int) -> Settings:
    """The settings of worker ``number``: the first one keeps the house."""
    return dataclasses.replace(settings, housekeeper=number == 0)


def _die_with_parent() -> None:
    """Ask Linux to stop this worker (SIGTERM) when its supervisor dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit status {os.WEXITSTATUS(status)}"
