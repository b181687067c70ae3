"""One control request cannot break the public API: every control input is checked once, for Python
calls and HTTP calls alike, and a value that would later break a sleep, the clock or a JSON
answer (NaN, Infinity, 1e400, 503.5, True for a count) is refused up front."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tonn_mock.control import ControlError, MockControl
from tonn_mock.core.json_body import parse_json

from .conftest import mastering_body

NAN, INF = float("nan"), float("inf")
# mistyped on purpose: what a caller without a type checker (or with JSON in hand) may pass
PYTHON_CALLS: dict[str, Callable[[MockControl], Any]] = {
    "latency NaN": lambda c: c.inject_fault(latency=NAN),
    "latency Infinity": lambda c: c.inject_fault(latency=INF),
    "latency 1e300": lambda c: c.inject_fault(latency=1e300),
    "status 503.5": lambda c: c.inject_fault(status=503.5),
    "status True": lambda c: c.inject_fault(status=True),
    "error_rate NaN": lambda c: c.inject_fault(status=503, error_rate=NAN),
    "count 0.5": lambda c: c.inject_fault(status=503, count=0.5),
    "advance_clock Infinity": lambda c: c.advance_clock(INF),
    "advance_clock back": lambda c: c.advance_clock(-5),
    "set_credits Infinity": lambda c: c.set_credits(INF),
    "set_credits 10**400": lambda c: c.set_credits(10**400),
    "fail_next count True": lambda c: c.fail_next(count=True),
    "fail_next count NaN": lambda c: c.fail_next(count=NAN),
    "advance steps Infinity": lambda c: c.advance("any-task", steps=INF),
    "progression after_seconds:inf": lambda c: c.set_progression("after_seconds:inf"),
    "progression after_seconds:nan": lambda c: c.set_progression("after_seconds:nan"),
}
HTTP_CALLS = [
    ("POST", "/_mock/faults", b'{"latency": NaN}'),
    ("POST", "/_mock/faults", b'{"latency": Infinity}'),
    ("POST", "/_mock/faults", b'{"latency": 1e400}'),
    ("POST", "/_mock/faults", b'{"status": 503.5}'),
    ("POST", "/_mock/faults", b'{"status": 503, "count": true}'),
    ("POST", "/_mock/clock/advance", b'{"seconds": Infinity}'),
    ("PUT", "/_mock/credits", b'{"credits": 1e400}'),
    ("PUT", "/_mock/credits", b'{"credits": 1e300}'),
    ("POST", "/_mock/failures", b'{"count": Infinity}'),
    ("GET", "/_mock/requests?status=1e400", b""),
]


def public_api_still_answers(client: httpx.Client) -> None:
    assert client.get("/health").status_code == 200
    created = client.post("/masteringpreview", json=mastering_body("https://example.com/a.wav"))
    assert created.status_code == 200, created.text


@pytest.mark.parametrize("call", PYTHON_CALLS.values(), ids=PYTHON_CALLS.keys())
def test_a_python_call_with_a_value_that_cannot_work_is_refused_and_changes_nothing(
    client: httpx.Client, control: MockControl, call: Callable[[MockControl], Any]
) -> None:
    before = (control.faults(), control.credits(), control.progression())

    with pytest.raises(ControlError):
        call(control)

    assert (control.faults(), control.credits(), control.progression()) == before
    public_api_still_answers(client)


@pytest.mark.parametrize(
    ("method", "path", "body"), HTTP_CALLS, ids=[f"{m} {p} {b!r}" for m, p, b in HTTP_CALLS]
)
def test_an_http_call_with_a_value_that_cannot_work_is_400_and_changes_nothing(
    client: httpx.Client, control: MockControl, method: str, path: str, body: bytes
) -> None:
    answer = client.request(method, path, content=body, headers={"Content-Type": "application/json"})

    assert answer.status_code == 400, answer.text
    assert control.faults() == [] and control.errors() == []
    public_api_still_answers(client)


def test_every_control_answer_stays_standard_json(client: httpx.Client, control: MockControl) -> None:
    control.inject_fault("createMasteringPreview", latency=0.0, status=503, count=1, error_rate=1.0)
    client.post("/masteringpreview", json=mastering_body("https://example.com/a.wav"))
    public_api_still_answers(client)

    for path in ("/_mock/", "/_mock/tasks", "/_mock/faults", "/_mock/requests", "/_mock/webhooks"):
        answer = client.get(path, headers={"Accept": "application/json"})
        assert answer.status_code == 200, path
        parse_json(answer.content)  # no NaN, no Infinity
        json.loads(answer.content)
