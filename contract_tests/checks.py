"""Our own checks: Tonn semantics that a JSON Schema cannot state, so schemathesis cannot know.

Each is registered with ``schemathesis.check`` and runs on every response of the contract suite,
next to schemathesis's own checks. Each raises ``AssertionError`` naming the task and the
values involved; schemathesis reports it with the request as a ``curl`` command. Every check has
a planted-bug app in :mod:`contract_tests.planted` that proves it fires.

=====================================  =======================================================
check                                  property
=====================================  =======================================================
``task_state_never_goes_backwards``    polling one task never sees an earlier lifecycle state
``download_url_only_when_complete``    result URLs appear only in a completed task's 200
``accepted_body_has_evidenced_shape``  a 202 body has the shape of the document's 202 examples
``task_id_key_matches_product_casing`` a create answer names its task id exactly as Tonn does
=====================================  =======================================================
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, Response

from .knowledge import (
    BY_LABEL,
    POLLING_OPERATIONS,
    STATE_RANK,
    TASK_ID_KEYS,
    evidenced_202_bodies,
    is_completed,
    is_failed,
    task_id_in_request,
)

CONTRACT_CHECKS = (
    "task_state_never_goes_backwards",
    "download_url_only_when_complete",
    "accepted_body_has_evidenced_shape",
    "task_id_key_matches_product_casing",
)


def body_of(response: Response) -> Any:
    """The JSON body, or None when there is none (or it is not JSON)."""
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def operation_id(case: Case[Any]) -> str | None:
    operation = BY_LABEL.get(case.operation.label)
    return operation.operation_id if operation else None


def reported_state(body: Any) -> str | None:
    """The lifecycle state a body reports (top-level ``status`` or one nested a level down)."""
    if not isinstance(body, dict):
        return None
    candidates = [body.get("status")] + [
        value.get("status") for value in body.values() if isinstance(value, dict)
    ]
    return next((state for state in candidates if isinstance(state, str) and state in STATE_RANK), None)


def result_urls(body: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """``(field path, url)`` for every http(s) URL in a body."""
    if isinstance(body, dict):
        for key, value in body.items():
            yield from result_urls(value, f"{where}.{key}" if where else key)
    elif isinstance(body, list):
        for index, value in enumerate(body):
            yield from result_urls(value, f"{where}[{index}]")
    elif isinstance(body, str) and body.startswith(("http://", "https://")):
        yield where, body


def shape(value: Any) -> Any:
    """The structure of a JSON value: keys all the way down, leaves by JSON type."""
    if isinstance(value, dict):
        return frozenset((key, shape(item)) for key, item in value.items())
    if isinstance(value, list):
        return ("array", frozenset(shape(item) for item in value))
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "string"


@schemathesis.check
class task_state_never_goes_backwards:
    """Polling one task through one operation never sees a state earlier than one already seen.

    Tonn tasks only move forward (``MIX_TASK_PENDING`` → ``MIX_TASK_ANALYSIS`` → ...), so a
    client may stop polling at the first terminal state. Keeps the latest state per (operation,
    task id); a repeated or later state is fine.
    """

    def __init__(self) -> None:
        self.latest: dict[tuple[str, str], str] = {}

    def after_response(self, ctx: CheckContext, response: Response, case: Case[Any]) -> None:
        op = operation_id(case)
        state = reported_state(body_of(response))
        task_id = task_id_in_request(op, case.body, case.path_parameters) if op else None
        if op is None or task_id is None or state is None:
            return
        before = self.latest.get((op, task_id))
        if before is None or STATE_RANK[state] >= STATE_RANK[before]:
            self.latest[(op, task_id)] = state
            return
        raise AssertionError(
            f"Task {task_id!r} went backwards: {case.operation.label} reported {state} after {before}"
        )


@schemathesis.check
def download_url_only_when_complete(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A polling answer carries result URLs only once the task is done: 200, no error, a completed state."""
    if operation_id(case) not in POLLING_OPERATIONS:
        return None
    body = body_of(response)
    urls = list(result_urls(body))
    if not urls:
        return None
    state = reported_state(body)
    errored = isinstance(body, dict) and body.get("error") is True
    if response.status_code == 200 and not errored and (state is None or is_completed(state)):
        return None
    where = ", ".join(path for path, _ in urls)
    raise AssertionError(
        f"{case.operation.label} answered {response.status_code} with state {state!r}"
        f"{' and error: true' if errored else ''}, yet gave result URLs ({where})"
    )


@schemathesis.check
def accepted_body_has_evidenced_shape(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A 202 ("still processing") body has exactly the shape the document's 202 examples show.

    JSON Schema admits extra keys and any running-or-finished state; Tonn's evidenced 202 bodies
    are small and fixed (``{"status": 202}`` for mastering, ``{"status": "MIX_TASK_ANALYSIS"}``
    for a mix, no body at all for ``/recombinestatus``), and always report a running state.
    """
    op = operation_id(case)
    if response.status_code != 202 or op not in POLLING_OPERATIONS:
        return None
    body = body_of(response)
    examples = evidenced_202_bodies(op)
    if not examples:
        if response.content.strip():
            raise AssertionError(
                f"{case.operation.label} 202 should have no body (as documented); got {body!r}"
            )
        return None
    if shape(body) not in {shape(example) for example in examples}:
        raise AssertionError(
            f"{case.operation.label} 202 body {body!r} does not have the shape of the documented examples: "
            + "; ".join(json.dumps(example) for example in examples)
        )
    state = reported_state(body)
    if state is not None and (is_completed(state) or is_failed(state)):
        raise AssertionError(
            f"{case.operation.label} answered 202 (still processing) with finished state {state}"
        )
    return None


@schemathesis.check
def task_id_key_matches_product_casing(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A successful create answer names its task id exactly as that product does.

    Tonn's products disagree, for historical reasons: ``mastering_task_id``, ``multitrack_task_id`` and
    ``mixrevive_task_id`` are snake_case, ``stemflowTaskId``, ``recombineTaskId`` and
    ``postprodTaskId`` camelCase. Clients read the exact key; a re-cased one breaks them.
    """
    op = operation_id(case)
    key = TASK_ID_KEYS.get(op or "")
    body = body_of(response)
    if key is None or response.status_code != 200 or not isinstance(body, dict) or body.get("error") is True:
        return None
    value = body.get(key)
    if isinstance(value, str) and value:
        lookalikes = [name for name in body if name != key and _folded(name) == _folded(key)]
        if not lookalikes:
            return None
        raise AssertionError(f"{case.operation.label} sent both {key!r} and {lookalikes}")
    raise AssertionError(
        f"{case.operation.label} should name the task id {key!r}; got keys {sorted(body)} ({key}={value!r})"
    )


def _folded(name: str) -> str:
    return name.replace("_", "").lower()
