"""Pull the live Tonn OpenAPI document, show what changed, and refresh the committed copy.

Steps: download (JSON only), validate with ``openapi-spec-validator``, normalise to our canonical
form, print the semantic diff against the current file, then replace the file atomically (a temp
file in the same folder plus ``os.replace``), unless ``--check`` asked only for a verdict.

Every failure before the write is a :class:`PullError` whose message is one line; the command
prints it as ``error: ...`` and exits 2, and the current file is never touched. Exit 1 means
``--check`` found drift: the file would change, semantically or only in its text.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import requests
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import (
    OpenAPIValidationError,
    ValidatorDetectError,
)
from referencing.exceptions import Unresolvable

from . import SPEC_PATH
from .diff import SpecDiff, diff_specs
from .normalise import dumps, normalise

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_URL",
    "PullError",
    "PullResult",
    "pull_spec",
    "pull_spec_command",
]

DEFAULT_URL = "https://tonn-portal.roexaudio.com/openapi.json"
DEFAULT_TIMEOUT = 30.0
_EXAMPLES = 5
_MISSING = object()


class PullError(Exception):
    """A pull that cannot go ahead; the message is always a single line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


@dataclass(frozen=True)
class PullResult:
    """The outcome of :func:`pull_spec`.

    ``drift`` is any difference in the file's text; ``differences`` lists the JSON pointers whose
    values differ, which is how a change the semantic diff ignores (a reworded description) is
    still made visible.
    """

    url: str
    dest: Path
    diff: SpecDiff
    drift: bool
    written: bool
    differences: tuple[str, ...]

    def report(self) -> str:
        """What the command prints: the semantic diff, the non-semantic verdict, the outcome."""
        lines = [f"comparing {self.url} with {self.dest}", self.diff.render()]
        if self.drift:
            lines.append(self._non_semantic_line())
        lines.append(self._outcome_line())
        return "\n".join(lines)

    def _non_semantic_line(self) -> str:
        count = len(self.differences)
        if not count:
            return "non-semantic changes: formatting only (the file was not in canonical form)"
        if self.diff:
            return f"{count} JSON value(s) differ in all, non-semantic edits included"
        shown = ", ".join(self.differences[:_EXAMPLES]) + (", ..." if count > _EXAMPLES else "")
        return f"non-semantic changes: {count} JSON value(s) differ: {shown}"

    def _outcome_line(self) -> str:
        if self.written:
            return f"wrote {self.dest}"
        if self.drift:
            return f"drift: {self.dest} is out of date (run without --check to update it)"
        return f"up to date: {self.dest}"


def pull_spec(url: str, dest: Path, check: bool = False, timeout: float = DEFAULT_TIMEOUT) -> PullResult:
    """Download the document at ``url`` and bring ``dest`` up to date with it.

    With ``check`` nothing is written. Raises :class:`PullError` on any download, parse,
    validation or write failure, leaving ``dest`` as it was.
    """
    fetched = _download(url, timeout)
    _validate(url, fetched)
    new_doc = normalise(fetched)
    text = dumps(new_doc)
    current_text, current_doc = _read_current(dest)
    drift = text != current_text
    written = drift and not check
    if written:
        _write_atomically(dest, text)
    diff = diff_specs(current_doc, new_doc)
    return PullResult(url, dest, diff, drift, written, tuple(_differences(current_doc, new_doc)))


def _download(url: str, timeout: float) -> dict[str, Any]:
    try:
        response = requests.get(url, timeout=timeout, headers={"Accept": "application/json"})
    except requests.Timeout as err:
        raise PullError(f"could not download {url}: no answer within {timeout:g}s") from err
    except requests.RequestException as err:
        raise PullError(f"could not download {url}: {_reason(err)}") from err
    if not response.ok:
        raise PullError(f"could not download {url}: HTTP {response.status_code} {response.reason}")
    return _parse(url, response)


