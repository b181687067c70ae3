"""How a serving process sets itself up: request logs written off the request path, and the
garbage collector kept off its tail. Used by ``tonn-mock serve`` and by each of its workers."""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import logging.handlers
import queue
import threading
import time
from typing import TextIO

BATCH = 5000
GATHER_SECONDS = 0.05


class HandOver(logging.handlers.QueueHandler):
    """Queues a record unformatted: the writer formats it, on its own thread."""

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record


class LogWriter:
    """Writes the queued records from one background thread, in batches: woken by a record, it
    waits :data:`GATHER_SECONDS` for more, then writes all it has in one write. Under load that is
    a few wake-ups a second instead of one per request, each of which took the interpreter's lock
    from the requests."""

    def __init__(
        self, records: queue.SimpleQueue[logging.LogRecord | None], output: logging.StreamHandler[TextIO]
    ) -> None:
        self._records = records
        self._output = output
        self._thread = threading.Thread(target=self._run, name="tonn-mock-log", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._records.put(None)
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            batch = [self._records.get()]
            time.sleep(GATHER_SECONDS)
            with contextlib.suppress(queue.Empty):
                while len(batch) < BATCH:
                    batch.append(self._records.get_nowait())
            records = [record for record in batch if record is not None]
            if records:
                self._write(records)
            if len(records) < len(batch):
                return

    def _write(self, records: list[logging.LogRecord]) -> None:
        try:
            self._output.stream.write("".join(self._output.format(record) + "\n" for record in records))
            self._output.flush()
        except Exception:  # a closed terminal: reported as logging reports a line it cannot write
            self._output.handleError(records[0])


def log_off_the_request_path(worker: int | None = None) -> LogWriter:
    """Log every request, but write the lines from one background thread: request threads only
    queue the record as it is (formatting it is the writer's work too), so a slow terminal
    never holds them up. Lines of a worker name it."""
    records: queue.SimpleQueue[logging.LogRecord | None] = queue.SimpleQueue()
    output: logging.StreamHandler[TextIO] = logging.StreamHandler()
    tag = "" if worker is None else f" [worker {worker}]"
    output.setFormatter(logging.Formatter(f"%(asctime)s %(name)s{tag} %(message)s"))
    writer = LogWriter(records, output)
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False  # unused fields,
    logging._srcfile = None  # and no stack walk for the caller (the logging HOWTO's optimisation)
    logging.basicConfig(level=logging.INFO, handlers=[HandOver(records)])
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # a line per queued request under load
    writer.start()
    atexit.register(writer.stop)
    return writer


def tune_garbage_collection() -> None:
    """Keep the collector off the request path's tail. What start-up loaded (the spec, NumPy,
    SciPy, Flask) is frozen out of collections; young objects are collected in small batches
    (under 1 ms each), and the retained task records, which hold no reference cycles, are scanned
    in full rarely: the default thresholds rescanned them every couple of thousand tasks, a pause
    of about 100 ms at 10,000 tasks that set the p99 of a loaded mock."""
    gc.freeze()
    gc.set_threshold(2_000, 50, 100)
