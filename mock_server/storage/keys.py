"""Object keys: how the mock names blobs, and the one check every key passes before any I/O.

Keys double as relative paths under a :class:`~tonn_mock.storage.blobs.DirectoryBlobStore`
root and as the path of ``/_storage/<key>`` URLs, so they are held to a deliberately small
alphabet: ``/``-separated segments of ``[A-Za-z0-9._-]``, no segment starting with a dot, no
``..`` anywhere. Real GCS accepts almost any UTF-8 name; the mock only ever generates keys
shaped ``uploads/<uuid>/<sanitised filename>`` and ``results/<task id>/<name>``, so refusing
everything else costs nothing and closes every traversal trick (``..``, absolute paths,
backslashes, NUL, percent-encoded dots left undecoded).
"""

from __future__ import annotations

import re
import unicodedata

from tonn_mock.storage.errors import UnsafeKey

UPLOADS_PREFIX = "uploads"
"""First segment of keys for files clients upload through ``/upload``."""

RESULTS_PREFIX = "results"
"""First segment of keys for files the mock produces (previews, masters, stems)."""

MAX_KEY_BYTES = 1024
"""GCS's own limit on object names (UTF-8 bytes)."""

MAX_SEGMENT_LENGTH = 200
"""Leaves room under the usual 255-byte NAME_MAX for the store's dot-prefixed sidecar names."""

MAX_FILENAME_LENGTH = 128
"""Cap applied by :func:`sanitise_filename`; long names are cut before the extension."""

_MAX_EXTENSION_LENGTH = 16
_SEGMENT = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")
_DOT_RUN = re.compile(r"\.{2,}")
_DRIVE = re.compile(r"[A-Za-z]:")


def _refusal(key: str) -> str | None:
    """Say why ``key`` is unsafe, or ``None`` when it is fine (checks ordered by severity)."""
    if not key:
        return "empty key"
    if "\x00" in key:
        return "contains NUL"
    if "\\" in key:
        return "contains a backslash"
    if key.startswith("/") or _DRIVE.match(key):
        return "absolute path"
    if ".." in key:
        return "contains '..'"
    if len(key.encode("utf-8")) > MAX_KEY_BYTES:
        return f"longer than {MAX_KEY_BYTES} bytes"
    for segment in key.split("/"):
        if not _SEGMENT.fullmatch(segment) or len(segment) > MAX_SEGMENT_LENGTH:
            return f"segment {segment!r} is not [A-Za-z0-9._-]+ without a leading dot"
    return None


def check_key(key: str) -> str:
    """Return ``key`` unchanged if it is safe, else raise :class:`UnsafeKey`.

    Decoding (``%2e%2e`` → ``..``) is the route's job; an undecoded ``%`` is refused here
    anyway, so a route that forgets to decode still cannot be tricked.
    """
    if not isinstance(key, str):
        raise UnsafeKey(repr(key), "not a string")
    reason = _refusal(key)
    if reason is not None:
        raise UnsafeKey(key, reason)
    return key


def _ascii_fold(name: str) -> str:
    """Fold accents away (``café`` → ``cafe``) so they do not all become underscores."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _cap_length(name: str) -> str:
    """Cut ``name`` to :data:`MAX_FILENAME_LENGTH`, keeping a short extension intact."""
    if len(name) <= MAX_FILENAME_LENGTH:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > _MAX_EXTENSION_LENGTH:
        return name[:MAX_FILENAME_LENGTH].rstrip(".")
    stem = stem[: MAX_FILENAME_LENGTH - len(extension) - 1].rstrip(".")
    return f"{stem or 'file'}.{extension}"


def sanitise_filename(filename: str) -> str:
    """Turn a client-supplied filename into one safe key segment; never empty.

    Directories are stripped (``/`` and ``\\`` both count), accents folded, every run of
    characters outside ``[A-Za-z0-9._-]`` collapsed to ``_``, runs of dots collapsed to one,
    leading dots removed and the length capped. Tonn itself rejects "special characters"; the
    mock is lenient on input but strict about what reaches the disk.
    """
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_RUN.sub("_", _ascii_fold(base))
    name = _DOT_RUN.sub(".", name).lstrip(".")
    return _cap_length(name) or "file"


def _check_segment(value: str, what: str) -> str:
    """Refuse a prefix or id that is not exactly one safe segment."""
    if not _SEGMENT.fullmatch(value) or ".." in value or len(value) > MAX_SEGMENT_LENGTH:
        raise UnsafeKey(value, f"{what} must be one [A-Za-z0-9._-] segment")
    return value


def make_key(prefix: str, id: str, filename: str) -> str:
    """Build ``<prefix>/<id>/<sanitised filename>``, e.g. ``uploads/<uuid>/My_Song.wav``.

    ``prefix`` and ``id`` come from the mock itself (``uploads``/``results``, generated ids)
    and must already be safe; only ``filename`` comes from clients and is sanitised.
    """
    key = f"{_check_segment(prefix, 'prefix')}/{_check_segment(id, 'id')}/"
    return check_key(key + sanitise_filename(filename))
