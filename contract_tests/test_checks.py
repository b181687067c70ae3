"""Each of our checks passes on the mock and fires on the planted-bug variant made for it.

A journey is a few calls a client makes (create, then poll); each call goes through schemathesis
(``Case.call_and_validate``) on a schema where only the check under test is enabled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from flask import Flask
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tonn_openapi import load_spec

from . import planted
from .checks import CONTRACT_CHECKS, result_urls
from .knowledge import LIFECYCLES, OPERATIONS, SPEC, TASK_ID_KEYS, resolve
from .target import MOCK_KEY, Kind, Target, mock_app, upload_audio_pool

pytestmark = [pytest.mark.contract, pytest.mark.usefixtures("default_target_only")]


class Journey:
    """Calls operations of one app through schemathesis, with only ``check`` enabled."""

    def __init__(self, app: Flask, check: str) -> None:
        config = schemathesis.Config.from_dict({"checks": {"enabled": False, check: {"enabled": True}}})
        self.schema: OpenApiSchema = schemathesis.openapi.from_dict(load_spec(), config=config)
        self.schema.app = app
        self.target = Target(Kind.IN_PROCESS, "http://localhost", MOCK_KEY, app=app)
        self.audio = upload_audio_pool(self.target, count=2)

    def call(self, operation_id: str, body: Any = None, **path_parameters: str) -> Any:
        op = OPERATIONS[operation_id]
        parts: dict[str, Any] = {"path_parameters": path_parameters, "headers": {"X-API-Key": MOCK_KEY}}
        if body is not None:
            parts["body"] = body
        case = self.schema[op.path][op.method.upper()].Case(**parts)
        return case.call_and_validate().json()


def separation_polled_three_times(journey: Journey) -> None:
    created = journey.call("createSeparation", {"stemflowData": {"audioFileLocation": journey.audio[0]}})
    for _ in range(3):
        journey.call("separationStatus", stemflowTaskId=created[TASK_ID_KEYS["createSeparation"]])


def mastering_preview_polled(journey: Journey) -> None:
    data = {"trackData": [{"trackURL": journey.audio[0]}], "musicalStyle": "POP", "desiredLoudness": "MEDIUM"}
    created = journey.call("createMasteringPreview", {"masteringData": data})
    task = {"masteringData": {"masteringTaskId": created[TASK_ID_KEYS["createMasteringPreview"]]}}
    journey.call("retrievePreviewMaster", task)
    journey.call("retrievePreviewMaster", task)


def mix_preview_polled(journey: Journey) -> None:
    tracks = [
        {"trackURL": url, "instrumentGroup": group, "presenceSetting": "NORMAL", "panPreference": "CENTRE"}
        for url, group in zip(journey.audio, ("BASS_GROUP", "DRUMS_GROUP"), strict=True)
    ]
    data = {"trackData": tracks, "musicalStyle": "POP", "returnStems": False, "sampleRate": "44100"}
    created = journey.call("createMixPreview", {"multitrackData": data})
    task_id = created[TASK_ID_KEYS["createMixPreview"]]
    journey.call(
        "retrievePreviewMix", {"multitrackData": {"multitrackTaskId": task_id, "retrieveFXSettings": False}}
    )


PLANTED: list[tuple[str, Callable[[], Flask], Callable[[Journey], None]]] = [
    ("task_state_never_goes_backwards", planted.state_goes_backwards, separation_polled_three_times),
    ("download_url_only_when_complete", planted.download_url_while_running, mastering_preview_polled),
    ("accepted_body_has_evidenced_shape", planted.wrong_202_body, mix_preview_polled),
    ("task_id_key_matches_product_casing", planted.task_id_in_camel_case, mastering_preview_polled),
]


def test_every_check_has_a_planted_bug() -> None:
    assert sorted(check for check, _, _ in PLANTED) == sorted(CONTRACT_CHECKS)


@pytest.mark.parametrize(("check", "broken", "journey"), PLANTED, ids=[check for check, _, _ in PLANTED])
def test_check_passes_on_the_mock(
    check: str, broken: Callable[[], Flask], journey: Callable[[Journey], None]
) -> None:
    journey(Journey(mock_app(), check))


@pytest.mark.parametrize(("check", "broken", "journey"), PLANTED, ids=[check for check, _, _ in PLANTED])
def test_check_catches_its_planted_bug(
    check: str, broken: Callable[[], Flask], journey: Callable[[Journey], None]
) -> None:
    with pytest.raises(FailureGroup) as caught:
        journey(Journey(broken(), check))
    assert f"Custom check failed: `{check}`" in str(caught.value)
    assert "curl -X " in str(caught.value)


def test_lifecycles_list_exactly_the_documented_states() -> None:
    for name, states in LIFECYCLES.items():
        assert set(states) == set(resolve(SPEC["components"]["schemas"][name])["enum"]), name


def test_result_urls_are_found_wherever_they_are_nested() -> None:
    body = {"a": {"b": [{"url": "https://x/1.wav"}]}, "c": "not a url", "d": "http://x/2.mp3"}
    assert list(result_urls(body)) == [("a.b[0].url", "https://x/1.wav"), ("d", "http://x/2.mp3")]
