"""``mock_tonn`` in every form a moto user reaches for: bare or called, on a function, an ``async``
function, a pytest class or a ``unittest.TestCase``, and as a context manager. Each user file is
run with pytester and the tests that ran are counted: a decorator that swallowed a class would run
none of its tests and still be green."""

from __future__ import annotations

import pytest

from .helpers import run_user_tests

pytest_plugins = ["pytester"]

PREAMBLE = """
import asyncio
import unittest

import httpx
import requests

from tonn_mock.testing import mock_tonn

HEALTH = "https://tonn.roexaudio.com/health"
KEY = {"X-API-Key": "k"}


def healthy():
    return requests.get(HEALTH, headers=KEY).json() == {"status": "healthy"}
"""

FUNCTIONS = (
    PREAMBLE
    + """

@mock_tonn
def test_bare():
    assert healthy()


@mock_tonn()
def test_called():
    assert healthy()


def test_on_an_async_function():
    @mock_tonn
    async def status():
        async with httpx.AsyncClient() as client:
            return (await client.get(HEALTH, headers=KEY)).status_code

    assert asyncio.run(status()) == 200


def test_as_a_context_manager():
    with mock_tonn() as tonn:
        assert healthy()
        assert [r["path"] for r in tonn.control.requests()] == ["/health"]
"""
)

CLASSES = (
    PREAMBLE
    + """
tonn = mock_tonn()


@tonn
class TestPlainClass:
    def setup_method(self):
        self.upload = requests.post("https://tonn.roexaudio.com/upload", headers=KEY,
                                    json={"filename": "a.wav", "contentType": "audio/wav"})

    def teardown_method(self):
        assert healthy()  # still inside the mock

    def test_set_up_ran_inside_the_mock(self):
        assert self.upload.status_code == 200
        assert [r["operation"] for r in tonn.control.requests()] == ["createUploadUrl"]

    def test_each_test_gets_a_fresh_mock(self):
        assert len(tonn.control.requests()) == 1


@mock_tonn
class TestBareOnAPlainClass:
    def test_one(self):
        assert healthy()

    def test_two(self):
        assert healthy()


@mock_tonn()
class TestUnittestCase(unittest.TestCase):
    def setUp(self):
        self.status = requests.get(HEALTH, headers=KEY).status_code

    def tearDown(self):
        assert healthy()

    def test_set_up_ran_inside_the_mock(self):
        self.assertEqual(self.status, 200)

    def test_the_test_runs_inside_the_mock(self):
        self.assertTrue(healthy())
"""
)


def test_functions_bare_or_called_async_functions_and_the_context_manager(pytester: pytest.Pytester) -> None:
    result = run_user_tests(pytester, FUNCTIONS)
    result.assert_outcomes(passed=4)


def test_every_test_of_a_decorated_class_runs_inside_its_own_mock(pytester: pytest.Pytester) -> None:
    result = run_user_tests(pytester, CLASSES, "-v")
    result.assert_outcomes(passed=6)


def test_the_same_classes_under_unittest_run_every_test(pytester: pytest.Pytester) -> None:
    source = CLASSES.replace("class TestPlainClass:", "class PlainClass:").replace(
        "class TestBareOnAPlainClass:", "class BareOnAPlainClass:"
    )
    pytester.makepyfile(test_user=source + "\nif __name__ == '__main__':\n    unittest.main()\n")

    result = pytester.runpython(pytester.path / "test_user.py")

    assert result.ret == 0, result.stderr.str()
    result.stderr.fnmatch_lines(["Ran 2 tests in *", "OK"])
