"""The README's examples are tests: every block that starts with ``# test_....py`` runs as the file it
names - the first test, "Use it in your tests" and "Using roex-python" alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import STRICT_INI

pytest_plugins = ["pytester"]

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE = re.compile(r"```python\n# (test_\w+\.py)[^\n]*\n(.*?)```", re.DOTALL)


def readme_examples() -> dict[str, str]:
    """File name -> source of every Python block of the README that starts with ``# test_*.py``."""
    found = EXAMPLE.findall(README.read_text())
    assert len({name for name, _ in found}) == len(found), "two README examples share a file name"
    return dict(found)


def count_tests(source: str) -> int:
    """Test functions and test methods (of ``Test*`` classes and ``unittest.TestCase`` classes)."""
    return len(re.findall(r"^\s*(?:async )?def test_", source, re.MULTILINE))


def test_the_section_has_an_example_per_client() -> None:
    sources = "\n".join(readme_examples().values())
    for needle in ("roex_python", "tonn_client", "tonn_served_client", "mock_tonn", "tonn_mock."):
        assert needle in sources, needle
    for name in ("test_first.py", "test_roex_failures.py", "test_what_my_code_sent.py"):
        assert name in readme_examples(), name


def test_every_readme_example_passes_as_written(pytester: pytest.Pytester) -> None:
    examples = readme_examples()
    pytester.makeini(STRICT_INI)
    pytester.makepyfile(**{name.removesuffix(".py"): source for name, source in examples.items()})
    expected = sum(count_tests(source) for source in examples.values())

    result = pytester.runpytest()

    result.assert_outcomes(passed=expected)
