"""Serving an app on a real loopback socket for tests (no fixed ports, no sleeping)."""

from __future__ import annotations

from tonn_mock.testing.serving import serve_in_thread as running
from tonn_mock.testing.serving import serve_process as tonn_mock_serve

__all__ = ["running", "tonn_mock_serve"]
