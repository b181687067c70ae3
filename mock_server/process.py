"""How a serving process sets itself up: request logs written off the request path, and the
garbage collector kept off its tail. Used by ``tonn-mock serve`` and by each of its workers."""

from __future__ import annotations

import atexit
import gc
import logging
import logging.handlers
import queue


class HandOver(logging.handlers.QueueHandler):
    """Queues a record unformatted: the listener's handler formats it, on its own thread."""

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record


def log_off_the_request_path(worker: int | None = None) -> logging.handlers.QueueListener:
    """Log every request, but write the lines from one background thread: request threads only
    queue the record as it is (formatting it is the listener's work too), so a slow terminal
    never holds them up. Lines of a worker name it (by its process id)."""
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    output = logging.StreamHandler()
    tag = "" if worker is None else f" [worker {worker}]"
    output.setFormatter(logging.Formatter(f"%(asctime)s %(name)s{tag} %(message)s"))
    listener = logging.handlers.QueueListener(records, output)
    queued = HandOver(records)
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False  # unused fields,
    logging._srcfile = None  # and no stack walk for the caller (the logging HOWTO's optimisation)
    logging.basicConfig(level=logging.INFO, handlers=[queued])
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # a line per queued request under load
    listener.start()
    atexit.register(listener.stop)
    return listener


def tune_garbage_collection() -> None:
    """Keep the collector off the request path's tail. What start-up loaded (the spec, NumPy,
    SciPy, Flask) is frozen out of collections; young objects are collected in small batches
    (under 1 ms each), and the retained task records, which hold no reference cycles, are scanned
    in full rarely: the default thresholds rescanned them every couple of thousand tasks, a pause
    of about 100 ms at 10,000 tasks that set the p99 of a loaded mock."""
    gc.freeze()
    gc.set_threshold(2_000, 50, 100)
