"""Test doubles for storage tests: streams that misbehave on purpose."""

from __future__ import annotations

from pathlib import Path

LIMIT = 1024 * 1024
"""``max_bytes`` of the stores built by the fixtures (tests needing more build their own)."""


class TrickleStream:
    """A blocking stream that hands out at most ``step`` bytes per read and counts what it gave.

    With ``fail_after`` it raises ``OSError`` once that many bytes were read, like a client
    that drops the connection mid-upload.
    """

    def __init__(self, data: bytes, step: int = 7_001, fail_after: int | None = None) -> None:
        self._data = data
        self._step = step
        self._fail_after = fail_after
        self.consumed = 0

    def read(self, size: int, /) -> bytes:
        if self._fail_after is not None and self.consumed >= self._fail_after:
            raise OSError("connection reset by peer")
        chunk = self._data[self.consumed : self.consumed + min(size, self._step)]
        self.consumed += len(chunk)
        return chunk


def files_under(root: Path) -> list[str]:
    """Every file below ``root`` (dot-files included) but the store's lock, relative and sorted."""
    files = (p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return sorted(name for name in files if name != ".lock")
