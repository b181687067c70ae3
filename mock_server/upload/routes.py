"""``POST /upload`` and ``PUT``/``GET /_storage/<key>`` (the simulated GCS bucket)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from ..http import backend, base_url, payload
from ..storage import STORAGE_PREFIX, BlobTooLarge, StorageError, render_xml
from . import service

blueprint = Blueprint("upload", __name__)
storage_blueprint = Blueprint("storage", __name__)


@blueprint.post("/upload")
def create_upload_url() -> dict[str, object]:
    body = payload()
    return service.create_upload_urls(backend(), body["filename"], body["contentType"], base_url())


@storage_blueprint.put(f"{STORAGE_PREFIX}/<path:key>")
def put_object(key: str) -> Response:
    limit = backend().blobs.max_bytes
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        raise BlobTooLarge(limit, request.content_length)
    service.store_upload(backend(), key, request.args.to_dict(), request.content_type, request.stream)
    return Response(status=200)


@storage_blueprint.get(f"{STORAGE_PREFIX}/<path:key>")
def get_object(key: str) -> Response:
    service.check_download(backend(), key, request.args.to_dict())
    backend().results.ensure(key)
    opened = backend().blobs.open(key)
    return Response(
        opened.stream,
        mimetype=opened.info.content_type,
        headers={"Content-Length": str(opened.info.size)},
        direct_passthrough=True,
    )


@storage_blueprint.errorhandler(StorageError)
def storage_error(error: StorageError) -> Response:
    return Response(render_xml(error), status=error.status, mimetype="application/xml")
