"""Uploads (EVIDENCE §5): ``POST /upload`` and the simulated storage bucket behind its URLs."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.upload import bucket, service
from tonn_mock.products.upload.routes import blueprint

PRODUCT = Product(name="upload", blueprint=blueprint, outside_api=(bucket.blueprint,))

__all__ = ["PRODUCT", "blueprint", "service"]
