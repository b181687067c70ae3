"""Post-production (EVIDENCE §12.21-§12.22): the dialogue-enhancement preview."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.postprod import service
from tonn_mock.products.postprod.routes import blueprint

PRODUCT = Product(
    name="postprod",
    blueprint=blueprint,
    lifecycles=(service.POSTPROD,),
    webhook_payload=service.webhook_payload,
    work=service.work,
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
