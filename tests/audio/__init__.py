"""Tests of tonn_mock.audio (a package so module names do not clash with tests/products/)."""
