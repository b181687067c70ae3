"""Multitrack mixing (EVIDENCE §12.3-§12.5): an AI preview mix, then the full-length final mix."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.mixing import service
from tonn_mock.products.mixing.routes import blueprint

PRODUCT = Product(
    name="mixing",
    blueprint=blueprint,
    lifecycles=(service.MIX_PREVIEW,),
    webhook_payload=service.webhook_payload,
    work=service.work,
    restore_renders=service.restore_renders,
    prices={"retrieveFinalMix": 220, "retrieveFXSettings": 10},  # both [inferred] EVIDENCE §4
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
