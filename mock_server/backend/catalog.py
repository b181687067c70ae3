"""The products a mock serves, each declared once, and the lookups everything else reads.

A product package (``tonn_mock/products/<name>/``) registers itself with one :class:`Product`
in its ``__init__.py``. The app mounts its blueprint behind the gate, the task service finds its
lifecycles, webhook notification finds its payload builder and the credit ledger its prices,
all through the :class:`Catalog` built from those declarations. No other list names products.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flask import Blueprint

from tonn_mock.audio.rules import InputRules
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task

if TYPE_CHECKING:
    from tonn_mock.backend.instance import MockBackend

WebhookPayload = Callable[["MockBackend", Task], dict[str, Any]]
"""The JSON body POSTed to a task's ``webhookURL`` for the task's current state."""
TaskWork = Callable[["MockBackend", Task], Mapping[str, Any]]
"""What completes a task: check its inputs, register its result files, return its results."""
TaskHook = Callable[["MockBackend", Task], None]
RecipeHook = Callable[["MockBackend", str, Mapping[str, Any]], object]
"""Registers again the renders of a result that is not a task's, from the recipe kept for it."""


@dataclass(frozen=True)
class Product:
    """One product of the Tonn API, as its package declares it.

    ``blueprint`` holds its public routes: every one must be an operation of the spec, and the
    gate (key, rate limit, faults, validation) runs before each. ``lifecycles`` are the state
    machines of its tasks; ``webhook_payload`` builds the body of their webhooks (``None``: the
    product sends none). ``work`` completes a task from its stored record; ``on_transition`` is
    a product's own side effect of a state change (a refund); ``restore_renders`` registers again
    the result files of a finished task that another process (or an earlier run) finished (the
    default runs ``work`` again); ``restore_recipe`` does the same for a result that is no task's
    (a synchronous answer) from the recipe it kept. ``prices`` are credits per operationId;
    ``input_rules`` what Tonn accepts as its input audio.
    """

    name: str
    blueprint: Blueprint
    lifecycles: tuple[Lifecycle, ...] = ()
    webhook_payload: WebhookPayload | None = None
    work: TaskWork | None = None
    on_transition: TaskHook | None = None
    restore_renders: TaskHook | None = None
    restore_recipe: RecipeHook | None = None
    prices: Mapping[str, int] = field(default_factory=dict)
    input_rules: InputRules | None = None
    outside_api: tuple[Blueprint, ...] = ()
    """Routes that are not Tonn operations (the storage bucket): they check their own signatures."""


class DuplicateRegistration(Exception):
    """Two products declared the same name, lifecycle or price."""


class Catalog:
    """The registered products, indexed for the app, the task service, webhooks and credits."""

    def __init__(self, products: Iterable[Product]) -> None:
        self.products: tuple[Product, ...] = tuple(products)
        _refuse_duplicates("product", [p.name for p in self.products])
        _refuse_duplicates("lifecycle", [lc.name for p in self.products for lc in p.lifecycles])
        _refuse_duplicates("price of", [op for p in self.products for op in p.prices])
        self.lifecycles: dict[str, Lifecycle] = {lc.name: lc for p in self.products for lc in p.lifecycles}
        self.prices: dict[str, int] = {op: cost for p in self.products for op, cost in p.prices.items()}
        self._by_lifecycle: dict[str, Product] = {lc.name: p for p in self.products for lc in p.lifecycles}

    @property
    def api_blueprints(self) -> tuple[Blueprint, ...]:
        """The blueprints of Tonn operations: each route is in the spec and behind the gate."""
        return tuple(p.blueprint for p in self.products)

    @property
    def outside_api_blueprints(self) -> tuple[Blueprint, ...]:
        return tuple(bp for p in self.products for bp in p.outside_api)

    def product(self, name: str) -> Product:
        for product in self.products:
            if product.name == name:
                return product
        raise KeyError(f"no product {name!r}; registered: {', '.join(p.name for p in self.products)}")

    def webhook_payload(self, backend: MockBackend, task: Task) -> dict[str, Any] | None:
        """The webhook body for ``task`` now, or ``None`` if its product sends no webhooks."""
        build = self._by_lifecycle[task.lifecycle].webhook_payload
        return build(backend, task) if build else None

    def work(self, backend: MockBackend, task: Task) -> Mapping[str, Any]:
        """Complete ``task``: its product's work (no work: no results)."""
        work = self._by_lifecycle[task.lifecycle].work
        return work(backend, task) if work else {}

    def on_transition(self, backend: MockBackend, task: Task) -> None:
        hook = self._by_lifecycle[task.lifecycle].on_transition
        if hook is not None:
            hook(backend, task)

    def restore_recipe(self, backend: MockBackend, result_id: str, recipe: Mapping[str, Any]) -> None:
        """Register the renders of a result kept as a recipe (not a task's), in this process."""
        restore = self.product(recipe["product"]).restore_recipe
        if restore is not None:
            restore(backend, result_id, recipe["data"])

    def restore_renders(self, backend: MockBackend, task: Task) -> None:
        """Register the result files of a finished ``task`` again, in this process."""
        product = self._by_lifecycle[task.lifecycle]
        if product.restore_renders is not None:
            product.restore_renders(backend, task)
        elif product.work is not None:
            product.work(backend, task)


def _refuse_duplicates(what: str, names: list[str]) -> None:
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise DuplicateRegistration(f"{what} declared twice: {', '.join(repeated)}")
