"""One mock instance with no HTTP in it: :class:`MockBackend` and the parts it owns.

``instance`` builds the backend from settings, seams and the product :mod:`catalog`; ``credits``
is the per-key ledger, ``faults`` the scripted failures, ``inputs`` where task audio comes from,
``journal`` the requests answered.
"""

from tonn_mock.backend.catalog import Catalog, Product
from tonn_mock.backend.instance import MockBackend, Seams

__all__ = ["Catalog", "MockBackend", "Product", "Seams"]
