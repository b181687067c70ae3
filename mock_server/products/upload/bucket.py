"""``PUT``/``GET /_storage/<key>``: the simulated storage bucket behind the signed URLs.

Not a Tonn API operation: like the real bucket, it checks each URL's signature and expiry instead
of an API key, and answers in the bucket's XML error format.
"""

from __future__ import annotations

from flask import Blueprint, Response, request
from werkzeug.wsgi import wrap_file

from tonn_mock.gateway.request import backend
from tonn_mock.products.upload import service
from tonn_mock.storage import STORAGE_PREFIX, BlobTooLarge, StorageError, render_xml, single_valued

blueprint = Blueprint("storage", __name__)


@blueprint.put(f"{STORAGE_PREFIX}/<path:key>")
def put_object(key: str) -> Response:
    limit = backend().blobs.max_bytes
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        raise BlobTooLarge(limit, request.content_length)
    query = single_valued(request.args.items(multi=True))
    service.store_upload(backend(), key, query, request.content_type, request.stream)
    return Response(status=200)


@blueprint.get(f"{STORAGE_PREFIX}/<path:key>")
def get_object(key: str) -> Response:
    service.check_download(backend(), key, single_valued(request.args.items(multi=True)))
    backend().results.ensure(key)
    opened = backend().blobs.open(key)
    # the server's file wrapper: waitress then streams the file from its I/O loop at the client's
    # pace, so a client that reads slowly (or not at all) holds no worker thread
    return Response(
        wrap_file(request.environ, opened.stream),
        mimetype=opened.info.content_type,
        headers={"Content-Length": str(opened.info.size)},
        direct_passthrough=True,
    )


@blueprint.errorhandler(StorageError)
def storage_error(error: StorageError) -> Response:
    return Response(render_xml(error), status=error.status, mimetype="application/xml")
