"""Recombine (EVIDENCE §12.17-§12.20): a vocal and a backing track, mixed and mastered."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.recombine import service
from tonn_mock.products.recombine.routes import blueprint

PRODUCT = Product(
    name="recombine",
    blueprint=blueprint,
    lifecycles=(service.RECOMBINE,),
    webhook_payload=service.webhook_payload,
    work=service.work,
    restore_renders=service.restore_renders,
    prices={"retrieveRecombine": 250},
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
