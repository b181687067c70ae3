"""Every operation of the spec, called through the generated client, in-process and over a socket.

Create operations are called with the spec's own request examples; the operations that read
their tasks are then called through the spec's ``links``, exactly as a client following the
document would. Each call must answer a documented 2xx and parse into the typed model.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from flask import Flask

import tonn_client.models
from tonn_client import AuthenticatedClient
from tonn_openapi import load_spec

from ..conftest import API_KEY
from ..servers import running

SPEC = load_spec()
OPERATIONS = {
    op["operationId"]: (path, method, op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
}
# Examples that refer to tasks which do not exist in a fresh mock are skipped in favour of others.
SELF_CONTAINED = {"createRecombine": "fromUrls"}


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def call(client: AuthenticatedClient, operation_id: str, body: Any = None, **params: str) -> Any:
    _, _, op = OPERATIONS[operation_id]
    module = importlib.import_module(f"tonn_client.api.{op['tags'][0]}.{snake(operation_id)}")
    kwargs: dict[str, Any] = {"client": client, **{snake(k): v for k, v in params.items()}}
    if body is not None:
        model = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        kwargs["body"] = getattr(tonn_client.models, model).from_dict(body)
    response = module.sync_detailed(**kwargs)
    assert 200 <= response.status_code < 300, (operation_id, response.status_code, response.content)
    assert response.parsed is not None, (operation_id, response.content)
    return response


def example(operation_id: str) -> Any:
    examples = OPERATIONS[operation_id][2]["requestBody"]["content"]["application/json"]["examples"]
    name = SELF_CONTAINED.get(operation_id, next(iter(examples)))
    return examples[name]["value"]


def resolve(template: Any, created: dict[str, Any]) -> Any:
    """Fill a link's ``$response.body#/...`` expressions from the create response."""
    if isinstance(template, dict):
        return {k: resolve(v, created) for k, v in template.items()}
    if isinstance(template, str) and template.startswith("$response.body#/"):
        return created[template.removeprefix("$response.body#/")]
    return template


def merge(base: Any, override: Any) -> Any:
    """``base`` with the link's values laid over it (the link gives the ids, the example the rest)."""
    if isinstance(base, dict) and isinstance(override, dict):
        return {**base, **{k: merge(base.get(k), v) for k, v in override.items()}}
    return override


def exercise_every_operation(client: AuthenticatedClient) -> set[str]:
    called = set()
    for operation_id, (_, method, op) in OPERATIONS.items():
        if method == "get" and "{" in OPERATIONS[operation_id][0]:
            continue  # reached through links
        if "requestBody" not in op:
            call(client, operation_id)
            called.add(operation_id)
            continue
        if any(
            operation_id == link["operationId"]
            for other in OPERATIONS.values()
            for link in other[2]["responses"].get("200", {}).get("links", {}).values()
        ):
            continue  # reached through links
        created = call(client, operation_id, example(operation_id))
        called.add(operation_id)
        for link in op["responses"]["200"].get("links", {}).values():
            body = None
            if "requestBody" in link:
                body = merge(
                    example(link["operationId"]), resolve(link["requestBody"], created.parsed.to_dict())
                )
            params = resolve(link.get("parameters", {}), created.parsed.to_dict())
            call(client, link["operationId"], body, **params)
            called.add(link["operationId"])
    return called


@pytest.fixture(params=["in-process", "socket"])
def generated_client(request: pytest.FixtureRequest, app: Flask) -> Iterator[AuthenticatedClient]:
    client = AuthenticatedClient(
        base_url="http://testserver",
        token=API_KEY,
        auth_header_name="X-API-Key",
        prefix="",
        raise_on_unexpected_status=True,
    )
    if request.param == "in-process":
        client.set_httpx_client(
            httpx.Client(
                base_url="http://testserver",
                transport=httpx.WSGITransport(app=app),
                headers={"X-API-Key": API_KEY},
            )
        )
        with client:
            yield client
        return
    with running(app) as base_url:
        served = AuthenticatedClient(
            base_url=base_url,
            token=API_KEY,
            auth_header_name="X-API-Key",
            prefix="",
            raise_on_unexpected_status=True,
        )
        with served:
            yield served


def test_the_generated_client_reaches_every_operation(generated_client: AuthenticatedClient) -> None:
    assert exercise_every_operation(generated_client) == set(OPERATIONS)
