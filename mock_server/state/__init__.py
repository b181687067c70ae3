"""The mock's state in a SQLite file: shared by worker processes, kept across restarts.

:class:`SqliteStore` is the task store's second implementation; :class:`DurableWebhooks` logs
webhooks in the same file and sends them from one process. The layout is versioned
(:mod:`tonn_mock.state.schema`): a file of another version is migrated or refused, never misread.
"""

from tonn_mock.state.outbox import DurableWebhooks
from tonn_mock.state.schema import SCHEMA_VERSION, StateBusy, StateVersionError
from tonn_mock.state.sqlite import SqliteStore

STATE_FILE = ".tonn-mock-state.sqlite3"
"""The state's name inside a ``--storage-dir`` folder (a dot name: never a storage key)."""

__all__ = [
    "SCHEMA_VERSION",
    "STATE_FILE",
    "DurableWebhooks",
    "SqliteStore",
    "StateBusy",
    "StateVersionError",
]
