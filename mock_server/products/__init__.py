"""The products of the Tonn API, one package each: add a product by adding a package here.

A product package has a ``routes.py`` (thin Flask routes), a ``service.py`` (what the product
does, on the backend) and, in its ``__init__.py``, one :class:`~tonn_mock.backend.Product`
named ``PRODUCT``. :func:`catalog` finds every package that declares one; nothing else lists
products. ``bodies`` holds response pieces several products share.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from flask import Flask

from tonn_mock.backend.catalog import Catalog, Product
from tonn_mock.gateway.gate import api_operations


@functools.cache
def catalog() -> Catalog:
    """Every product registered under this package, in name order."""
    return Catalog(sorted(_declared_products(), key=lambda product: product.name))


def _declared_products() -> list[Product]:
    products = []
    for module in pkgutil.iter_modules(__path__, f"{__name__}."):
        if module.ispkg:
            declared = getattr(importlib.import_module(module.name), "PRODUCT", None)
            if isinstance(declared, Product):
                products.append(declared)
    return products


def implemented_operations() -> set[tuple[str, str]]:
    """``(method, spec path)`` of every route the products serve, read from their blueprints alone.

    No spec is involved, so this answers even for a document the app would refuse to start with
    (the pull's coverage report compares it with a newly pulled document).
    """
    products = catalog()
    app = Flask("tonn_mock.routes")
    for blueprint in products.api_blueprints:
        app.register_blueprint(blueprint)
    return set(api_operations(app, products))
