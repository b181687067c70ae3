"""A shared mock that is killed (``kill -9``) or stopped and started again on the same state
loses nothing it answered: tasks, their progress and their webhooks."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tonn_mock.state import STATE_FILE
from tonn_mock.testing.serving import Spawned, spawn

from ..conftest import upload, wav_bytes
from ..webhooks.receiver import HANG, WebhookReceiver

KEY = {"X-API-Key": "team"}
BODY = {
    "masteringData": {
        "trackData": [{"trackURL": "https://example.com/songs/one.wav"}],
        "musicalStyle": "POP",
        "desiredLoudness": "MEDIUM",
    }
}


def children(pid: int, count: int = 2) -> list[int]:
    """The worker processes of a supervisor, once it has ``count`` (within 10 s)."""
    deadline = time.monotonic() + 10
    while True:
        found = [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def burst(url: str, answered: list[str], stop: threading.Event) -> None:
    """Create tasks on fresh connections until ``stop``; keep the ids of those answered 200."""
    with httpx.Client(headers=KEY, timeout=5) as client:
        while not stop.is_set():
            try:
                response = client.post(f"{url}/masteringpreview", json=BODY)
            except httpx.TransportError:
                return
            if response.status_code == 200:
                answered.append(response.json()["mastering_task_id"])


def test_kill_9_of_every_process_mid_burst_loses_no_answered_task(tmp_path: Path) -> None:
    options = ("--workers", "2", "--storage-dir", str(tmp_path), "--no-credits")
    answered: list[str] = []
    with spawn(*options, "--progression", "after_seconds:2") as first:
        stop = threading.Event()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            for _ in range(4):
                pool.submit(burst, first.url, answered, stop)
            while len(answered) < 300:
                time.sleep(0.01)
            for pid in (first.process.pid, *children(first.process.pid)):
                os.kill(pid, signal.SIGKILL)  # mid-burst: no process gets to stop cleanly
            stop.set()
    assert len(answered) >= 300

    with spawn(*options) as second:  # the state remembers the progression too
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            tasks = {task["id"]: task for task in httpx.get(f"{second.url}/_mock/tasks").json()}
            if all(not task["running"] for task in tasks.values()):
                break
            time.sleep(0.2)
    assert set(answered) <= set(tasks)  # every task answered 200 is there...
    assert {tasks[task_id]["state"] for task_id in answered} == {
        "MASTERING_TASK_PREVIEW_COMPLETED"
    }  # ...and done
    for task_id in answered[:3]:  # counted from its creation, before the kill
        history = tasks[task_id]["history"]
        assert history[-1]["at"] - history[0]["at"] >= 2.0


def replaced(supervisor: int, dead: int) -> list[int]:
    """The workers of ``supervisor`` once the ``dead`` one is gone from them (within 10 s)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and dead in children(supervisor):
        time.sleep(0.1)
    return children(supervisor)


def test_a_worker_that_dies_is_started_again(tmp_path: Path) -> None:
    with spawn("--workers", "2", "--storage-dir", str(tmp_path)) as served:
        before = children(served.process.pid)
        os.kill(before[1], signal.SIGKILL)
        after = replaced(served.process.pid, before[1])
        assert len(after) == 2 and before[1] not in after
        statuses = {
            httpx.post(f"{served.url}/masteringpreview", json=BODY, headers=KEY).status_code
            for _ in range(20)
        }
        assert statuses == {200}


def housekeeper(state: Path, other_than: int = 0) -> int:
    """The worker holding the housekeeping lock beside ``state`` (from /proc/locks), once it is
    one other than ``other_than`` (within 10 s)."""
    inode = state.with_name(f"{state.name}.housekeeper").stat().st_ino
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()  # "1: FLOCK ADVISORY WRITE <pid> <major>:<minor>:<inode> 0 EOF"
            if (
                fields[1] == "FLOCK"
                and int(fields[5].rsplit(":", 1)[1]) == inode
                and int(fields[4]) != other_than
            ):
                return int(fields[4])
        time.sleep(0.05)
    raise AssertionError("no worker took the housekeeping lock")


def test_when_the_worker_keeping_the_house_dies_another_takes_over(tmp_path: Path) -> None:
    receiver = WebhookReceiver()
    options = ("--workers", "2", "--storage-dir", str(tmp_path), "--progression", "after_seconds:1")
    try:
        with spawn(*options) as served:
            keeper = housekeeper(tmp_path / STATE_FILE)
            os.kill(keeper, signal.SIGKILL)
            assert housekeeper(tmp_path / STATE_FILE, other_than=keeper) != keeper
            replaced(served.process.pid, keeper)  # the connections it had queued were reset
            body = {"masteringData": {**BODY["masteringData"], "webhookURL": receiver.url()}}
            task_id = httpx.post(f"{served.url}/masteringpreview", json=body, headers=KEY).json()[
                "mastering_task_id"
            ]
            webhooks = [hook.json() for hook in receiver.take(2, timeout=15)]  # time still moves
    finally:
        receiver.close()
    assert [(hook["mastering_task_id"], hook["state"]) for hook in webhooks] == [
        (task_id, "MASTERING_TASK_PENDING"),
        (task_id, "MASTERING_TASK_PREVIEW_COMPLETED"),
    ]


