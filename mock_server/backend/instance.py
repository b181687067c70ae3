"""Everything one mock instance knows and does, with no HTTP in it.

``MockBackend`` owns the store, blob storage, URL signer, webhook dispatcher, task service,
credit ledger and scripted faults, all on one clock. It knows products only through the
:class:`~tonn_mock.backend.catalog.Catalog` it is given (lifecycles, prices, webhook bodies).
``create_app`` puts one in ``app.extensions["tonn_mock"]``; the control API's reset swaps in a
fresh one built from the same settings, seams and catalog.

With ``settings.state_path`` the state lives in a SQLite file (:mod:`tonn_mock.state`) that
worker processes share and restarts keep: the store, the signing secret and the webhook log.
Then only the ``housekeeper`` process moves time-based tasks and sends webhooks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tonn_mock.backend.catalog import Catalog
from tonn_mock.backend.credits import Ledger
from tonn_mock.backend.faults import FaultBook
from tonn_mock.backend.inputs import InputResolver
from tonn_mock.backend.journal import RequestJournal
from tonn_mock.backend.pending import keep_pending, resume_pending
from tonn_mock.backend.shared_journal import SharedJournal, journal_folder
from tonn_mock.core.clock import Clock, IdFactory, SystemClock
from tonn_mock.core.settings import Settings
from tonn_mock.state import DurableWebhooks, SqliteStore
from tonn_mock.storage import RESULTS_PREFIX, BlobStore, DirectoryBlobStore, TemporaryBlobStore, UrlSigner
from tonn_mock.storage.deferred import DeferredResults, SharedSteps
from tonn_mock.tasks.models import Task
from tonn_mock.tasks.progression import parse_policy
from tonn_mock.tasks.service import TaskService, WorkFailed
from tonn_mock.tasks.store import MemoryStore, Store
from tonn_mock.tasks.ticker import Ticker
from tonn_mock.webhooks import DeliveryAttempt, RetryPolicy, WebhookDispatcher, WebhookSender

log = logging.getLogger("tonn_mock")
MAX_ERRORS = 100


@dataclass(frozen=True)
class Seams:
    """The replaceable edges of a backend: time, identifiers, webhook I/O and storage."""

    clock: Clock
    ids: IdFactory
    sender: WebhookSender | None = None
    store_factory: type[MemoryStore] = MemoryStore

    @classmethod
    def default(cls, settings: Settings) -> Seams:
        """Real time; seeded ids only in memory (on a state file a seeded sequence would give a
        restarted mock, or a second worker, the ids of tasks it already holds)."""
        seed = settings.seed if settings.state_path is None else None
        return cls(clock=SystemClock(), ids=IdFactory(seed))


class MockBackend:
    def __init__(self, settings: Settings, seams: Seams, catalog: Catalog) -> None:
        self.settings = settings
        self.seams = seams
        self.catalog = catalog
        self.clock = seams.clock
        self.state_file = SqliteStore(settings.state_path) if settings.state_path is not None else None
        self.store: Store = self.state_file or seams.store_factory()
        self.blobs: BlobStore = _blob_store(settings, self.clock)
        secret = (
            self.state_file.shared_secret(settings.signing_secret)
            if self.state_file
            else settings.signing_secret
        )
        self.signer = UrlSigner(secret, self.clock)
        self.webhooks: WebhookDispatcher | DurableWebhooks = _webhooks(settings, seams, self.state_file)
        self.faults = FaultBook(self.store)
        self.journal: RequestJournal | SharedJournal = (
            SharedJournal(journal_folder(self.state_file.path), settings.worker)
            if self.state_file and settings.worker is not None
            else RequestJournal()
        )
        self.ledger = Ledger(self.store, catalog.prices, settings.initial_credits, settings.credits_enabled)
        shared_with_workers = self.state_file is not None and settings.worker is not None
        self.results = DeferredResults(
            self.blobs,
            restore=self._restore_renders,
            still_kept=self._still_kept if shared_with_workers else None,
        )
        self.shared = SharedSteps()
        self.inputs = InputResolver(self.blobs, self.results, self.signer, settings.fetch_remote_inputs)
        self.tasks = TaskService(
            self.store,
            self.clock,
            seams.ids,
            parse_policy(settings.progression),
            self._notify,
            catalog.lifecycles,
            work=functools.partial(catalog.work, self),
            retain=settings.retain_tasks or None,
            on_evict=self._forget_files,
            on_work_error=self._work_error,
        )
        self.errors: list[BaseException] = []
        """Faults of the mock met outside any request (a task's work that raised), at most 100."""
        self._faulted: set[str] = set()
        self.ticker = Ticker(self.tasks)
        if isinstance(self.clock, SystemClock) and settings.housekeeper:
            self.ticker.start()
        self._users, self._retired, self._storage_closed = 0, False, False
        self._users_lock = threading.Lock()
        if self.state_file is None:
            resume_pending(self)

    def keep_house(self) -> None:
        """Take on the housekeeper's work, moving time-based tasks and sending webhooks (the
        worker that did it has ended); a reset's next backend keeps it from these settings."""
        if self.settings.housekeeper:
            return
        self.settings = dataclasses.replace(self.settings, housekeeper=True)
        if isinstance(self.clock, SystemClock):
            self.ticker.start()
        if isinstance(self.webhooks, DurableWebhooks):
            self.webhooks.start_sending()

    def forget_everything(self) -> None:
        """Empty the state shared with other processes (the control API's reset; a no-op in
        memory, where the next backend starts empty anyway)."""
        if isinstance(self.webhooks, DurableWebhooks):
            self.webhooks.forget_everything()
        if isinstance(self.journal, SharedJournal):
            self.journal.clear()

    def download_url(self, base_url: str, key: str, ttl: int | None = None) -> str:
        """A signed GET URL for a stored result."""
        return self.signer.sign("GET", key, ttl or self.settings.download_url_ttl, None, base_url)

    @contextlib.contextmanager
    def charge_once(self, task_id: str, owner: str, operation: str, charge: str) -> Iterator[int]:
        """Charge ``operation`` to ``owner`` the first time the task's one-time ``charge`` is taken,
        checking and charging in one step (:meth:`TaskService.charged_once`); the credits are given
        back if the block raises. Yields the amount charged (0 if it was taken before)."""
        pay = functools.partial(self.ledger.charge, owner, operation)
        with self.tasks.charged_once(task_id, charge, pay) as paid:
            try:
                yield paid
            except BaseException:
                self.ledger.refund(owner, paid)
                raise

    # the requests using this backend, and its end ------------------------------------------

    def enter(self) -> bool:
        """Count a request that uses this backend; False once it is retired (use its successor)."""
        with self._users_lock:
            if not self._retired:
                self._users += 1
            return not self._retired

    def leave(self) -> None:
        with self._users_lock:
            self._users -= 1
            last = self._retired and self._users == 0
        if last:
            self._close_storage()

    def retire(self) -> None:
        """Replaced by a fresh backend (a reset): stop the background work now, and close the
        storage once the last request still using it has answered, so none meets a closed store."""
        self.ticker.stop()
        self.webhooks.close(timeout=1.0)
        with self._users_lock:
            self._retired = True
            idle = self._users == 0
        if idle:
            self._close_storage()

    def close(self) -> None:
        """Stop everything now, the storage included (its temporary folder is removed)."""
        self.retire()
        self._close_storage()

    def shut_down(self, timeout: float) -> None:
        """End a served mock: pending webhooks get up to ``timeout`` seconds to go out; those
        still pending then are kept in the storage folder (when it outlives the process) for the
        next start, and listed in the log; then everything is closed."""
        self.ticker.stop()
        self.webhooks.wait_idle(timeout)
        pending = self.webhooks.close(timeout=0.5)
        if self.state_file is None:
            keep_pending(self, pending)
        elif pending:
            log.warning(
                "%d webhook(s) pending, kept in %s for the next start", len(pending), self.state_file.path
            )
        self.close()

    def _close_storage(self) -> None:
        with self._users_lock:
            if self._storage_closed:
                return
            self._storage_closed = True
        close = getattr(self.blobs, "close", None)
        if callable(close):
            close()
        if self.state_file is not None:
            self.state_file.close()
        if isinstance(self.journal, SharedJournal):
            self.journal.close()

    def _work_error(self, task: Task, fault: Exception) -> None:
        """Log and keep the first fault of each task (the ticker retries the work often)."""
        if task.id in self._faulted:
            return
        self._faulted.add(task.id)
        log.error("task %s: its work raised %r (a fault of the mock; the task stays running)", task.id, fault)
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(fault)

    def _forget_files(self, task_id: str) -> None:
        folder = f"{RESULTS_PREFIX}/{task_id}/"
        self.results.forget(folder)
        for key in self.blobs.keys(folder):
            self.blobs.delete(key)

    def _restore_renders(self, folder: str) -> None:
        """Register the files of the finished task whose results live in ``folder`` (it finished
        in another process sharing the store, or before a restart). Inputs that can no longer
        be read leave the files unknown (their downloads answer 404)."""
        result_id = folder.rpartition("/")[2]
        task = self.store.get_task(result_id)
        try:
            if task is not None and not task.running:
                self.catalog.restore_renders(self, task)
            elif task is None and (recipe := self.store.recipe(result_id)) is not None:
                self.catalog.restore_recipe(self, result_id, recipe)
        except WorkFailed as problem:
            log.warning("%s: its files cannot be rendered again: %s", result_id, problem)

    def _still_kept(self, folder: str) -> bool:
        """Whether the task or answer whose files live in ``folder`` is still kept (another worker
        forgets the oldest past the retention limit)."""
        result_id = folder.rpartition("/")[2]
        return self.store.get_task(result_id) is not None or self.store.recipe(result_id) is not None

    def keep_recipe(self, result_id: str, product: str, data: Mapping[str, Any]) -> None:
        """Keep how to render a result that is no task's (a synchronous answer's file), so another
        process sharing the state, or a later run, can render it too. Past ``retain_tasks`` such
        results, the oldest are forgotten with their files, as finished tasks are."""
        recipe = {"product": product, "data": dict(data)}
        for old_id in self.store.keep_recipe(result_id, recipe, self.settings.retain_tasks):
            self._forget_files(old_id)

    def _notify(self, task: Task) -> None:
        self.catalog.on_transition(self, task)
        if task.webhook_url is None:
            return
        payload = self.catalog.webhook_payload(self, task)
        if payload is not None:
            self.webhooks.enqueue(task.id, task.webhook_url, payload)


def _blob_store(settings: Settings, clock: Clock) -> BlobStore:
    if settings.storage_dir is None:
        return TemporaryBlobStore(max_bytes=settings.max_upload_bytes, clock=clock)
    return DirectoryBlobStore(settings.storage_dir, max_bytes=settings.max_upload_bytes, clock=clock)


def _webhooks(
    settings: Settings, seams: Seams, shared: SqliteStore | None
) -> WebhookDispatcher | DurableWebhooks:
    policy = _retry_policy(settings)
    if shared is None:
        return WebhookDispatcher(seams.sender, policy, on_attempt=_log_attempt, clock=seams.clock)
    return DurableWebhooks(
        shared, seams.sender, policy, clock=seams.clock, sends=settings.housekeeper, on_attempt=_log_attempt
    )


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
