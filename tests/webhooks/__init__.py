"""Tests for ``tonn_mock.webhooks``: unit tests on fakes plus round-trips to a real local sink."""
