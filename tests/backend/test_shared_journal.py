"""The journal of several workers: each appends to its own log, any reads them all, in the order
the requests were answered; a reset by any empties them; a log cut short by a kill still reads."""

from __future__ import annotations

from pathlib import Path

from tonn_mock.backend.journal import JournalEntry
from tonn_mock.backend.shared_journal import SharedJournal


def answered(at: float, key: str = "k", path: str = "/masteringpreview") -> JournalEntry:
    body = {"masteringData": {"trackData": [{"trackURL": "https://e.com/a.wav"}], "n": at}}
    return JournalEntry(
        "POST", path, b"", "createMasteringPreview", key, 200, at, body, b'{"ok":1}', "application/json"
    )


def test_every_workers_requests_read_in_the_order_they_were_answered(tmp_path: Path) -> None:
    one, two = SharedJournal(tmp_path, 0, size=5), SharedJournal(tmp_path, 1, size=5)
    for at in range(1, 13):  # each log rotates past 5 entries; the newest 5 of all are read
        (one if at % 2 else two).record(answered(float(at)))
    for reader in (one, two):
        assert [entry["time"] for entry in reader.entries()] == [8.0, 9.0, 10.0, 11.0, 12.0]
        assert reader.entries()[-1]["body"] == answered(12.0).body


def test_a_reset_through_one_worker_empties_every_log_and_the_keys_seen(tmp_path: Path) -> None:
    one, two = SharedJournal(tmp_path, 0), SharedJournal(tmp_path, 1)
    one.record(answered(1.0, key="first"))
    two.record(answered(2.0, key="second"))
    assert one.keys() == ["first", "second"]
    two.clear()
    assert (one.entries(), two.keys()) == ([], [])
    one.record(answered(3.0, key="first"))  # seen before the reset: a key of the new run
    assert [entry["time"] for entry in two.entries()] == [3.0] and two.keys() == ["first"]


def test_a_log_cut_short_by_a_kill_reads_up_to_the_cut(tmp_path: Path) -> None:
    journal = SharedJournal(tmp_path, 0)
    journal.record(answered(1.0))
    journal.record(answered(2.0))
    journal.close()
    log = tmp_path / "worker-0.log"
    log.write_bytes(log.read_bytes()[:-7])  # the second frame, half written
    again = SharedJournal(tmp_path, 0)  # started in the killed worker's place
    assert [entry["time"] for entry in again.entries()] == [1.0]
    again.record(answered(3.0))  # appended after the last whole frame
    assert [entry["time"] for entry in again.entries()] == [1.0, 3.0]
