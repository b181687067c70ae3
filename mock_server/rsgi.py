"""The mock's Flask app served by granian through RSGI, granian's interface for Rust-side I/O.

granian reads requests and writes answers on its own Rust threads; this bridge hands each request
to the WSGI app once it has fully arrived and gives the answer back whole, so Python only ever runs
the app. That is what lets ``--workers`` use every core, and it keeps the guarantees waitress gives
a single process (:mod:`tonn_mock.server`):

* slow senders hold no thread: the body is received on the event loop before the app runs
  (kept in memory up to 1 MiB, in a temporary file past that, never beyond ``max_body``);
* slow readers hold no thread: an answer is handed over as bytes, and a stored file (the app's
  ``wsgi.file_wrapper``) as its path, which granian streams from disk at the client's pace;
* requests that may take long (``runs_long(path)``, :mod:`tonn_mock.gateway.lanes`: file
  transfers, first-download renders, control calls, calls a scripted fault delays) run on a pool
  of ``threads``; the others, short and CPU-bound, run on the event loop's thread, which saves a
  thread hand-off per request.
"""

from __future__ import annotations

import asyncio
import io
import logging
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any
from urllib.parse import unquote_to_bytes

log = logging.getLogger("tonn_mock")

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
SPOOL_BYTES = 1024 * 1024
"""Bodies up to this size stay in memory; larger ones go to a temporary file as they arrive."""
FILE_BLOCK = 64 * 1024
DROP_BYTES = 1024 * 1024 * 1024
"""Of a body too large, at most this much past the limit is read (and dropped), as waitress
reads at most 1 GiB of a request."""


class StoredFile:
    """The ``wsgi.file_wrapper``: marks an answer that is an open file, to be sent by its path."""

    def __init__(self, file: IO[bytes], block_size: int = FILE_BLOCK) -> None:
        self.file = file
        self.block_size = block_size

    def __iter__(self) -> Any:
        return iter(lambda: self.file.read(self.block_size), b"")

    def close(self) -> None:
        self.file.close()

    def path(self) -> str | None:
        name = getattr(self.file, "name", None)
        return name if isinstance(name, str) else None


class Answer:
    """What the app answered: status, headers and a body (bytes, or a file to send by path)."""

    __slots__ = ("body", "file", "headers", "status")

    def __init__(self) -> None:
        self.status = 500
        self.headers: list[tuple[str, str]] = []
        self.body = b""
        self.file: str | None = None

    def start_response(self, status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        self.status = int(status[:3])
        self.headers = headers


class WsgiOnRsgi:
    """An RSGI application running ``app``; ``on_start``/``on_stop`` run when a worker starts
    serving and after it has stopped (granian's ``__rsgi_init__`` and ``__rsgi_del__``)."""

    def __init__(
        self,
        app: WsgiApp,
        *,
        max_body: int,
        threads: int,
        runs_long: Callable[[str], bool],
        on_start: Callable[[], None] = lambda: None,
        on_stop: Callable[[], None] = lambda: None,
    ) -> None:
        self._app = app
        self._max_body = max_body
        self._threads = threads
        self._runs_long = runs_long
        self._on_start, self._on_stop = on_start, on_stop
        self._pool: ThreadPoolExecutor | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def __rsgi_init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="tonn-mock-long")
        self._on_start()

    def __rsgi_del__(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)  # long requests still running finish first
        self._on_stop()

    async def __call__(self, scope: Any, protocol: Any) -> None:
        """Answer one request (an RSGI application is an async callable of scope and protocol)."""
        environ = await self._environ(scope, protocol)
        if self._runs_long(environ["PATH_INFO"]) and self._loop is not None:
            answer = await self._loop.run_in_executor(self._pool, self.call, environ)
        else:
            answer = self.call(environ)
        if answer.file is not None:
            protocol.response_file(answer.status, answer.headers, answer.file)
        else:
            protocol.response_bytes(answer.status, answer.headers, answer.body)

    def call(self, environ: dict[str, Any]) -> Answer:
        """Run the app on ``environ``; its answer, read whole (a stored file is left to send by path)."""
        answer = Answer()
        try:
            chunks = self._app(environ, answer.start_response)
            try:
                if isinstance(chunks, StoredFile) and (path := chunks.path()) is not None:
                    answer.file = path
                else:
                    answer.body = b"".join(chunks)
            finally:
                close = getattr(chunks, "close", None)
                if close is not None:
                    close()
        except Exception:  # the app answers its own errors, so this is a bug: logged, answered 500
            log.exception("%s %s: the app raised", environ["REQUEST_METHOD"], environ["PATH_INFO"])
            answer.status, answer.headers = 500, [("Content-Type", "application/json")]
            answer.body = b'{"error":true,"message":"Internal server error","info":"","code":500}\n'
        return answer

    async def _environ(self, scope: Any, protocol: Any) -> dict[str, Any]:
        server, _, server_port = scope.server.rpartition(":")
        client, _, client_port = scope.client.rpartition(":")
        environ: dict[str, Any] = {
            "REQUEST_METHOD": scope.method,
            "SCRIPT_NAME": "",
            "PATH_INFO": unquote_to_bytes(scope.path).decode("latin-1"),
            "QUERY_STRING": scope.query_string,
            "SERVER_NAME": server,
            "SERVER_PORT": server_port,
            "REMOTE_ADDR": client,
            "REMOTE_PORT": client_port,
            "SERVER_PROTOCOL": f"HTTP/{scope.http_version}",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": scope.scheme,
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.input_terminated": True,
            "wsgi.file_wrapper": StoredFile,
        }
        for name, value in scope.headers.items():
            key = _CGI_NAMES.get(name) or "HTTP_" + name.upper().replace("-", "_")
            environ[key] = f"{environ[key]},{value}" if key in environ else value
        environ["wsgi.input"] = await self._body(environ, protocol)
        return environ

    async def _body(self, environ: dict[str, Any], protocol: Any) -> IO[bytes]:
        """The request body, received in full without a thread. A chunked body is handed over as
        waitress does, no longer chunked, with the ``Content-Length`` received. The app refuses a
        body larger than ``max_body`` from that length: one declared so is not kept, of one sent
        in chunks one byte past the limit is kept; the rest is read and dropped, so that a client
        still sending gets the answer."""
        declared = environ.get("CONTENT_LENGTH", "")
        chunked = "chunked" in environ.pop("HTTP_TRANSFER_ENCODING", "").lower()
        if not chunked and (not declared.isdigit() or int(declared) == 0):
            return io.BytesIO()
        if not chunked and int(declared) <= SPOOL_BYTES:
            return io.BytesIO(await protocol())
        body = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (the request owns it)
        room = self._max_body + 1 if chunked or int(declared) <= self._max_body else 0
        dropped = 0
        async for chunk in protocol:
            if room > 0:
                body.write(chunk[:room])
            room -= len(chunk)
            dropped += max(0, min(len(chunk), -room))
            if dropped > DROP_BYTES:
                break  # the connection is closed without reading the rest
        if chunked:
            environ["CONTENT_LENGTH"] = str(body.tell())
        body.seek(0)
        return body


_CGI_NAMES = {"content-type": "CONTENT_TYPE", "content-length": "CONTENT_LENGTH"}
