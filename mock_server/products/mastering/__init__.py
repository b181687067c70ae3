"""Mastering (EVIDENCE §12.6-§12.8): a 30-second preview, then the full-length master."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.mastering import service
from tonn_mock.products.mastering.routes import blueprint

PRODUCT = Product(
    name="mastering",
    blueprint=blueprint,
    lifecycles=(service.MASTERING,),
    webhook_payload=service.webhook_payload,
    work=service.work,
    prices={"retrieveFinalMaster": 220},
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
