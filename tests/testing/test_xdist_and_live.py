"""Parallel runs (pytest-xdist) and live runs (--tonn-live / TONN_LIVE)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import STRICT_INI, run_user_tests

pytest_plugins = ["pytester"]

PARALLEL_TESTS = """
import json, os, pathlib
import pytest
import requests
from tonn_client.api.health import get_health

CREATE = {"masteringData": {"trackData": [{"trackURL": "https://example.com/a.wav"}],
          "musicalStyle": "POP", "desiredLoudness": "LOW"}}


@pytest.mark.tonn_mock(progression="manual")  # no audio work: this is about isolation
@pytest.mark.parametrize("n", range(6))
def test_each_worker_has_its_own_mock(n, tonn_mock, tonn_served_client, tonn_mock_url, tonn_intercept):
    assert tonn_mock.tasks() == []
    assert get_health.sync(client=tonn_served_client).status == "healthy"
    requests.post("https://tonn.roexaudio.com/masteringpreview", json=CREATE,
                  headers={"X-API-Key": tonn_mock.api_key}).raise_for_status()
    assert len(tonn_mock.tasks()) == 1
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    record = pathlib.Path(os.environ["TONN_RECORD_DIR"]) / f"{worker}-{n}.json"
    record.write_text(json.dumps({"worker": worker, "url": tonn_mock_url}))
"""


def test_two_xdist_workers_each_serve_their_own_mock(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = pytester.mkdir("records")
    monkeypatch.setenv("TONN_RECORD_DIR", str(records))
    pytester.makeini(STRICT_INI)
    pytester.makepyfile(test_parallel=PARALLEL_TESTS)

    # the slow-to-import plugins of this environment are not what is under test here
    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:schemathesis", "-p", "no:hypothesispytest")

    result.assert_outcomes(passed=6)
    seen = [json.loads(path.read_text()) for path in Path(records).iterdir()]
    urls = {record["worker"]: record["url"] for record in seen}
    assert set(urls) == {"gw0", "gw1"}
    assert len(set(urls.values())) == 2  # a free port each, no fixed port shared
    assert {(r["worker"], r["url"]) for r in seen} == set(urls.items())  # one server per worker


LIVE_TESTS = """
import pytest


@pytest.mark.tonn_live
def test_live_client(tonn_live, tonn_client, tonn_api_key, tonn_base_url, tonn_intercept):
    assert tonn_live
    assert tonn_api_key == "live-key" and tonn_base_url == "http://127.0.0.1:9"
    assert tonn_client._base_url == "http://127.0.0.1:9" and tonn_client.token == "live-key"
    assert tonn_intercept.origins == []   # nothing is routed to the mock


@pytest.mark.tonn_live
def test_needs_the_control_plane(tonn_mock):
    pass


def test_unmarked_tests_keep_the_mock(tonn_live, tonn_mock, tonn_api_key):
    assert not tonn_live and tonn_api_key == "test-key"
"""


def test_tonn_live_runs_marked_tests_against_the_configured_api(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TONN_API_KEY", "live-key")
    monkeypatch.setenv("TONN_BASE_URL", "http://127.0.0.1:9")
    result = run_user_tests(pytester, LIVE_TESTS, "--tonn-live", "-rs")
    result.assert_outcomes(passed=2, skipped=1)
    result.stdout.fnmatch_lines(["*drives the mock's control plane*live Tonn API does not have*"])


def test_a_live_run_without_a_key_skips_the_live_tests_and_says_why(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TONN_LIVE", "1")
    monkeypatch.delenv("TONN_API_KEY", raising=False)
    result = run_user_tests(pytester, LIVE_TESTS, "-rs")
    result.assert_outcomes(passed=1, skipped=2)
    result.stdout.fnmatch_lines(["*a live run needs the Tonn API key in TONN_API_KEY*"])


def test_without_live_the_live_tests_run_on_the_mock(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TONN_LIVE", raising=False)
    source = """
import pytest

@pytest.mark.tonn_live
def test_marked(tonn_live, tonn_client, tonn_mock):
    assert not tonn_live and tonn_client._base_url == "https://tonn.roexaudio.com"
"""
    run_user_tests(pytester, source).assert_outcomes(passed=1)
