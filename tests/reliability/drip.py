"""A webhook receiver that answers one byte at a time: every read of its answer comes well within
any per-read timeout, so only a deadline on the whole attempt ends it."""

from __future__ import annotations

import socket
import threading

ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"


class DripReceiver:
    """Listens on 127.0.0.1:<free port>; each connection gets :data:`ANSWER`, a byte every ``interval`` s."""

    def __init__(self, interval: float = 0.1) -> None:
        self._interval = interval
        self._closed = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/hook"
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)
            for byte in ANSWER:
                if self._closed.wait(self._interval):
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return  # the sender gave up: that is the point

    def close(self) -> None:
        self._closed.set()
        self._thread.join(timeout=2)
        self._listener.close()
