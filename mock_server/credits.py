"""What each charged operation costs, and the per-key ledger (dossier §4).

Known prices: final master 220, mix analysis 10, separation 75 (reserved at creation, refunded
if the job fails), recombine 250 on the first successful retrieval. The others are charged by
the real service at an undocumented price; the figures marked [inferred] stand in for them.
"""

from __future__ import annotations

from .errors import InsufficientCredits
from .tasks.store import Store

COSTS: dict[str, int] = {
    "retrieveFinalMaster": 220,
    "createMixAnalysis": 10,
    "createSeparation": 75,
    "retrieveRecombine": 250,
    "retrieveFinalMix": 220,  # [inferred] priced like a final master
    "retrieveFXSettings": 10,  # [inferred] "charges may apply"
    "createMixEnhance": 220,  # [inferred]
    "createAudioCleanup": 50,  # [inferred]
}


class Ledger:
    """Per-key credit balances kept in the store; every key starts with ``initial`` credits."""

    def __init__(self, store: Store, initial: int, enabled: bool) -> None:
        self._store = store
        self._initial = initial
        self.enabled = enabled

    def balance(self, key: str) -> int:
        return self._store.balance(key, self._initial)

    def set_balance(self, key: str, credits: int) -> None:
        self._store.set_balance(key, credits)

    def charge(self, key: str, operation: str) -> int:
        """Debit the operation's cost or raise 402; returns the amount charged."""
        cost = COSTS.get(operation, 0)
        if not self.enabled or cost == 0:
            return 0
        charged, balance = self._store.charge(key, cost, self._initial)
        if not charged:
            raise InsufficientCredits(cost, balance)
        return cost

    def refund(self, key: str, amount: int) -> None:
        if self.enabled and amount:
            self._store.set_balance(key, self.balance(key) + amount)
