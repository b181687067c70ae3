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

from flask import Flask, Response, g, request

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


def install_gate(app: Flask, validator: RequestValidator, catalog: Catalog) -> None:
    """Guard every product route; refuse to build an app with a route the spec lacks."""
    unspecified = sorted(set(api_operations(app, catalog)) - set(validator.operations))
    if unspecified:
        listed = ", ".join(f"{method.upper()} {path}" for method, path in unspecified)
        raise UnspecifiedRoute(f"routes missing from the OpenAPI document: {listed}")
    guarded = frozenset(blueprint.name for blueprint in catalog.api_blueprints)
    spec = app.extensions["tonn_mock.spec"]
    install_prefer_warning(app)

    @app.before_request
    def gate() -> Response | None:
        if request.blueprint not in guarded or request.url_rule is None:
            return None
        method, path = request.method.lower(), spec_path(request.url_rule.rule)
        if method == "options":
            return None  # Flask answers it with the Allow header, as a gateway would
        if method == "head":
            method = "get"  # HEAD is GET without a body, behind the same gate
        operation = validator.operations[(method, path)]
        g.operation_id = operation["operationId"]
        g.api_key = authenticate()
        enforce_rate_limit(g.api_key)
        apply_faults(g.operation_id, path)
        preferred = preferred_answer(operation, spec)
        if preferred is not None:
            return preferred
        if validator.has_body(method, path):
            g.body = validator.validate_body(method, path, request.get_data(cache=True), request.mimetype)
        return None


def authenticate() -> str:
    # ``?key=`` wins over the header, in the order Cloud Endpoints reads them (EVIDENCE §2)
    key = request.args.get("key") or request.headers.get("X-API-Key") or ""
    if not key.strip():
        raise MissingApiKey()
    allowed = backend().settings.api_keys
    if allowed and key not in allowed:
        raise InvalidApiKey()
    return key


def enforce_rate_limit(key: str) -> None:
    mock = backend()
    if not mock.settings.rate_limit_enabled:
        return
    limit = mock.settings.rate_limit_per_minute
    if mock.store.count_request(key, mock.clock.now(), 60.0) > limit:
        raise RateLimited(limit)


def apply_faults(operation_id: str, path: str) -> None:
    latency, failure = backend().faults.consult(operation_id, path)
    if latency:
        time.sleep(latency)  # a delay the user scripted: the one place the mock sleeps
    if failure is not None:
        raise failure
