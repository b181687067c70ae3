"""The committed document as two layers: the Tonn API's own declaration, and this project's overlay.

* ``base.json``: what the official API declares. Today it is our reconstruction of it; a pull
  (:mod:`tonn_openapi.pull`) replaces it with the downloaded official document.
* ``overlay.json``: an OpenAPI Overlay 1.0 document with this project's additions: webhook
  payloads, links, examples, the ``x-tonn-evidence`` provenance, generator hints and the details
  EVIDENCE.md infers where the sources are silent (inferred optional fields and responses).
* ``openapi.json``: ``base.json`` with the overlay applied (:mod:`tonn_openapi.overlay`), in
  canonical form (:mod:`tonn_openapi.normalise`). The mock, the client and the contract tests use
  this file; it is never edited by hand: edit a layer, then run ``scripts/compose_spec.py``.

Keeping the layers apart is what lets a pulled official document replace the base without losing
what the mock and the contract suite depend on, and shows which additions no longer fit.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from . import SPEC_PATH
from .normalise import dumps, normalise
from .overlay import Action, OverlayError, apply_overlay

__all__ = [
    "BASE_NAME",
    "DOCUMENT_NAME",
    "OVERLAY_NAME",
    "Composed",
    "SpecFiles",
    "compose",
    "write_atomically",
]

BASE_NAME, OVERLAY_NAME, DOCUMENT_NAME = "base.json", "overlay.json", SPEC_PATH.name


@dataclass(frozen=True)
class SpecFiles:
    """Where the two layers and the composed document live (the committed ``openapi/`` by default)."""

    folder: Path = SPEC_PATH.parent

    @property
    def base(self) -> Path:
        return self.folder / BASE_NAME

    @property
    def overlay(self) -> Path:
        return self.folder / OVERLAY_NAME

    @property
    def document(self) -> Path:
        return self.folder / DOCUMENT_NAME

    def read(self, which: Path) -> dict[str, Any]:
        """A JSON object from one of the files; ``OverlayError`` (one line) if it is not one."""
        try:
            value = json.loads(which.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise OverlayError(f"cannot read {which}: {err}") from None
        if not isinstance(value, dict):
            raise OverlayError(f"{which} is not a JSON object")
        return value


@dataclass(frozen=True)
class Composed:
    """A composed document, its canonical text, the overlay actions that selected nothing and the
    values the overlay replaced (see :class:`tonn_openapi.overlay.Applied`)."""

    document: dict[str, Any]
    text: str
    unmatched: tuple[Action, ...]
    overrides: tuple[str, ...]


def compose(base: dict[str, Any], overlay: dict[str, Any]) -> Composed:
    """``base`` with ``overlay`` applied, normalised to the committed file's canonical form."""
    applied = apply_overlay(base, overlay)
    document = normalise(applied.document)
    return Composed(document, dumps(document), applied.unmatched, applied.overrides)


def write_atomically(dest: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one; the file mode is kept.

    Raises ``OSError`` (the temporary file is removed) when the file cannot be written.
    """
    mode = dest.stat().st_mode & 0o777 if dest.exists() else 0o644
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, dest)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        raise


@click.command()
@click.option(
    "--spec-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=SPEC_PATH.parent,
    show_default=True,
    help="Folder holding base.json, overlay.json and openapi.json.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if openapi.json is not base + overlay.")
def compose_command(spec_dir: Path, check: bool) -> None:
    """Write openapi.json as base.json with overlay.json applied (canonical form)."""
    files = SpecFiles(spec_dir)
    try:
        composed = compose(files.read(files.base), files.read(files.overlay))
    except OverlayError as err:
        raise click.ClickException(str(err)) from None
    for action in composed.unmatched:
        click.echo(f"warning: {action.label()} selects nothing in {BASE_NAME}", err=True)
    current = files.document.read_text(encoding="utf-8") if files.document.exists() else ""
    if current == composed.text:
        click.echo(f"up to date: {files.document}")
    elif check:
        click.echo(
            f"drift: {files.document} is not {BASE_NAME} + {OVERLAY_NAME}; run scripts/compose_spec.py"
        )
        sys.exit(1)
    else:
        write_atomically(files.document, composed.text)
        click.echo(f"wrote {files.document}")
