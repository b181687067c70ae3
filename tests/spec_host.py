"""A stand-in for the live document's host, and copies of the spec layers to pull into.

The host is a real ``ThreadingHTTPServer`` on 127.0.0.1 (no network beyond loopback) serving
whatever a test sets: by default edited copies of our committed base layer, which plays the
official document. Pulls always write into ``tmp_path`` copies of ``openapi/``.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tonn_openapi import SPEC_PATH
from tonn_openapi.layers import BASE_NAME, DOCUMENT_NAME, OVERLAY_NAME, SpecFiles

Doc = dict[str, Any]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    content_type: str = "application/json"


class _SpecServer(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.reply = Reply()


class _Handler(BaseHTTPRequestHandler):
    server: _SpecServer

    def do_GET(self) -> None:
        reply = self.server.reply
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: request logs on stderr would only clutter test output."""


class SpecHost:
    """The test's handle on the local server: what it answers, and at which URL."""

    def __init__(self, server: _SpecServer) -> None:
        self._server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}/openapi.json"

    def serves(self, doc: Doc) -> None:
        """Serve ``doc`` compact and unsorted, as a live server might, not in our canonical form."""
        self.answers(200, json.dumps(doc).encode())

    def answers(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self._server.reply = Reply(status, body, content_type)


@contextlib.contextmanager
def serving() -> Iterator[SpecHost]:
    """A running host for the ``with`` block (tests wrap it in a ``host`` fixture)."""
    server = _SpecServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SpecHost(server)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def closed_port_url() -> str:
    """A loopback URL nobody listens on: the port was free a moment ago and is closed now."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/openapi.json"


def base_doc() -> Doc:
    """A fresh copy of the committed base layer: what the official document is taken to be."""
    doc: Doc = json.loads(SPEC_PATH.with_name(BASE_NAME).read_text(encoding="utf-8"))
    return doc


def copy_layers(tmp_path: Path) -> SpecFiles:
    """Copies of the committed base, overlay and document for a pull to compare and update."""
    folder = tmp_path / "openapi"
    folder.mkdir()
    for name in (BASE_NAME, OVERLAY_NAME, DOCUMENT_NAME):
        shutil.copyfile(SPEC_PATH.with_name(name), folder / name)
    return SpecFiles(folder)


def snapshot(files: SpecFiles) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (files.base, files.overlay, files.document)}