def _reason(err: BaseException) -> str:
    """The innermost OS-level cause ("Connection refused"), not urllib3's nested reprs."""
    cause: BaseException | None = err
    reason = str(err).splitlines()[0] if str(err) else type(err).__name__
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve host ({cause.strerror})"
        if isinstance(cause, OSError) and cause.strerror:
            reason = f"cannot connect ({cause.strerror})"
        cause = cause.__cause__ or cause.__context__
    return reason


def _parse(url: str, response: requests.Response) -> dict[str, Any]:
    content_type = response.headers.get("Content-Type", "no Content-Type")
    try:
        doc = json.loads(response.content)
    except ValueError as err:  # JSONDecodeError, or bytes that are no Unicode at all
        raise PullError(f"{url} did not return JSON ({content_type}): {err}") from err
    if not isinstance(doc, dict):
        raise PullError(f"{url} returned JSON that is not an object ({type(doc).__name__})")
    return doc


def _validate(url: str, doc: dict[str, Any]) -> None:
    """Refuse anything ``openapi-spec-validator`` rejects, with its reason on one line."""
    try:
        validate(doc)
    except Exception as err:  # the validator raises several unrelated types; none may escape
        raise PullError(f"{url} is not a valid OpenAPI document: {_invalid(doc, err)}") from err


def _invalid(doc: dict[str, Any], err: Exception) -> str:
    if isinstance(err, OpenAPIValidationError):
        return f"{str(err.message).splitlines()[0]} at {err.json_path}"
    if isinstance(err, ValidatorDetectError):
        return f"no validator for its version field ({doc.get('openapi', doc.get('swagger'))!r})"
    if isinstance(err, Unresolvable):
        return f"unresolvable $ref {err.ref!r}"
    return f"{type(err).__name__}: {str(err)[:200]}"


def _read_current(dest: Path) -> tuple[str, dict[str, Any]]:
    """The current file's text and document; a missing file counts as an empty document."""
    try:
        text = dest.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "", {}
    except (OSError, UnicodeDecodeError) as err:
        raise PullError(f"could not read {dest}: {err}") from err
    try:
        doc = json.loads(text)
    except ValueError as err:
        raise PullError(f"{dest} is not valid JSON ({err}); fix or delete it first") from err
    return text, doc if isinstance(doc, dict) else {}


def _write_atomically(dest: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one; the file mode is kept."""
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
    except OSError as err:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        raise PullError(f"could not write {dest}: {err}") from err


def _differences(old: Any, new: Any, pointer: str = "") -> Iterator[str]:
    """JSON pointers of the values that differ between two documents, in sorted order."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys()):
            escaped = key.replace("~", "~0").replace("/", "~1")
            yield from _differences(old.get(key, _MISSING), new.get(key, _MISSING), f"{pointer}/{escaped}")
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            yield from _differences(before, after, f"{pointer}/{index}")
    elif type(old) is not type(new) or old != new:
        yield pointer or "/"


@click.command(name="pull-spec")
@click.option("--url", default=DEFAULT_URL, show_default=True, help="Where the live document is.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=SPEC_PATH,
    show_default=True,
    help="The file to compare with and update.",
)
@click.option("--check", is_flag=True, help="Only report: exit 1 if the file would change; never write.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for the server.",
)
def pull_spec_command(url: str, output: Path, check: bool, timeout: float) -> None:
    """Pull the live Tonn OpenAPI document and update the committed copy.

    Prints the semantic diff against the current file. Exit codes: 0 done or no drift, 1 drift
    found under --check, 2 download, parse, validation or write failure.
    """
    try:
        result = pull_spec(url, output, check=check, timeout=timeout)
    except PullError as err:
        click.echo(f"error: {err}", err=True)
        raise click.exceptions.Exit(2) from None
    click.echo(result.report())
    if check and result.drift:
        raise click.exceptions.Exit(1)