def test_the_next_housekeeper_sends_again_only_the_webhook_whose_sender_died_before_its_2xx(
    tmp_path: Path,
) -> None:
    receiver = WebhookReceiver()
    receiver.respond(200, HANG)  # the pending state's webhook is answered, the completed one held
    try:
        with spawn("--workers", "2", "--storage-dir", str(tmp_path)) as served:
            body = {"masteringData": {**BODY["masteringData"], "webhookURL": receiver.url()}}
            httpx.post(f"{served.url}/masteringpreview", json=body, headers=KEY)
            first = [hook.json()["state"] for hook in receiver.take(2, timeout=10)]
            os.kill(housekeeper(tmp_path / STATE_FILE), signal.SIGKILL)  # while the receiver holds the second
            again = receiver.get(timeout=15).json()["state"]
            with pytest.raises(AssertionError, match="no webhook arrived"):
                receiver.get(timeout=1.5)
    finally:
        receiver.close()
    assert first == ["MASTERING_TASK_PENDING", "MASTERING_TASK_PREVIEW_COMPLETED"]
    assert again == "MASTERING_TASK_PREVIEW_COMPLETED"


def test_serve_refuses_a_state_file_of_another_schema_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "old-state.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    tonn_mock = Path(sys.executable).parent / "tonn-mock"
    result = subprocess.run(
        [tonn_mock, "serve", "--port", "0", "--state", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"Error: {path}: state schema version 0 is older than this tonn-mock's (2) and cannot be migrated; "
        "move the file away or start with a fresh --state"
    ]


def refusal(*options: str) -> list[str]:
    """The lines a ``tonn-mock serve`` with ``options`` printed as it refused to start (exit code 2)."""
    tonn_mock = Path(sys.executable).parent / "tonn-mock"
    result = subprocess.run(
        [tonn_mock, "serve", "--port", "0", *options], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stderr
    return result.stderr.splitlines()


@pytest.mark.parametrize("first", [(), ("--workers", "2")], ids=["one-process", "two-workers"])
def test_a_second_mock_on_a_served_state_is_refused_and_the_first_goes_on(
    tmp_path: Path, first: tuple[str, ...]
) -> None:
    """One process holds its state file alone, so no two mocks can serve one state unless they
    are one command's workers; the one already serving notices nothing."""
    state = tmp_path / "state.sqlite3"
    in_use = [
        f"Error: {state} is in use by another tonn-mock serve (one process holds its state file alone); "
        "stop it, or serve one state from several processes with --workers"
    ]
    with (
        spawn(*first, "--state", str(state)) as served,
        httpx.Client(base_url=served.url, headers=KEY) as client,
    ):
        task_id = client.post("/masteringpreview", json=BODY).json()["mastering_task_id"]
        second = [(), ("--workers", "2")] if not first else [()]
        for options in second:
            assert refusal(*options, "--state", str(state)) == in_use
        poll = {"masteringData": {"masteringTaskId": task_id}}
        assert client.post("/retrievepreviewmaster", json=poll).status_code == 200
        assert client.post("/masteringpreview", json=BODY).status_code == 200

    with spawn("--state", str(state)) as restarted:  # once it stopped, the state serves again
        tasks = httpx.get(f"{restarted.url}/_mock/tasks").json()
    assert task_id in {task["id"] for task in tasks}


def reached_through(served: Spawned, url: str) -> httpx.Response:
    """GET ``url`` (handed out by an earlier mock on another port) from the mock ``served``."""
    return httpx.get(httpx.URL(url).copy_with(port=httpx.URL(served.url).port))


def test_a_state_file_alone_keeps_the_files_beside_it_so_a_restart_serves_every_url(tmp_path: Path) -> None:
    state = tmp_path / "staging.sqlite3"
    song = wav_bytes(seconds=12)
    with spawn("--state", str(state)) as first, httpx.Client(base_url=first.url, headers=KEY) as client:
        readable = upload(client, song)
        body = {"masteringData": {**BODY["masteringData"], "trackData": [{"trackURL": readable}]}}
        task_id = client.post("/masteringpreview", json=body).json()["mastering_task_id"]
        task = {"masteringData": {"masteringTaskId": task_id}}
        client.post("/retrievepreviewmaster", json=task)
        final = client.post("/retrievefinalmaster", json=task).json()["finalMasterTaskResults"]
        mastered = client.get(final["download_url_mastered"]).content

    with spawn("--state", str(state)) as restarted:
        assert reached_through(restarted, readable).content == song
        assert reached_through(restarted, final["download_url_mastered"]).content == mastered
    kept = tmp_path / "staging.sqlite3.files" / "uploads"
    assert [path.read_bytes() for path in kept.glob("*/track.wav")] == [song]


def test_a_storage_folder_named_by_its_variable_keeps_the_state_as_the_option_does(tmp_path: Path) -> None:
    folder = {"TONN_MOCK_STORAGE_DIR": str(tmp_path)}
    with spawn(env=folder) as first:
        task_id = httpx.post(f"{first.url}/masteringpreview", json=BODY, headers=KEY).json()[
            "mastering_task_id"
        ]
    with spawn(env=folder) as restarted:
        tasks = httpx.get(f"{restarted.url}/_mock/tasks").json()
    assert task_id in {task["id"] for task in tasks}
    assert (tmp_path / STATE_FILE).is_file()
