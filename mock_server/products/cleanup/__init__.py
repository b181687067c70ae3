"""Audio clean-up (EVIDENCE §12.13): noise and bleed removal from one instrument track, synchronous."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.cleanup import service
from tonn_mock.products.cleanup.routes import blueprint

PRODUCT = Product(
    name="cleanup",
    blueprint=blueprint,
    restore_recipe=service.defer_cleaned,
    prices={"createAudioCleanup": 50},  # [inferred] EVIDENCE §4
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
