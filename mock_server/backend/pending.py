"""Webhooks a mock with its state in memory could not deliver before it stopped, kept for its
next start.

When such a mock stops, its pending deliveries get a few seconds to go out. Any still pending (a
receiver that is down, a retry backing off) are written to :data:`PENDING_FILE` in its storage
folder (``Settings.storage_dir``), which outlives the process, and the next mock started on that
folder sends them. Without a storage folder there is nowhere to keep them; each is logged (task,
URL, payload), so none disappears unseen. A mock on a state file needs none of this: its webhook
log is the queue, and the next start sends what is pending (:mod:`tonn_mock.state.outbox`).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tonn_mock.core.json_body import MalformedJson, parse_json
from tonn_mock.webhooks import Delivery

if TYPE_CHECKING:
    from tonn_mock.backend.instance import MockBackend

log = logging.getLogger("tonn_mock")
PENDING_FILE = ".pending-webhooks.json"
"""A dot name: never a storage key, so never listed or served as a blob."""


def keep_pending(backend: MockBackend, deliveries: list[Delivery]) -> Path | None:
    """Log each undelivered webhook and keep them for the next start; returns the file, if any."""
    for delivery in deliveries:
        log.warning(
            "webhook not delivered before shutdown: task=%s url=%s payload=%s",
            delivery.task_id,
            delivery.url,
            json.dumps(delivery.payload),
        )
    folder = backend.settings.storage_dir
    if not deliveries or folder is None:
        return None
    path = Path(folder) / PENDING_FILE
    records = [{"task_id": d.task_id, "url": d.url, "payload": d.payload} for d in deliveries]
    staged = path.with_name(f"{PENDING_FILE}.part")
    staged.write_text(json.dumps(_kept(path) + records), encoding="utf-8")
    os.replace(staged, path)
    log.warning("%d webhook(s) kept in %s for the next start", len(records), path)
    return path


def resume_pending(backend: MockBackend) -> int:
    """Send the webhooks a previous mock on this storage folder kept; returns how many."""
    folder = backend.settings.storage_dir
    if folder is None:
        return 0
    path = Path(folder) / PENDING_FILE
    records = _kept(path)
    path.unlink(missing_ok=True)
    for record in records:
        backend.webhooks.enqueue(record["task_id"], record["url"], record["payload"])
    return len(records)


def _kept(path: Path) -> list[dict[str, Any]]:
    """The deliveries kept in ``path`` (none if it is missing or unreadable, which is logged)."""
    try:
        records = parse_json(path.read_bytes())
    except FileNotFoundError:
        return []
    except (OSError, MalformedJson) as problem:
        log.warning("ignoring %s: %s", path, problem)
        return []
    if not isinstance(records, list) or not all(_is_record(record) for record in records):
        log.warning("ignoring %s: not a list of kept deliveries", path)
        return []
    return records


def _is_record(record: Any) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("task_id"), str)
        and isinstance(record.get("url"), str)
        and isinstance(record.get("payload"), dict)
    )
