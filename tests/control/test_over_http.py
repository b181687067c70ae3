"""Every control verb works over HTTP exactly as in Python: the routes are derived from the verbs."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.control.verbs import declared_verbs
from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.settings import Settings
from tonn_mock.webhooks import RecordingSender

KEY = "control-key"
HOOK = "https://hooks.example.com/tonn"


@pytest.fixture
def mock() -> Iterator[tuple[httpx.Client, MockControl]]:
    seams = Seams(clock=FakeClock(), ids=IdFactory(3), sender=RecordingSender())
    app = create_app(Settings(rate_limit_enabled=False, progression="manual"), seams)
    with httpx.Client(
        transport=httpx.WSGITransport(app=app), base_url="http://testserver", headers={"X-API-Key": KEY}
    ) as client:
        yield client, MockControl(app)
    MockControl(app).backend.close()


def start_mastering(client: httpx.Client) -> httpx.Response:
    data = {
        "trackData": [{"trackURL": "https://example.com/song.wav"}],
        "musicalStyle": "POP",
        "desiredLoudness": "MEDIUM",
        "webhookURL": HOOK,
    }
    return client.post("/masteringpreview", json={"masteringData": data})


def new_task(client: httpx.Client) -> str:
    response = start_mastering(client)
    assert response.status_code == 200, response.text
    return str(response.json()["mastering_task_id"])


def ok(response: httpx.Response) -> object:
    assert response.status_code == 200, response.text
    return response.json()


Scenario = Callable[[httpx.Client, MockControl], None]
SCENARIOS: dict[str, Scenario] = {}


def scenario(verb_name: str) -> Callable[[Scenario], Scenario]:
    def register(check: Scenario) -> Scenario:
        SCENARIOS[verb_name] = check
        return check

    return register


@scenario("overview")
def _(client: httpx.Client, control: MockControl) -> None:
    new_task(client)
    assert control.wait_for_webhooks_idle(timeout=5)
    assert ok(client.get("/_mock/")) == {
        "progression": "manual",
        "tasks": 1,
        "pending_webhooks": 0,
        "faults": [],
        "credits": {KEY: 10_000},
        "credits_enabled": True,
    }


@scenario("reset")
def _(client: httpx.Client, control: MockControl) -> None:
    new_task(client)
    assert ok(client.post("/_mock/reset")) == {"reset": True}
    assert control.tasks() == []


@scenario("tasks")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    assert [task["id"] for task in ok(client.get("/_mock/tasks", params={"lifecycle": "mastering"}))] == [
        task_id
    ]
    assert ok(client.get("/_mock/tasks", params={"lifecycle": "mix"})) == []


@scenario("task")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    assert ok(client.get(f"/_mock/tasks/{task_id}")) == control.task(task_id)


@scenario("audio_files")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    assert ok(client.get(f"/_mock/tasks/{task_id}/audio")) == []  # nothing rendered before it completes
    control.complete(task_id)
    files = ok(client.get(f"/_mock/tasks/{task_id}/audio"))
    assert files == control.audio_files(task_id)
    assert [(f["name"], f["kind"]) for f in files] == [("preview", "preview"), ("final", "final")]


@scenario("audio_picture")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    control.complete(task_id)
    picture = ok(client.get(f"/_mock/tasks/{task_id}/audio/final", params={"points": 50}))
    assert (picture["name"], len(picture["waveform"]["max"])) == ("final", 50)
    assert picture == control.audio_picture(task_id, "final", points=50)


@scenario("advance")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    answer = ok(client.post(f"/_mock/tasks/{task_id}/advance", json={"steps": 1}))
    assert answer["state"] == control.task(task_id)["state"] == "MASTERING_TASK_PREVIEW_COMPLETED"


@scenario("complete")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    assert ok(client.post(f"/_mock/tasks/{task_id}/complete"))["state"] == "MASTERING_TASK_PREVIEW_COMPLETED"


@scenario("fail")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    answer = ok(client.post(f"/_mock/tasks/{task_id}/fail", json={"message": "The mastering engine broke."}))
    assert (answer["state"], answer["error"]) == ("MASTERING_TASK_FAILED", "The mastering engine broke.")


@scenario("fail_next")
def _(client: httpx.Client, control: MockControl) -> None:
    assert ok(client.post("/_mock/failures", json={"lifecycle": "mastering", "message": "Bad day."})) == {
        "planned": True
    }
    task_id = new_task(client)
    assert control.complete(task_id)["state"] == "MASTERING_TASK_FAILED"


@scenario("set_progression")
def _(client: httpx.Client, control: MockControl) -> None:
    assert ok(client.put("/_mock/progression", json={"policy": "after_polls:2"})) == {
        "policy": "after_polls:2"
    }
    assert control.progression() == "after_polls:2"


@scenario("progression")
def _(client: httpx.Client, control: MockControl) -> None:
    assert ok(client.get("/_mock/progression")) == {"policy": "manual"}


@scenario("tick")
def _(client: httpx.Client, control: MockControl) -> None:
    new_task(client)
    assert ok(client.post("/_mock/tick")) == {"checked": 1}


@scenario("advance_clock")
def _(client: httpx.Client, control: MockControl) -> None:
    control.set_progression("after_seconds:30")
    task_id = new_task(client)
    now = ok(client.post("/_mock/clock/advance", json={"seconds": 31}))["now"]
    assert now == control.backend.clock.now()
    assert control.task(task_id)["state"] == "MASTERING_TASK_PREVIEW_COMPLETED"


@scenario("webhooks")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    assert control.wait_for_webhooks_idle(timeout=5)
    deliveries = ok(client.get("/_mock/webhooks", params={"task_id": task_id}))
    assert [d["payload"]["state"] for d in deliveries] == ["MASTERING_TASK_PENDING"]


@scenario("inject_fault")
def _(client: httpx.Client, control: MockControl) -> None:
    fault = {"operation": "createMasteringPreview", "status": 503, "count": 1}
    assert ok(client.post("/_mock/faults", json=fault))["status"] == 503
    assert start_mastering(client).status_code == 503
    assert start_mastering(client).status_code == 200


@scenario("faults")
def _(client: httpx.Client, control: MockControl) -> None:
    control.inject_fault("createMasteringPreview", status=500)
    assert ok(client.get("/_mock/faults")) == control.faults() != []


@scenario("clear_faults")
def _(client: httpx.Client, control: MockControl) -> None:
    control.inject_fault("createMasteringPreview", status=500)
    assert ok(client.delete("/_mock/faults")) == {"cleared": True}
    assert control.faults() == []


@scenario("credits")
def _(client: httpx.Client, control: MockControl) -> None:
    control.set_credits(42, KEY)
    assert ok(client.get(f"/_mock/credits/{KEY}")) == {"key": KEY, "credits": 42}
    assert ok(client.get("/_mock/credits")) == {"credits": 10_000}  # no request yet: a new key's balance
    client.get("/health")
    assert ok(client.get("/_mock/credits")) == {"credits": 42}  # the one key the code has sent


@scenario("set_credits")
def _(client: httpx.Client, control: MockControl) -> None:
    assert ok(client.put(f"/_mock/credits/{KEY}", json={"credits": 7})) == {"key": KEY, "credits": 7}
    assert control.credits(KEY) == 7
    assert ok(client.put("/_mock/credits", json={"credits": 3})) == {"credits": 3}
    assert (control.credits(KEY), control.credits("a-key-not-seen-yet")) == (3, 3)


@scenario("requests")
def _(client: httpx.Client, control: MockControl) -> None:
    task_id = new_task(client)
    client.get("/health")
    answer = client.get("/_mock/requests", params={"operation": "createMasteringPreview"})
    journal = answer.json()
    assert answer.status_code == 200, answer.text
    assert [(r["method"], r["path"], r["status"], r["task_id"], r["key"]) for r in journal] == [
        ("POST", "/masteringpreview", 200, task_id, KEY)
    ]
    assert ok(client.get("/_mock/requests", params={"status": 200})) == control.requests()
    assert [r["path"] for r in ok(client.get("/_mock/requests", params={"limit": 1}))] == ["/health"]


def test_every_control_verb_has_an_http_scenario() -> None:
    assert set(SCENARIOS) == {name for name, _ in declared_verbs(MockControl)}


@pytest.mark.parametrize("verb_name", sorted(SCENARIOS))
def test_the_verb_answers_over_http(verb_name: str, mock: tuple[httpx.Client, MockControl]) -> None:
    SCENARIOS[verb_name](*mock)


@pytest.mark.parametrize(
    ("method", "path", "body", "complaint"),
    [
        ("POST", "/_mock/clock/advance", {"secs": 5}, "unknown argument(s) ['secs']; accepted: ['seconds']"),
        ("POST", "/_mock/clock/advance", {"seconds": "soon"}, "seconds must be float, not 'soon'"),
        ("POST", "/_mock/clock/advance", {"seconds": "Infinity"}, "seconds must be float"),
        ("POST", "/_mock/faults", {"status": 503.5}, "status must be int, not 503.5"),
        ("PUT", "/_mock/credits/k", {"credits": True}, "credits must be int, not True"),
        ("POST", "/_mock/failures", [1, 2], "takes a JSON object body"),
        ("POST", "/_mock/faults", {"operation": "createMasteringPreveiw", "status": 503}, "did you mean"),
        ("POST", "/_mock/failures", {"lifecycle": "masterin"}, "unknown lifecycle 'masterin'"),
        ("PUT", "/_mock/progression", {"policy": "sometimes"}, "valid: immediate, manual, after_polls:N"),
        ("GET", "/_mock/requests?operation=getHelth", None, "unknown operation 'getHelth'"),
    ],
)
def test_bad_control_arguments_are_a_clear_400(
    mock: tuple[httpx.Client, MockControl], method: str, path: str, body: object, complaint: str
) -> None:
    client, control = mock
    response = client.request(method, path, json=body)
    assert response.status_code == 400
    assert complaint in response.json()["message"]
    assert control.faults() == []


def test_a_misspelled_operation_names_the_valid_ones(mock: tuple[httpx.Client, MockControl]) -> None:
    client, _ = mock
    answer = client.post("/_mock/faults", json={"operation": "createMasteringPreveiw", "status": 503})
    message = answer.json()["message"]
    assert message.startswith(
        "unknown operation 'createMasteringPreveiw' (did you mean 'createMasteringPreview'?); valid: "
    )
    assert "getHealth" in message and "\n" not in message


def test_an_unknown_task_is_a_404_that_lists_the_tasks(mock: tuple[httpx.Client, MockControl]) -> None:
    client, _ = mock
    task_id = new_task(client)
    answer = client.post("/_mock/tasks/no-such-task/fail")
    assert answer.status_code == 404
    assert answer.json()["message"] == f"no task 'no-such-task' in the mock; its tasks: {task_id}"
    assert "API key" not in answer.json()["message"]


def test_failing_or_advancing_a_finished_task_is_a_409_naming_its_state(
    mock: tuple[httpx.Client, MockControl],
) -> None:
    client, control = mock
    task_id = new_task(client)
    control.complete(task_id)

    fail = client.post(f"/_mock/tasks/{task_id}/fail", json={"message": "too late"})
    advance = client.post(f"/_mock/tasks/{task_id}/advance")

    assert (fail.status_code, advance.status_code) == (409, 409)
    assert "it has finished in state MASTERING_TASK_PREVIEW_COMPLETED" in fail.json()["message"]
    assert control.task(task_id)["state"] == "MASTERING_TASK_PREVIEW_COMPLETED"
