"""The switches between targets, credit safety, and how generated requests are aimed.

These need no server and no key: they check what the suite *would* send to live Tonn.
"""

from __future__ import annotations

from typing import Any

import pytest
from schemathesis.core.result import Ok

from .knowledge import CHARGED_OPERATIONS, OPERATIONS, TASK_ID_KEYS
from .plan import ContractPlan, RunSettings
from .schema import contract_schema
from .shaping import aim
from .target import (
    LIVE_URL,
    LIVE_WEBHOOK,
    MOCK_KEY,
    Kind,
    NotConfigured,
    Target,
    TargetChoice,
    choose,
    prepared,
)

pytestmark = pytest.mark.contract


@pytest.fixture
def no_tonn_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TONN_API_KEY", "TONN_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_tonn_environment")
def test_without_a_switch_the_target_is_the_mock_in_process() -> None:
    choice = TargetChoice.from_environment(None, False, False, [])
    assert (choice.kind, choice.api_key, choice.allow_charges) == (Kind.IN_PROCESS, MOCK_KEY, True)


@pytest.mark.usefixtures("no_tonn_environment")
def test_a_live_run_without_a_key_says_how_to_enable_it() -> None:
    with pytest.raises(NotConfigured, match=r"set TONN_API_KEY and run .*--tonn-live"):
        choose(TargetChoice.from_environment(None, True, False, []))


def test_a_live_run_is_credit_safe_unless_charges_are_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TONN_API_KEY", "live-key")
    safe = TargetChoice.from_environment("http://ignored", True, False, [])
    assert (safe.kind, safe.url, safe.api_key, safe.allow_charges) == (Kind.LIVE, LIVE_URL, "live-key", False)
    assert TargetChoice.from_environment(None, True, True, []).allow_charges


@pytest.mark.usefixtures("no_tonn_environment")
@pytest.mark.parametrize(
    ("url", "charges"), [("http://127.0.0.1:8080", True), ("https://staging.example.com", False)]
)
def test_only_a_loopback_server_is_taken_for_a_mock(url: str, charges: bool) -> None:
    choice = TargetChoice.from_environment(url, False, False, [])
    assert (choice.kind, choice.url, choice.allow_charges) == (Kind.REMOTE, url, charges)


def test_a_credit_safe_schema_leaves_out_every_charged_operation() -> None:
    plan = ContractPlan(RunSettings(), TargetChoice(live=True, allow_charges=False, api_key="k"))
    kept = {op.operation_id for op in OPERATIONS.values()} - set(CHARGED_OPERATIONS)
    results = list(contract_schema(plan).get_all_operations())
    labels = {result.ok().label for result in results if isinstance(result, Ok)}
    assert len(labels) == len(results)
    assert labels == {OPERATIONS[op].label for op in kept}
    assert "POST /masteringpreview" in labels and "POST /retrievefinalmaster" not in labels


class FakeCase:
    """Just enough of a schemathesis ``Case`` for :func:`aim`."""

    def __init__(self, body: Any) -> None:
        self.body = body


def aimed(body: Any, allow_charges: bool = True) -> Any:
    audio = ("https://a/1.wav", "https://a/2.wav")
    target = Target(Kind.LIVE, LIVE_URL, "k", allow_charges, audio_urls=audio, webhook_url=LIVE_WEBHOOK)
    case = FakeCase(body)
    aim(case, target)  # type: ignore[arg-type]
    return case.body


def test_audio_urls_become_the_runs_inputs_keeping_equal_ones_equal() -> None:
    tracks = [
        {"trackURL": "https://x/a.wav"},
        {"trackURL": "https://x/b.wav"},
        {"trackURL": "https://x/a.wav"},
    ]
    body = aimed({"multitrackData": {"trackData": tracks, "webhookURL": "https://hooks.example.org/x"}})
    assert [t["trackURL"] for t in body["multitrackData"]["trackData"]] == [
        "https://a/1.wav",
        "https://a/2.wav",
        "https://a/1.wav",
    ]
    assert body["multitrackData"]["webhookURL"] == LIVE_WEBHOOK


def test_invalid_urls_are_left_as_generated() -> None:
    body = {"masteringData": {"trackData": [{"trackURL": "not a url"}], "webhookURL": 5}}
    assert aimed(body) == body


def test_a_credit_safe_run_never_asks_for_fx_settings() -> None:
    body = {"multitrackData": {"multitrackTaskId": "t", "retrieveFXSettings": True}}
    assert aimed(body, allow_charges=False)["multitrackData"]["retrieveFXSettings"] is False
    assert aimed(body, allow_charges=True)["multitrackData"]["retrieveFXSettings"] is True


def test_the_links_name_each_products_task_id_key() -> None:
    assert TASK_ID_KEYS["createMasteringPreview"] == "mastering_task_id"
    assert TASK_ID_KEYS["createSeparation"] == "stemflowTaskId"


def test_a_live_target_sends_the_documents_audio_and_uploads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TONN_API_KEY", "live-key")
    live = choose(TargetChoice.from_environment(None, True, False, []))
    with prepared(live) as ready:
        assert ready.audio_urls and all(
            url.startswith("https://storage.googleapis.com/") for url in ready.audio_urls
        )
        assert (ready.app, ready.webhook_url, ready.allow_charges) == (None, LIVE_WEBHOOK, False)
    with prepared(live, ("https://example.org/song.wav",)) as ready:
        assert ready.audio_urls == ("https://example.org/song.wav",)
