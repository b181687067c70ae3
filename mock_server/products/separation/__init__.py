"""Stem separation, "StemFlow" (EVIDENCE §12.14-§12.16): four or two stems of a mix, 75 credits."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.separation import service
from tonn_mock.products.separation.routes import blueprint

PRODUCT = Product(
    name="separation",
    blueprint=blueprint,
    lifecycles=(service.SEPARATION,),
    webhook_payload=service.webhook_payload,
    work=service.work,
    on_transition=service.refund_on_failure,
    prices={"createSeparation": 75},
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
