"""``POST /upload``: a signed PUT URL to upload to and a signed GET URL to give Tonn."""

from __future__ import annotations

from flask import Blueprint

from tonn_mock.gateway.request import backend, base_url, payload
from tonn_mock.products.upload import service

blueprint = Blueprint("upload", __name__)


@blueprint.post("/upload")
def create_upload_url() -> dict[str, object]:
    body = payload()
    return service.create_upload_urls(backend(), body["filename"], body["contentType"], base_url())
