"""Mix enhance, a.k.a. mix revive (EVIDENCE §12.10-§12.12): preview and full tasks, one retrieve."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.enhance import service
from tonn_mock.products.enhance.routes import blueprint

PRODUCT = Product(
    name="enhance",
    blueprint=blueprint,
    lifecycles=(service.ENHANCE_PREVIEW, service.ENHANCE_FULL),
    webhook_payload=service.webhook_payload,
    work=service.work,
    prices={"createMixEnhance": 220},  # [inferred] EVIDENCE §4
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
