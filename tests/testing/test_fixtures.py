"""A user's test file using each fixture of the plugin passes, under a strict pytest configuration.

The plugin is not named anywhere: it is loaded through its ``pytest11`` entry point, exactly as in
a user's project after ``pip install tonn-testkit``.
"""

from __future__ import annotations

import pytest

from .helpers import run_user_tests

pytest_plugins = ["pytester"]

USER_TESTS = """
import asyncio

import httpx
import pytest
import requests

from tonn_client.api.health import get_health
from tonn_client.api.mastering import create_mastering_preview, retrieve_preview_master
from tonn_client.models import (
    DesiredLoudness, MasteringPreviewData, MasteringPreviewRequest, MasteringTaskReference,
    MasteringTaskRequest, MasteringTrack, MusicalStyle,
)
from tonn_mock.testing.harness import WebhookTimeout

SONG = "https://example.com/song.wav"
CREATE = {"masteringData": {"trackData": [{"trackURL": SONG}], "musicalStyle": "POP",
                            "desiredLoudness": "MEDIUM", "webhookURL": "https://my-app.example/hook"}}


def preview_request():
    return MasteringPreviewRequest(mastering_data=MasteringPreviewData(
        track_data=[MasteringTrack(track_url=SONG)], musical_style=MusicalStyle.POP,
        desired_loudness=DesiredLoudness.MEDIUM))


def reference(task_id):
    return MasteringTaskRequest(mastering_data=MasteringTaskReference(task_id))


@pytest.mark.tonn_mock(progression="manual")
def test_tonn_mock_domain_verbs(tonn_mock):
    http = tonn_mock.http_client()
    task_id = http.post("/masteringpreview", json=CREATE).json()["mastering_task_id"]
    ask = lambda: http.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}})
    assert ask().status_code == 202
    tonn_mock.complete(task_id)
    assert ask().status_code == 200
    delivery = tonn_mock.wait_for_webhook(task_id, state="MASTERING_TASK_PREVIEW_COMPLETED", timeout=2)
    assert delivery.url == "https://my-app.example/hook"
    with pytest.raises(WebhookTimeout, match="deliveries so far"):
        tonn_mock.wait_for_webhook(task_id, state="NO_SUCH_STATE", timeout=0.05)
    tonn_mock.inject_fault("createMasteringPreview", status=503, count=1)
    assert http.post("/masteringpreview", json=CREATE).status_code == 503
    tonn_mock.set_progression("immediate")
    tonn_mock.fail_next("Corrupt input.")
    failed_id = http.post("/masteringpreview", json=CREATE).json()["mastering_task_id"]
    assert tonn_mock.task(failed_id)["state"] == "MASTERING_TASK_FAILED"
    assert {t["id"] for t in tonn_mock.tasks("mastering")} == {task_id, failed_id}


def test_every_test_starts_from_a_fresh_mock(tonn_mock):
    assert tonn_mock.tasks() == [] and tonn_mock.webhooks() == [] and tonn_mock.faults() == []
    assert tonn_mock.progression() == "immediate"


@pytest.mark.tonn_mock(progression="after_seconds:30")
def test_time_moves_only_when_the_test_says(tonn_mock, tonn_client):
    task_id = create_mastering_preview.sync(client=tonn_client, body=preview_request()).mastering_task_id
    poll = lambda: retrieve_preview_master.sync_detailed(client=tonn_client, body=reference(task_id))
    assert poll().status_code == 202
    tonn_mock.advance_clock(29)
    assert poll().status_code == 202
    tonn_mock.advance_clock(1)
    assert poll().status_code == 200


def test_tonn_client_in_process_sync_and_async(tonn_client, tonn_mock):
    assert get_health.sync(client=tonn_client).status == "healthy"
    created = create_mastering_preview.sync(client=tonn_client, body=preview_request())

    async def poll():
        return await retrieve_preview_master.asyncio_detailed(client=tonn_client,
                                                              body=reference(created.mastering_task_id))

    assert asyncio.run(poll()).status_code == 200
    assert tonn_mock.task(created.mastering_task_id)["polls"] == 1


def test_tonn_served_client_over_a_socket(tonn_served_client, tonn_mock, tonn_mock_url):
    assert tonn_mock_url.startswith("http://127.0.0.1:")
    created = create_mastering_preview.sync(client=tonn_served_client, body=preview_request())

    async def poll():
        return await retrieve_preview_master.asyncio(client=tonn_served_client,
                                                     body=reference(created.mastering_task_id))

    url = asyncio.run(poll()).preview_master_task_results.download_url_mastered_preview
    assert url.startswith(tonn_mock_url + "/_storage/")
    assert tonn_mock.task(created.mastering_task_id)["polls"] == 1


def test_tonn_intercept_routes_requests_and_httpx(tonn_intercept, tonn_mock, tonn_api_key):
    created = requests.post("https://tonn.roexaudio.com/masteringpreview", json=CREATE,
                            headers={"X-API-Key": tonn_api_key}).json()
    assert httpx.get("https://tonn.roexaudio.com/health", params={"key": tonn_api_key}).status_code == 200
    with pytest.raises(requests.ConnectionError, match="Connection refused by Responses"):
        requests.get("https://example.com/")
    with pytest.raises(httpx.ConnectError, match="Connection refused by tonn-testkit"):
        httpx.get("https://example.com/")
    assert tonn_mock.task(created["mastering_task_id"])["lifecycle"] == "mastering"
    assert tonn_intercept.routes("https://tonn.roexaudio.com:443/upload")


@pytest.mark.tonn_mock(keys=["alpha", "beta"], credits={"beta": 0}, rate_limit=False,
                       faults=[{"operation": "getHealth", "status": 503, "count": 1}])
def test_marker_options(tonn_mock, tonn_client, tonn_api_key):
    assert tonn_api_key == tonn_mock.api_key == "alpha"
    assert get_health.sync_detailed(client=tonn_client).status_code == 503
    assert get_health.sync_detailed(client=tonn_client).status_code == 200
    beta = tonn_mock.http_client(key="beta")
    task_id = beta.post("/masteringpreview", json=CREATE).json()["mastering_task_id"]
    final = beta.post("/retrievefinalmaster", json={"masteringData": {"masteringTaskId": task_id}})
    assert final.status_code == 402 and tonn_mock.credits("beta") == 0
    assert tonn_mock.http_client(key="gamma").get("/health").status_code == 400


def test_credits_follow_the_key_my_app_sends(tonn_intercept, tonn_mock):
    app_key = {"X-API-Key": "my-app-key"}  # not the fixture's key
    task_id = requests.post("https://tonn.roexaudio.com/masteringpreview", json=CREATE,
                            headers=app_key).json()["mastering_task_id"]
    tonn_mock.set_credits(0)  # every key
    final = requests.post("https://tonn.roexaudio.com/retrievefinalmaster", headers=app_key,
                          json={"masteringData": {"masteringTaskId": task_id}})
    assert final.status_code == 402 and tonn_mock.credits() == 0
    tonn_mock.assert_called("retrieveFinalMaster", times=1, key="my-app-key", status=402)


@pytest.mark.tonn_mock(progression="after_polls:2")
class TestClassLevelMarker:
    @pytest.mark.tonn_mock(seed=7)
    def test_closest_marker_wins_key_by_key(self, tonn_mock):
        assert tonn_mock.progression() == "after_polls:2" and tonn_mock.settings.seed == 7
"""


def test_a_user_test_file_using_each_fixture_passes(pytester: pytest.Pytester) -> None:
    result = run_user_tests(pytester, USER_TESTS, "-v", "--durations=12")
    result.assert_outcomes(passed=9)


def test_a_bad_marker_option_is_a_clear_setup_error(pytester: pytest.Pytester) -> None:
    result = run_user_tests(
        pytester,
        """
import pytest

@pytest.mark.tonn_mock(progresion="manual")
def test_typo(tonn_mock):
    pass
""",
    )
    result.assert_outcomes(errors=1)
    assert "@pytest.mark.tonn_mock: unknown tonn_mock option(s) ['progresion']; known:" in result.stdout.str()
    assert "During handling" not in result.stdout.str()


def test_the_plugin_is_registered_through_its_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_nothing(): pass")
    assert "tonn_mock" in pytester.runpytest("--trace-config").stdout.str()
    without = pytester.runpytest("-p", "no:tonn_mock", "--fixtures")
    assert "tonn_client" not in without.stdout.str()
