"""Contract tests: schemathesis checks of the mock and the live Tonn API against ``openapi.json``.

The same suite runs against three targets, one switch apart: the mock in-process (default), any
server (``--tonn-base-url``), and the live API (``--tonn-live`` with ``TONN_API_KEY``).
"""
