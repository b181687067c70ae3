#!/usr/bin/env python3
"""Regenerate ``generated_client/`` (package ``tonn_client``) from the committed OpenAPI document.

The client is a committed artifact: it is produced only from ``openapi/openapi.json`` and
``scripts/openapi-python-client.yaml`` by the pinned openapi-python-client and ruff, so the same
inputs give the same bytes on every machine. ``--check`` regenerates into a temporary folder and
fails on any difference: that is the drift test run by the test suite and by ``tox -e regen-check``.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.json"
CONFIG = ROOT / "scripts" / "openapi-python-client.yaml"
CLIENT_DIR = ROOT / "generated_client"
PINNED = {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}


def _tool_env() -> dict[str, str]:
    """Put this interpreter's scripts first on PATH so the pinned generator and ruff are used."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _check_pinned_tools(env: dict[str, str]) -> None:
    for tool, version in PINNED.items():
        try:
            out = subprocess.run([tool, "--version"], env=env, capture_output=True, text=True)
        except FileNotFoundError:
            raise click.ClickException(f"{tool} is not installed; run: pip install -e '.[dev]'") from None
        if version not in out.stdout:
            found = out.stdout.strip() or out.stderr.strip()
            raise click.ClickException(
                f"{tool} {version} is required for byte-identical output, found {found!r}"
            )


def generate(spec: Path, output: Path) -> None:
    """Run the generator for ``spec`` into ``output`` (replaced entirely)."""
    env = _tool_env()
    _check_pinned_tools(env)
    command = [
        "openapi-python-client",
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--output-path",
        str(output),
        "--overwrite",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not (output / "client.py").exists():
        raise click.ClickException(f"client generation failed:\n{result.stdout}{result.stderr}")


def differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees (added, removed or changed files)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only in regenerated: {prefix}{name}" for name in cmp.left_only)
        found.extend(f"only in committed: {prefix}{name}" for name in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"changed: {prefix}{name}" for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual, ignore=["__pycache__"]), "")
    return sorted(found)


@click.command()
@click.option(
    "--spec",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=SPEC,
    show_default=True,
    help="OpenAPI document to generate from.",
)
@click.option("--check", is_flag=True, help="Regenerate into a temporary folder and fail on any difference.")
def main(spec: Path, check: bool) -> None:
    """Regenerate the typed Tonn client from the OpenAPI document."""
    if not check:
        generate(spec, CLIENT_DIR)
        click.echo(f"regenerated {CLIENT_DIR.relative_to(ROOT)} from {spec}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / CLIENT_DIR.name
        generate(spec, fresh)
        drift = differences(fresh, CLIENT_DIR)
    if drift:
        click.echo("generated_client/ is out of date with the spec; run scripts/regen_client.py", err=True)
        for line in drift:
            click.echo(f"  {line}", err=True)
        sys.exit(1)
    click.echo("generated_client/ matches the spec")


if __name__ == "__main__":
    main()
