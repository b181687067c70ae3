"""The per-key credit ledger (EVIDENCE §4).

Prices are declared by each product with its registration (``prices`` of
:class:`~tonn_mock.backend.catalog.Product`) and reach the ledger through the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping

from tonn_mock.core.errors import InsufficientCredits
from tonn_mock.tasks.store import Store


class Ledger:
    """Per-key credit balances kept in the store; every key starts with ``initial`` credits."""

    def __init__(self, store: Store, prices: Mapping[str, int], initial: int, enabled: bool) -> None:
        self._store = store
        self.prices = dict(prices)
        self._initial = initial
        self.enabled = enabled
        self._written: dict[str, None] = {}  # keys whose balance the store holds (set or charged)

    @property
    def initial(self) -> int:
        """The balance a key starts with."""
        return self._initial

    def balance(self, key: str) -> int:
        return self._store.balance(key, self._initial)

    def set_balance(self, key: str, credits: int) -> None:
        self._written[key] = None
        self._store.set_balance(key, credits)

    def set_every_balance(self, credits: int) -> None:
        """Every key's balance, and the starting balance of keys not seen yet."""
        self._initial = credits
        for key in list(self._written):
            self._store.set_balance(key, credits)

    def charge(self, key: str, operation: str) -> int:
        """Debit the operation's cost or raise 402; returns the amount charged."""
        cost = self.prices.get(operation, 0)
        if not self.enabled or cost == 0:
            return 0
        self._written[key] = None
        charged, balance = self._store.charge(key, cost, self._initial)
        if not charged:
            raise InsufficientCredits(cost, balance)
        return cost

    def refund(self, key: str, amount: int) -> None:
        """Give ``amount`` back, in one step of the store (a charge racing it is never lost)."""
        if self.enabled and amount:
            self._written[key] = None
            self._store.credit(key, amount, self._initial)
