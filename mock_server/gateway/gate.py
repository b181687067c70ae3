"""What happens to every public API request before its route runs, in the real service's order.

1. the API key (``?key=`` or ``X-API-Key``): missing → 401, not in the configured list → 400;
2. the per-key rate limit (100 requests a minute) → 429;
3. scripted faults for this operation (latency, a forced status);
4. a ``Prefer: code=<status>`` header asking for a documented answer (:mod:`.prefer`);
5. the JSON body: declared as another media type → 415; malformed, too deep, non-finite numbers or
   invalid against the operation's schema → 400 naming the problem or the field.

Only after all five does a route touch state, so refused requests change nothing.

The gate guards every route of every registered product. A product route that is not an
operation of the spec is refused when the app is built (:class:`UnspecifiedRoute`), so no route
can run without authentication, rate limit, faults or validation.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from flask import Flask, Request, Response, g, request

from tonn_mock.backend import MockBackend
from tonn_mock.backend.catalog import Catalog
from tonn_mock.core.errors import InvalidApiKey, MissingApiKey, RateLimited
from tonn_mock.gateway.prefer import install_prefer_warning, preferred_answer
from tonn_mock.gateway.request import backend
from tonn_mock.gateway.validation import RequestValidator


def spec_path(rule: str) -> str:
    """Flask's ``/separatestatus/<stemflowTaskId>`` → OpenAPI's ``/separatestatus/{stemflowTaskId}``."""
    return rule.replace("<", "{").replace(">", "}")


class UnspecifiedRoute(Exception):
    """A product route that the spec does not declare as an operation."""


def api_operations(app: Flask, catalog: Catalog) -> dict[tuple[str, str], str]:
    """``(method, spec path)`` → the endpoint of every route of the products' API blueprints."""
    guarded = {blueprint.name for blueprint in catalog.api_blueprints}
    routes = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.partition(".")[0] in guarded:
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                routes[(method.lower(), spec_path(rule.rule))] = rule.endpoint
    return routes


@dataclass(frozen=True, slots=True)
class GuardedRoute:
    """What the gate needs of one (route, method), worked out on its first request, not on every one."""

    method: str
    path: str
    operation: dict[str, Any]
    operation_id: str
    has_body: bool


def guarded_route(
    validator: RequestValidator, guarded: frozenset[str], endpoint: str, rule: str, method: str
) -> GuardedRoute | None:
    """The operation behind ``method`` on a route, or ``None`` for a route the gate lets through
    (not a product's, or ``OPTIONS``, which Flask answers with the Allow header, as a gateway would)."""
    if endpoint.rpartition(".")[0] not in guarded or method == "OPTIONS":
        return None
    method = "get" if method == "HEAD" else method.lower()  # HEAD is GET without a body, behind the same gate
    path = spec_path(rule)
    operation = validator.operations[(method, path)]
    return GuardedRoute(method, path, operation, operation["operationId"], validator.has_body(method, path))


def install_gate(app: Flask, validator: RequestValidator, catalog: Catalog) -> None:
    """Guard every product route; refuse to build an app with a route the spec lacks."""
    unspecified = sorted(set(api_operations(app, catalog)) - set(validator.operations))
    if unspecified:
        listed = ", ".join(f"{method.upper()} {path}" for method, path in unspecified)
        raise UnspecifiedRoute(f"routes missing from the OpenAPI document: {listed}")
    guarded = frozenset(blueprint.name for blueprint in catalog.api_blueprints)
    spec = app.extensions["tonn_mock.spec"]
    routes: dict[tuple[str, str, str], GuardedRoute | None] = {}
    install_prefer_warning(app)

    @app.before_request
    def gate() -> Response | None:
        current = request._get_current_object()  # type: ignore[attr-defined]
        rule = current.url_rule
        if rule is None:
            return None
        key = (rule.endpoint, rule.rule, current.method)
        if key not in routes:
            routes[key] = guarded_route(validator, guarded, *key)
        route = routes[key]
        if route is None:
            return None
        context = g._get_current_object()
        context.operation_id = route.operation_id
        mock = backend()
        context.api_key = given = authenticate(current, mock)
        enforce_rate_limit(given, mock)
        apply_faults(route.operation_id, route.path, mock)
        preferred = preferred_answer(route.operation, spec)
        if preferred is not None:
            return preferred
        if route.has_body:
            raw = current.get_data(cache=True)
            context.body = validator.validate_body(route.method, route.path, raw, current.mimetype)
        return None


def authenticate(current: Request, mock: MockBackend) -> str:
    # ``?key=`` wins over the header, in the order Cloud Endpoints reads them (EVIDENCE §2); an
    # empty query string has no arguments worth parsing
    key = current.args.get("key") if current.query_string else None
    key = key or current.headers.get("X-API-Key") or ""
    if not key.strip():
        raise MissingApiKey()
    allowed = mock.settings.api_keys
    if allowed and key not in allowed:
        raise InvalidApiKey()
    return key


def enforce_rate_limit(key: str, mock: MockBackend) -> None:
    if not mock.settings.rate_limit_enabled:
        return
    limit = mock.settings.rate_limit_per_minute
    if mock.store.count_request(key, mock.clock.now(), 60.0) > limit:
        raise RateLimited(limit)


def apply_faults(operation_id: str, path: str, mock: MockBackend) -> None:
    latency, failure = mock.faults.consult(operation_id, path)
    if latency:
        time.sleep(latency)  # a delay the user scripted: the one place the mock sleeps
    if failure is not None:
        raise failure
