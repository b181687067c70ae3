"""Tests for ``tonn_mock.storage``: key safety, blob stores (memory and disk) and signed URLs."""
