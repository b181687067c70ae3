"""Everything one mock instance knows and does, with no HTTP in it.

``MockBackend`` owns the store, blob storage, URL signer, webhook dispatcher, task service,
credit ledger and scripted faults. ``create_app`` puts one in ``app.extensions["tonn_mock"]``;
the control API's reset swaps in a fresh one built from the same settings and seams.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .clock import Clock, IdFactory, SystemClock
from .credits import Ledger
from .faults import FaultBook
from .inputs import InputResolver
from .results import DeferredResults
from .settings import Settings
from .storage import BlobStore, DirectoryBlobStore, TemporaryBlobStore, UrlSigner
from .tasks.models import Task
from .tasks.progression import parse_policy
from .tasks.service import TaskService
from .tasks.store import MemoryStore, Store
from .ticker import Ticker
from .webhooks import DeliveryAttempt, RetryPolicy, WebhookDispatcher, WebhookSender

log = logging.getLogger("tonn_mock")


@dataclass(frozen=True)
class Seams:
    """The replaceable edges of a backend: time, identifiers, webhook I/O and storage."""

    clock: Clock
    ids: IdFactory
    sender: WebhookSender | None = None
    store_factory: type[MemoryStore] = MemoryStore

    @classmethod
    def default(cls, settings: Settings) -> Seams:
        return cls(clock=SystemClock(), ids=IdFactory(settings.seed))


class MockBackend:
    def __init__(self, settings: Settings, seams: Seams) -> None:
        self.settings = settings
        self.seams = seams
        self.clock = seams.clock
        self.store: Store = seams.store_factory()
        self.blobs: BlobStore = _blob_store(settings)
        self.signer = UrlSigner(settings.signing_secret, self.clock.now)
        self.webhooks = WebhookDispatcher(seams.sender, _retry_policy(settings), on_attempt=_log_attempt)
        self.faults = FaultBook()
        self.ledger = Ledger(self.store, settings.initial_credits, settings.credits_enabled)
        self.results = DeferredResults(self.blobs)
        self.inputs = InputResolver(self.blobs, self.results, settings.fetch_remote_inputs)
        self.tasks = TaskService(
            self.store, self.clock, seams.ids, parse_policy(settings.progression), self._notify
        )
        self.ticker = Ticker(self.tasks)
        if isinstance(self.clock, SystemClock):
            self.ticker.start()

    def download_url(self, base_url: str, key: str, ttl: int | None = None) -> str:
        """A signed GET URL for a stored result."""
        return self.signer.sign("GET", key, ttl or self.settings.download_url_ttl, None, base_url)

    def close(self) -> None:
        self.ticker.stop()
        self.tasks.shutdown()
        self.webhooks.close(timeout=1.0)
        close = getattr(self.blobs, "close", None)
        if callable(close):
            close()

    def _notify(self, task: Task) -> None:
        if task.webhook_url is None:
            return
        from .notifications import webhook_payload  # the areas import the backend

        self.webhooks.enqueue(task.id, task.webhook_url, webhook_payload(self, task))


def _blob_store(settings: Settings) -> BlobStore:
    if settings.storage_dir is None:
        return TemporaryBlobStore(max_bytes=settings.max_upload_bytes)
    return DirectoryBlobStore(settings.storage_dir, max_bytes=settings.max_upload_bytes)


def _retry_policy(settings: Settings) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=settings.webhook_max_attempts,
        base_delay=settings.webhook_base_delay,
        max_delay=settings.webhook_max_delay,
        timeout=settings.webhook_timeout,
    )


def _log_attempt(attempt: DeliveryAttempt) -> None:
    log.info(
        "webhook POST %s task=%s attempt=%d status=%s error=%s outcome=%s %.0fms",
        attempt.url,
        attempt.task_id,
        attempt.number,
        attempt.status_code,
        attempt.error,
        attempt.outcome,
        attempt.duration_ms,
    )
