"""Mix analysis (EVIDENCE §12.9): a synchronous report on loudness, dynamics, image and tone."""

from tonn_mock.backend.catalog import Product
from tonn_mock.products.analysis import service
from tonn_mock.products.analysis.routes import blueprint

PRODUCT = Product(
    name="analysis",
    blueprint=blueprint,
    prices={"createMixAnalysis": 10},
    input_rules=service.INPUT_RULES,
)

__all__ = ["PRODUCT", "blueprint", "service"]
