"""The control plane in Python: a mistake is one clear line, credits follow the key your code sends,
and the request journal answers "what did my code send?"."""

from __future__ import annotations

import httpx
import pytest

from tonn_mock.backend.journal import BODY_CAP, JournalEntry, RequestJournal
from tonn_mock.control import ControlError, MockControl, TaskFinished, UnknownTask

from ..conftest import upload
from ..gateway.test_gateway import MASTERING


def create(client: httpx.Client) -> str:
    answer = client.post("/masteringpreview", json=MASTERING)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["mastering_task_id"])


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda c: c.inject_fault("createMasteringPreveiw", status=503), ControlError, "did you mean"),
        (lambda c: c.set_progression("sometimes"), ControlError, "valid: immediate, manual"),
        (lambda c: c.tasks(lifecycle="masterin"), ControlError, "unknown lifecycle 'masterin'"),
        (lambda c: c.fail_next(count=0), ControlError, "count must be >= 1, not 0"),
        (lambda c: c.task("nope"), UnknownTask, "no task 'nope' in the mock"),
        (lambda c: c.webhooks("nope"), UnknownTask, "no task 'nope' in the mock"),
        (lambda c: c.requests(operation="getHelth"), ControlError, "unknown operation 'getHelth'"),
    ],
)
def test_a_wrong_name_is_one_line_listing_what_is_valid(
    control: MockControl, call: object, error: type[ControlError], message: str
) -> None:
    with pytest.raises(error, match=message) as raised:
        call(control)  # type: ignore[operator]
    assert "\n" not in str(raised.value)
    shown_context = raised.value.__context__ is not None and not raised.value.__suppress_context__
    assert raised.value.__cause__ is None and not shown_context  # no "During handling..." traceback
    assert control.faults() == []


def test_under_immediate_a_task_has_finished_when_the_create_call_answers(
    client: httpx.Client, control: MockControl
) -> None:
    assert control.progression() == "immediate"
    task_id = create(client)

    assert control.task(task_id)["state"] == "MASTERING_TASK_PREVIEW_COMPLETED"
    with pytest.raises(TaskFinished, match="it has finished in state MASTERING_TASK_PREVIEW_COMPLETED"):
        control.fail(task_id, "too late")
    with pytest.raises(TaskFinished):
        control.advance(task_id)
    assert control.complete(task_id)["state"] == "MASTERING_TASK_PREVIEW_COMPLETED"  # already done


def test_a_failed_task_cannot_be_completed(client: httpx.Client, control: MockControl) -> None:
    control.set_progression("manual")
    task_id = create(client)
    control.fail(task_id, "broken")

    with pytest.raises(TaskFinished, match="it has failed in state MASTERING_TASK_FAILED"):
        control.complete(task_id)


def test_set_credits_without_a_key_reaches_the_key_the_code_sends(
    client: httpx.Client, control: MockControl
) -> None:
    task_id = create(client)
    control.set_credits(0)

    final = client.post("/retrievefinalmaster", json={"masteringData": {"masteringTaskId": task_id}})

    assert final.status_code == 402
    assert control.credits() == 0  # the one key the code has sent


def test_credits_without_a_key_is_ambiguous_once_two_keys_were_used(
    client: httpx.Client, control: MockControl
) -> None:
    client.get("/health")
    client.get("/health", headers={"X-API-Key": "second-key"})

    with pytest.raises(ControlError, match=r"ambiguous: requests came with 2 keys \(test-key, second-key\)"):
        control.credits()


def test_the_journal_keeps_what_the_code_sent(client: httpx.Client, control: MockControl) -> None:
    task_id = create(client)
    client.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}})
    client.post("/masteringpreview", json={"masteringData": {}})

    sent = control.requests(task_id=task_id)
    refused = control.requests(status=400)

    assert [r["operation"] for r in sent] == ["createMasteringPreview", "retrievePreviewMaster"]
    assert sent[0]["body"] == MASTERING and sent[0]["response"]["mastering_task_id"] == task_id
    assert [(r["path"], r["key"]) for r in refused] == [("/masteringpreview", "test-key")]
    assert "Invalid request body" in refused[0]["response"]["message"]
    assert control.assert_called("retrievePreviewMaster", times=1, task_id=task_id) == sent[1:]


def test_assert_called_lists_what_was_called(client: httpx.Client, control: MockControl) -> None:
    client.get("/health")

    with pytest.raises(AssertionError) as raised:
        control.assert_called("createMasteringPreview")

    assert str(raised.value) == (
        "expected createMasteringPreview to be called at least once, it was called 0 time(s); "
        "the mock answered 1 request(s):\n  GET /health (getHealth) -> 200"
    )


def test_a_reset_empties_the_journal_and_the_control_plane_is_not_in_it(
    client: httpx.Client, control: MockControl
) -> None:
    client.get("/health")
    client.get("/_mock/tasks")
    assert [r["path"] for r in control.requests()] == ["/health"]

    control.reset()

    assert control.requests() == []


def test_audio_bodies_are_not_kept(client: httpx.Client, control: MockControl) -> None:
    upload(client, b"RIFF" + bytes(BODY_CAP * 4))

    put = control.requests(method="PUT")
    assert len(put) == 1 and put[0]["body"] is None and put[0]["operation"] is None


def test_the_journal_is_bounded() -> None:
    journal = RequestJournal(size=3)
    for n in range(5):
        journal.record(JournalEntry("GET", f"/{n}", b"", "getHealth", "k", 200, float(n)))

    assert [entry["path"] for entry in journal.entries()] == ["/2", "/3", "/4"]
