#!/usr/bin/env python3
"""Regenerate ``generated_client/`` (package ``tonn_client``) from the committed OpenAPI document.

The client is a committed artifact: it is produced only from ``openapi/openapi.json`` and
``scripts/openapi-python-client.yaml`` by the pinned openapi-python-client and ruff, so the same
inputs give the same bytes on every machine. ``--check`` regenerates into a temporary folder and
fails on any difference: that is the drift test run by the test suite and by ``tox -e regen-check``.
The generation itself lives in :mod:`tonn_openapi.codegen`, shared with ``scripts/pull_spec.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from tonn_openapi.codegen import CLIENT_DIR, ROOT, GenerationError, differences, generate

SPEC = ROOT / "openapi" / "openapi.json"


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
    try:
        drift = _regenerate(spec, check)
    except GenerationError as err:
        raise click.ClickException(str(err)) from None
    if drift:
        click.echo("generated_client/ is out of date with the spec; run scripts/regen_client.py", err=True)
        for line in drift:
            click.echo(f"  {line}", err=True)
        sys.exit(1)
    click.echo("generated_client/ matches the spec" if check else f"regenerated generated_client from {spec}")


def _regenerate(spec: Path, check: bool) -> list[str]:
    if not check:
        generate(spec, CLIENT_DIR)
        return []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / CLIENT_DIR.name
        generate(spec, fresh)
        return differences(fresh, CLIENT_DIR)


if __name__ == "__main__":
    main()
