"""Signed upload URLs and the storage operations behind them."""

from __future__ import annotations

from typing import Any

from tonn_mock.backend import MockBackend
from tonn_mock.storage import UPLOADS_PREFIX, BlobInfo, ReadableStream, make_key


def create_upload_urls(
    backend: MockBackend, filename: str, content_type: str, base_url: str
) -> dict[str, Any]:
    """A PUT URL bound to ``content_type`` and a GET URL for the same new object."""
    key = make_key(UPLOADS_PREFIX, backend.seams.ids.uuid(), filename)
    ttl = backend.settings.upload_url_ttl
    return {
        "signed_url": backend.signer.sign("PUT", key, ttl, content_type, base_url),
        "readable_url": backend.signer.sign("GET", key, ttl, None, base_url),
        "error": False,
        "message": "",
        "info": "",
    }


def store_upload(
    backend: MockBackend, key: str, query: dict[str, str], content_type: str | None, body: ReadableStream
) -> BlobInfo:
    """Accept a PUT to a signed URL (raises a ``StorageError`` for a refused one)."""
    backend.signer.verify("PUT", key, query, content_type)
    return backend.blobs.put(key, body, content_type or "application/octet-stream")


def check_download(backend: MockBackend, key: str, query: dict[str, str]) -> None:
    backend.signer.verify("GET", key, query, None)
