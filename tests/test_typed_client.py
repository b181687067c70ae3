"""``tonn_client`` is a typed package: a user's ``mypy --strict`` reads its annotations.

The wheel is built from the source folders and installed into a folder of its own, which mypy then
sees as installed packages (``PYTHONPATH``: PEP 561 rules, as in a user's site-packages) from a
folder with no mypy configuration. Without ``py.typed`` in the wheel every import of ``tonn_client``
is an ``import-untyped`` error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "README.md", "openapi", "mock_server", "generated_client")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "*.egg-info")

USER_CODE = '''
"""What a user writes: their own code on the generated client, checked strictly."""

import asyncio

from tonn_client import AuthenticatedClient
from tonn_client.api.health import get_health
from tonn_client.models import HealthStatus


def healthy(client: AuthenticatedClient) -> bool:
    answer = get_health.sync(client=client)
    return isinstance(answer, HealthStatus) and answer.status == "healthy"


async def healthy_async(client: AuthenticatedClient) -> bool:
    answer = await get_health.asyncio(client=client)
    return isinstance(answer, HealthStatus)


def main() -> None:
    client = AuthenticatedClient(base_url="http://127.0.0.1:8080", token="k", auth_header_name="X-API-Key")
    print(healthy(client), asyncio.run(healthy_async(client)))
'''


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=IGNORED)
        else:
            shutil.copy2(ROOT / name, source / name)
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), "."], source
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("tonn_testkit-*.whl")
    return wheel


def test_a_users_strict_mypy_reads_the_installed_clients_types(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    assert "tonn_client/py.typed" in zipfile.ZipFile(wheel).namelist()
    site = tmp_path / "site"
    installed = run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    project = tmp_path / "project"  # no mypy configuration anywhere above it
    project.mkdir()
    (project / "user_code.py").write_text(textwrap.dedent(USER_CODE))

    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("MYPYPATH", None)
    checked = run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user_code.py"], project, env
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Success: no issues found in 1 source file" in checked.stdout
