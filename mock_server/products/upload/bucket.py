"""``PUT``/``GET /_storage/<key>``: the simulated storage bucket behind the signed URLs.

Not a Tonn API operation: like the real bucket, it checks each URL's signature and expiry instead
of an API key, and answers in the bucket's XML error format.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from tonn_mock.gateway.request import backend
from tonn_mock.products.upload import service
from tonn_mock.storage import STORAGE_PREFIX, BlobTooLarge, StorageError, render_xml

blueprint = Blueprint("storage", __name__)


@blueprint.put(f"{STORAGE_PREFIX}/<path:key>")
def put_object(key: str) -> Response:
    limit = backend().blobs.max_bytes
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        raise BlobTooLarge(limit, request.content_length)
    service.store_upload(backend(), key, request.args.to_dict(), request.content_type, request.stream)
    return Response(status=200)


@blueprint.get(f"{STORAGE_PREFIX}/<path:key>")
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


@blueprint.errorhandler(StorageError)
def storage_error(error: StorageError) -> Response:
    return Response(render_xml(error), status=error.status, mimetype="application/xml")
