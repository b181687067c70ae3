"""The README's "Use it in your tests" examples are tests: each block runs as the file it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import STRICT_INI

pytest_plugins = ["pytester"]

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE = re.compile(r"```python\n# (test_\w+\.py)[^\n]*\n(.*?)```", re.DOTALL)


def readme_examples() -> dict[str, str]:
    """File name -> source of every Python block of the section that starts with ``# test_*.py``."""
    section = README.read_text().split("\n## Use it in your tests\n", 1)[1].split("\n## ", 1)[0]
    return {name: source for name, source in EXAMPLE.findall(section)}


def test_the_section_has_an_example_per_client() -> None:
    sources = "\n".join(readme_examples().values())
    for needle in ("roex_python", "tonn_client", "tonn_served_client", "mock_tonn", "tonn_mock."):
        assert needle in sources, needle


def test_every_readme_example_passes_as_written(pytester: pytest.Pytester) -> None:
    examples = readme_examples()
    pytester.makeini(STRICT_INI)
    pytester.makepyfile(**{name.removesuffix(".py"): source for name, source in examples.items()})
    expected = sum(source.count("\ndef test_") for source in examples.values())

    result = pytester.runpytest()

    result.assert_outcomes(passed=expected)
