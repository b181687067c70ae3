"""The promises the README makes about the project itself."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    section = (ROOT / "README.md").read_text().split("## Two commands on a fresh machine", 1)[1]
    return re.findall(r"```sh\n(.+?)\n```", section.split("\n## ", 1)[0])


def test_the_readme_gives_two_commands_for_a_fresh_machine() -> None:
    run_mock, run_tests = readme_commands()
    assert "tonn-mock" in run_mock
    assert "pytest" in run_tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    _, run_tests = readme_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert run_tests in ci_lines


def test_every_source_folder_is_a_package_so_wheels_include_it() -> None:
    """setup.py finds sub-packages by their ``__init__.py``; a folder without one is left out."""
    for folder in ("openapi", "mock_server", "generated_client"):
        for directory in (ROOT / folder).rglob("*"):
            if directory.is_dir() and "__pycache__" not in directory.parts and any(directory.glob("*.py")):
                assert (directory / "__init__.py").exists(), f"{directory.relative_to(ROOT)} is not a package"


def test_the_pages_files_are_package_data_so_wheels_include_them() -> None:
    """The /docs and /_mock/ pages are HTML, CSS and JS beside the code, in folders named static/."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    globs = config["tool"]["setuptools"]["package-data"]["tonn_mock"]
    files = [path for path in (ROOT / "mock_server").rglob("static/*") if path.is_file()]
    assert files
    for path in files:
        relative = path.relative_to(ROOT / "mock_server").as_posix()
        assert any(fnmatch(relative, pattern) for pattern in globs), f"{relative} is left out of the wheel"
