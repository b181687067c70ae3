"""The per-key credit ledger (EVIDENCE §4).

Prices are declared by each product with its registration (``prices`` of
:class:`~tonn_mock.backend.catalog.Product`) and reach the ledger through the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping

from tonn_mock.core.errors import InsufficientCredits
from tonn_mock.tasks.store import Store

STARTING_BALANCE = "starting_balance"
"""The run-time setting a control-API ``set_credits`` without a key changes."""


class Ledger:
    """Per-key credit balances kept in the store; a key starts with the starting balance (given at
    start-up, changed by ``set_every_balance``), which the store keeps too, so every process
    sharing it agrees."""

    def __init__(self, store: Store, prices: Mapping[str, int], initial: int, enabled: bool) -> None:
        self._store = store
        self.prices = dict(prices)
        self._initial = initial
        self.enabled = enabled

    @property
    def initial(self) -> int:
        """The balance a key starts with."""
        changed = self._store.setting(STARTING_BALANCE)
        return self._initial if changed is None else int(changed)

    def balance(self, key: str) -> int:
        return self._store.balance(key, self.initial)

    def set_balance(self, key: str, credits: int) -> None:
        self._store.set_balance(key, credits)

    def set_every_balance(self, credits: int) -> None:
        """Every key's balance, and the starting balance of keys not seen yet."""
        with self._store.atomic():
            self._store.update_setting(STARTING_BALANCE, lambda _: credits)
            self._store.set_every_balance(credits)

    def charge(self, key: str, operation: str) -> int:
        """Debit the operation's cost or raise 402; returns the amount charged."""
        cost = self.prices.get(operation, 0)
        if not self.enabled or cost == 0:
            return 0
        charged, balance = self._store.charge(key, cost, self.initial)
        if not charged:
            raise InsufficientCredits(cost, balance)
        return cost

    def refund(self, key: str, amount: int) -> None:
        """Give ``amount`` back, in one step of the store (a charge racing it is never lost)."""
        if self.enabled and amount:
            self._store.credit(key, amount, self.initial)
