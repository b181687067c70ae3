"""``Prefer: code=<status>``: a test asks for one documented answer, as with Prism."""

from __future__ import annotations

import httpx
from flask import Flask

from tonn_mock.control import MockControl
from tonn_openapi import load_spec

from .test_gateway import MASTERING

FINAL = {"masteringData": {"masteringTaskId": "00000000-0000-4000-8000-000000000000"}}


def test_a_documented_status_is_answered_with_the_spec_example(client: httpx.Client) -> None:
    answer = client.post("/retrievefinalmaster", json=FINAL, headers={"Prefer": "code=402"})

    assert answer.status_code == 402
    assert answer.headers["Preference-Applied"] == "code=402"
    payment_required = load_spec()["components"]["responses"]["PaymentRequired"]["content"]
    assert answer.json() == next(iter(payment_required["application/json"]["examples"].values()))["value"]


def test_the_example_can_be_chosen_by_name(client: httpx.Client) -> None:
    answer = client.post("/retrievefinalmaster", json=FINAL, headers={"Prefer": "code=200, example=failed"})

    assert answer.status_code == 200
    assert answer.json()["status"] == "MASTERING_TASK_FAILED"


def test_the_forced_answer_changes_nothing(client: httpx.Client, control: MockControl) -> None:
    answer = client.post("/masteringpreview", json=MASTERING, headers={"Prefer": "code=500"})

    assert answer.status_code == 500 and answer.json()["error"] is True
    assert control.tasks() == []
    assert control.requests(operation="createMasteringPreview")[0]["status"] == 500


def test_an_undocumented_status_is_ignored_with_a_warning(client: httpx.Client) -> None:
    answer = client.get("/health", headers={"Prefer": "code=402"})

    assert answer.status_code == 200
    assert answer.headers["X-Tonn-Mock-Warning"] == (
        "Prefer code=402 ignored: getHealth documents 200, 400, 401, 429, 500"
    )


def test_the_key_is_still_checked(app: Flask) -> None:
    anonymous = app.test_client()
    assert anonymous.get("/health", headers={"Prefer": "code=500"}).status_code == 401
