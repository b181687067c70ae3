"""A mock on a state file forgets nothing when it is replaced by a new one on the same file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from flask import Flask

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.settings import Settings
from tonn_mock.state import StateVersionError
from tonn_mock.state.sqlite import EVICTION_STEP
from tonn_mock.webhooks import RecordingSender

from ..conftest import API_KEY, decode, upload, wav_bytes


def mastering_body(url: str) -> dict[str, object]:
    return {
        "masteringData": {
            "trackData": [{"trackURL": url}],
            "musicalStyle": "POP",
            "desiredLoudness": "MEDIUM",
        }
    }


def start(folder: Path, clock: FakeClock, sender: RecordingSender, **settings: object) -> Flask:
    options = {
        "rate_limit_enabled": False,
        "storage_dir": folder / "files",
        "state_path": folder / "state.db",
    }
    return create_app(
        Settings(**{**options, **settings}), Seams(clock=clock, ids=IdFactory(None), sender=sender)
    )


@pytest.fixture
def mocks(tmp_path: Path) -> Iterator[list[Flask]]:
    started: list[Flask] = []
    yield started
    for app in started:
        MockControl(app).backend.close()


def client_of(app: Flask) -> httpx.Client:
    transport = httpx.WSGITransport(app=app)
    return httpx.Client(transport=transport, base_url="http://testserver", headers={"X-API-Key": API_KEY})


def test_tasks_credits_and_download_urls_survive_a_restart(tmp_path: Path, mocks: list[Flask]) -> None:
    clock, sender = FakeClock(), RecordingSender()
    mocks.append(first := start(tmp_path, clock, sender))
    with client_of(first) as client:
        song = upload(client, wav_bytes(seconds=12))
        task_id = client.post("/masteringpreview", json=mastering_body(song)).json()["mastering_task_id"]
        preview = client.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}})
        final = client.post("/retrievefinalmaster", json={"masteringData": {"masteringTaskId": task_id}})
        balance = MockControl(first).credits(API_KEY)
    MockControl(first).backend.close()

    mocks.append(second := start(tmp_path, clock, sender))
    with client_of(second) as client:
        again = client.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}})
        assert again.json() == preview.json()
        url = final.json()["finalMasterTaskResults"]["download_url_mastered"]
        samples, rate = decode(client, url)  # signed by the first mock, rendered by the second
        assert (rate, samples.shape[1]) == (44100, 2) and samples.shape[0] > 10 * rate
        assert MockControl(second).credits(API_KEY) == balance  # the final master is not charged twice
        client.post("/retrievefinalmaster", json={"masteringData": {"masteringTaskId": task_id}})
        assert MockControl(second).credits(API_KEY) == balance


def test_time_based_tasks_count_from_their_creation_across_a_restart(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    clock, sender = FakeClock(), RecordingSender()
    mocks.append(first := start(tmp_path, clock, sender, progression="after_seconds:60"))
    with client_of(first) as client:
        song = upload(client, wav_bytes(seconds=12))
        task_id = client.post("/masteringpreview", json=mastering_body(song)).json()["mastering_task_id"]
    MockControl(first).backend.close()
    clock.advance(61)

    mocks.append(second := start(tmp_path, clock, sender))
    assert MockControl(second).progression() == "after_seconds:60"
    with client_of(second) as client:
        answer = client.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}})
    assert answer.status_code == 200
    assert answer.json()["previewMasterTaskResults"]["status"] == "MASTERING_TASK_PREVIEW_COMPLETED"


def test_scripted_faults_and_failures_are_shared_by_every_process_on_the_state(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    clock, sender = FakeClock(), RecordingSender()
    mocks.extend([one := start(tmp_path, clock, sender), two := start(tmp_path, clock, sender)])
    MockControl(one).inject_fault(operation="getHealth", status=503, count=2)
    with client_of(one) as first, client_of(two) as second:
        statuses = [
            first.get("/health").status_code,
            second.get("/health").status_code,
            first.get("/health").status_code,
        ]
    assert statuses == [503, 503, 200]  # the count runs down once across both
    MockControl(two).fail_next("GPU lost", count=1)
    with client_of(one) as client:
        song = upload(client, wav_bytes(seconds=12))
        task_id = client.post("/masteringpreview", json=mastering_body(song)).json()["mastering_task_id"]
    assert MockControl(two).task(task_id)["state"] == "MASTERING_TASK_FAILED"


def test_a_reset_through_one_process_empties_the_state_for_all(tmp_path: Path, mocks: list[Flask]) -> None:
    clock, sender = FakeClock(), RecordingSender()
    mocks.extend([one := start(tmp_path, clock, sender), two := start(tmp_path, clock, sender)])
    with client_of(one) as client:
        song = upload(client, wav_bytes(seconds=12))
        client.post("/masteringpreview", json=mastering_body(song))
    assert len(MockControl(two).tasks()) == 1
    MockControl(two).reset()
    assert MockControl(one).tasks() == []


def test_a_state_file_of_another_schema_version_is_refused_in_one_line(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    with pytest.raises(StateVersionError) as refused:
        create_app(Settings(state_path=path))
    message = str(refused.value)
    assert "\n" not in message
    assert "schema version 0 is older than this tonn-mock's (2) and cannot be migrated" in message
    with sqlite3.connect(path) as connection:  # refused, not rewritten
        assert connection.execute("SELECT value FROM meta").fetchall() == [("0",)]


VERSION_1_LAYOUT = """
CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, record TEXT NOT NULL);
CREATE TABLE journal_keys (key TEXT PRIMARY KEY, seq INTEGER NOT NULL);
ALTER TABLE tasks RENAME TO tasks_now;
DROP INDEX tasks_running;
DROP INDEX tasks_by_finish;
CREATE TABLE tasks (
    id TEXT PRIMARY KEY, created_at REAL NOT NULL, running INTEGER NOT NULL, finished_seq INTEGER,
    record TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX tasks_running ON tasks (running) WHERE running = 1;
CREATE INDEX tasks_by_finish ON tasks (finished_seq);
INSERT INTO tasks SELECT id, created_at, running, finished_seq, record FROM tasks_now;
DROP TABLE tasks_now;
"""
"""What version 1 had that version 2 does not: the journal tables, tasks in a table without row ids."""


def test_a_state_file_of_the_first_layout_is_migrated_keeping_its_tasks(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    import sqlite3

    clock, sender = FakeClock(), RecordingSender()
    first = start(tmp_path, clock, sender)
    with client_of(first) as client:
        task_id = client.post("/masteringpreview", json=mastering_body("https://e.com/a.wav")).json()[
            "mastering_task_id"
        ]
    MockControl(first).backend.close()
    with sqlite3.connect(tmp_path / "state.db") as connection:  # as version 1 wrote it
        connection.executescript(VERSION_1_LAYOUT)
        connection.execute("UPDATE meta SET value = '1' WHERE name = 'schema_version'")

    mocks.append(second := start(tmp_path, clock, sender))
    assert [task["id"] for task in MockControl(second).tasks()] == [task_id]
    with sqlite3.connect(tmp_path / "state.db") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()[0]
        layout = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'tasks'").fetchone()[0]
    assert version == "2" and not tables & {"journal", "journal_keys", "tasks_before"}
    assert "WITHOUT ROWID" not in layout


def test_each_worker_journals_its_own_requests_and_reads_every_workers(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    clock, sender = FakeClock(), RecordingSender()
    mocks.extend(
        [one := start(tmp_path, clock, sender, worker=0), two := start(tmp_path, clock, sender, worker=1)]
    )
    ids = []
    for app in (one, two, one):
        clock.advance(1)
        with client_of(app) as client:
            ids.append(
                client.post("/masteringpreview", json=mastering_body("https://e.com/a.wav")).json()[
                    "mastering_task_id"
                ]
            )
    for app in (one, two):  # in the order they were answered, whoever answered them
        assert [entry["task_id"] for entry in MockControl(app).requests()] == ids
    MockControl(two).reset()
    assert MockControl(one).requests() == []


def test_a_file_answered_by_one_process_downloads_from_another(tmp_path: Path, mocks: list[Flask]) -> None:
    clock, sender = FakeClock(), RecordingSender()
    mocks.extend([one := start(tmp_path, clock, sender), two := start(tmp_path, clock, sender)])
    with client_of(one) as first, client_of(two) as second:
        song = upload(first, wav_bytes(seconds=12))
        body = {"audioCleanupData": {"audioFileLocation": song, "soundSource": "VOCAL_GROUP"}}
        cleaned = first.post("/audio-cleanup", json=body).json()["audioCleanupResults"]
        samples, rate = decode(second, cleaned["cleaned_audio_file_location"])  # no task behind it
        assert rate == 44100 and samples.shape[0] == 12 * rate
        task_id = first.post("/masteringpreview", json=mastering_body(song)).json()["mastering_task_id"]
        preview = second.post("/retrievepreviewmaster", json={"masteringData": {"masteringTaskId": task_id}})
        url = preview.json()["previewMasterTaskResults"]["download_url_mastered_preview"]
        assert second.get(url).headers["content-type"] == "audio/mpeg"


def test_the_rate_limit_counts_requests_to_every_process_on_the_state(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    clock, sender = FakeClock(), RecordingSender()
    limited = {"rate_limit_enabled": True, "rate_limit_per_minute": 3}
    mocks.extend(
        [one := start(tmp_path, clock, sender, **limited), two := start(tmp_path, clock, sender, **limited)]
    )
    with client_of(one) as first, client_of(two) as second:
        statuses = [client.get("/health").status_code for client in (first, second, first, second)]
        assert statuses == [200, 200, 200, 429]
        clock.advance(61)
        assert second.get("/health").status_code == 200


def test_credits_set_for_every_key_through_one_process_hold_in_the_other(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    clock, sender = FakeClock(), RecordingSender()
    mocks.extend([one := start(tmp_path, clock, sender), two := start(tmp_path, clock, sender)])
    MockControl(two).set_credits(500, key="known")
    MockControl(one).set_credits(42)
    assert (MockControl(two).credits("known"), MockControl(two).credits("new")) == (42, 42)


def workers_retaining_one(folder: Path, mocks: list[Flask]) -> list[Flask]:
    """Two workers on the state in ``folder`` that keep one finished task (and one clean-up)."""
    clock, sender = FakeClock(), RecordingSender()
    mocks.extend(start(folder, clock, sender, worker=number, retain_tasks=1) for number in (0, 1))
    return mocks[-2:]


def test_a_task_one_worker_forgot_past_the_retention_limit_is_gone_from_every_worker(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    one, two = workers_retaining_one(tmp_path, mocks)
    song = mastering_body("https://e.com/a.wav")
    with client_of(one) as first, client_of(two) as second:
        task_id = second.post("/masteringpreview", json=song).json()["mastering_task_id"]
        old = {"masteringData": {"masteringTaskId": task_id}}
        preview = second.post("/retrievepreviewmaster", json=old).json()["previewMasterTaskResults"]
        for _ in range(EVICTION_STEP + 1):  # the first worker finishes these, and forgets the oldest
            first.post("/masteringpreview", json=song)

        assert first.post("/retrievepreviewmaster", json=old).status_code == 404
        assert second.post("/retrievepreviewmaster", json=old).status_code == 404
        assert second.get(preview["download_url_mastered_preview"]).status_code == 404


def test_a_cleaned_file_one_worker_forgot_past_the_retention_limit_is_gone_from_every_worker(
    tmp_path: Path, mocks: list[Flask]
) -> None:
    one, two = workers_retaining_one(tmp_path, mocks)
    with client_of(one) as first, client_of(two) as second:
        song = upload(first, wav_bytes(seconds=12))
        body = {"audioCleanupData": {"audioFileLocation": song, "soundSource": "VOCAL_GROUP"}}
        cleaned = second.post("/audio-cleanup", json=body).json()["audioCleanupResults"]
        newer = first.post("/audio-cleanup", json=body).json()["audioCleanupResults"]  # the first forgets it

        assert second.get(cleaned["cleaned_audio_file_location"]).status_code == 404
        assert first.get(cleaned["cleaned_audio_file_location"]).status_code == 404
        assert second.get(newer["cleaned_audio_file_location"]).status_code == 200
