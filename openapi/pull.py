"""Pull the live Tonn OpenAPI document and bring everything that depends on it up to date.

One command (``scripts/pull_spec.py``, ``tonn-mock pull-spec``) runs the whole chain:

1. download the official document (JSON only) and validate it with ``openapi-spec-validator``:
   it is the new base layer (:mod:`tonn_openapi.layers`);
2. apply this project's overlay to it, reporting every action whose target no longer exists and
   every value the overlay now overrides;
3. validate the composed document and show its semantic diff (:mod:`tonn_openapi.diff`) against
   the committed ``openapi.json``;
4. write ``base.json`` and ``openapi.json`` (each atomically, in canonical form);
5. regenerate ``generated_client/`` (:mod:`tonn_openapi.codegen`) and report what changed in its
   public API: modules, models, fields;
6. report the document's operations the mock does not implement, and mock routes it lacks.

``--check`` runs every step but writes nothing, and exits 1 on any drift: a layer, the document
or the client would change, or an overlay action no longer fits. Every failure before the writes
is a :class:`PullError` whose message is one line; the command prints it as ``error: ...`` and
exits 2, and no file is touched.
"""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Callable, Iterable, Iterator
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
from .codegen import CLIENT_DIR, ClientCandidate, ClientReport, GenerationError, regenerated
from .diff import SpecDiff, diff_specs
from .layers import BASE_NAME, Composed, SpecFiles, compose, write_atomically
from .normalise import dumps, normalise
from .operations import Coverage, Operation, coverage
from .overlay import Action, OverlayError, parse_overlay

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_URL",
    "PullError",
    "PullResult",
    "make_pull_command",
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

    ``differences`` lists the JSON pointers whose values differ between the committed and the
    new document, which is how a change the semantic diff ignores (a reworded description) is
    still made visible.
    """

    url: str
    files: SpecFiles
    diff: SpecDiff
    base_changed: bool
    document_changed: bool
    written: bool
    differences: tuple[str, ...]
    actions: int = 0
    unmatched: tuple[Action, ...] = ()
    overrides: tuple[str, ...] = ()
    client: ClientReport | None = None
    mock: Coverage | None = None

    @property
    def dest(self) -> Path:
        return self.files.document

    @property
    def drift(self) -> bool:
        client_drift = self.client is not None and bool(self.client.drift)
        return self.base_changed or self.document_changed or bool(self.unmatched) or client_drift

    def report(self) -> str:
        """What the command prints, section by section, then the outcome."""
        lines = [f"comparing {self.url} with {self.dest}", *self._overlay_lines(), self.diff.render()]
        if self.document_changed or self.base_changed:
            lines.append(self._non_semantic_line())
        lines += self.client.lines() if self.client else []
        lines += self.mock.lines() if self.mock else []
        lines.append(self._outcome_line())
        return "\n".join(lines)

    def _overlay_lines(self) -> list[str]:
        if not self.unmatched:
            lines = [f"overlay: all {self.actions} action(s) apply"]
        else:
            lines = [f"overlay: {len(self.unmatched)} of {self.actions} action(s) select nothing:"]
            lines += [f"  {action.label()}" for action in self.unmatched]
        if self.overrides:
            lines.append(f"overlay: {len(self.overrides)} value(s) the document declares are overridden:")
            lines += [f"  {override}" for override in self.overrides]
        return lines

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
            client = f" and {self.client.folder}" if self.client and self.client.written else ""
            return f"wrote {self.files.base}, {self.dest}{client}"
        if self.drift:
            return f"drift: {self.dest} is out of date (run without --check to update it)"
        return f"up to date: {self.dest}"


def pull_spec(
    url: str,
    files: SpecFiles | None = None,
    *,
    check: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    client_dir: Path | None = None,
    implemented: Iterable[Operation] | None = None,
) -> PullResult:
    """Run the chain of the module docstring; ``client_dir=None`` leaves the client out.

    ``implemented`` are the mock's ``(method, path)`` routes, for the coverage report. Raises
    :class:`PullError` on any download, parse, validation, overlay, generation or write failure.
    """
    files = files or SpecFiles()
    base = normalise(_official(url, timeout))
    overlay = _read(files, files.overlay)
    composed = _composed(url, base, overlay)
    current_text, current_doc = _read_current(files.document)
    base_text = dumps(base)
    base_changed = base_text != _read_current(files.base)[0]
    document_changed = composed.text != current_text
    written = (base_changed or document_changed) and not check
    with _client(composed.text, client_dir) as candidate:
        if written:
            _write(files, base_text, composed.text)
        client = _install(candidate, write=not check)
    return PullResult(
        url,
        files,
        diff_specs(current_doc, composed.document),
        base_changed,
        document_changed,
        written,
        tuple(_differences(current_doc, composed.document)),
        len(parse_overlay(overlay)),
        composed.unmatched,
        composed.overrides,
        client,
        coverage(composed.document, implemented) if implemented is not None else None,
    )


def _official(url: str, timeout: float) -> dict[str, Any]:
    fetched = _download(url, timeout)
    _validate(url, fetched)
    return fetched


def _read(files: SpecFiles, which: Path) -> dict[str, Any]:
    try:
        return files.read(which)
    except OverlayError as err:
        raise PullError(str(err)) from None


def _composed(url: str, base: dict[str, Any], overlay: dict[str, Any]) -> Composed:
    try:
        composed = compose(base, overlay)
    except OverlayError as err:
        raise PullError(f"the overlay does not apply to {url}: {err}") from None
    _validate(f"{url} with the overlay applied", composed.document)
    return composed


@contextlib.contextmanager
def _client(spec_text: str, folder: Path | None) -> Iterator[ClientCandidate | None]:
    if folder is None:
        yield None
        return
    try:
        with regenerated(spec_text, folder) as candidate:
            yield candidate
    except GenerationError as err:
        raise PullError(
            f"could not regenerate the client ({str(err)[:300]}); --no-client leaves it out"
        ) from None


def _install(candidate: ClientCandidate | None, write: bool) -> ClientReport | None:
    if candidate is None:
        return None
    written = write and bool(candidate.drift)
    if written:
        try:
            candidate.install()
        except OSError as err:
            raise PullError(f"could not write {candidate.folder}: {err}") from err
    return ClientReport(candidate.folder, candidate.changes, candidate.drift, written)


def _write(files: SpecFiles, base_text: str, document_text: str) -> None:
    for dest, text in ((files.base, base_text), (files.document, document_text)):
        try:
            write_atomically(dest, text)
        except OSError as err:
            raise PullError(f"could not write {dest}: {err}") from err


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


def make_pull_command(implemented: Callable[[], Iterable[Operation]] | None = None) -> click.Command:
    """The ``pull-spec`` command; ``implemented`` lists the mock's routes for the coverage report."""

    @click.command(name="pull-spec")
    @click.option("--url", default=DEFAULT_URL, show_default=True, help="Where the live document is.")
    @click.option(
        "--spec-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=SPEC_PATH.parent,
        show_default=True,
        help=f"Folder of {BASE_NAME} (replaced), overlay.json (applied) and openapi.json (written).",
    )
    @click.option(
        "--client-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=CLIENT_DIR,
        show_default=True,
        help="The generated client to regenerate.",
    )
    @click.option("--no-client", is_flag=True, help="Leave the generated client alone.")
    @click.option("--check", is_flag=True, help="Write nothing; exit 1 on any drift.")
    @click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        help="Seconds to wait for the server.",
    )
    def command(
        url: str, spec_dir: Path, client_dir: Path, no_client: bool, check: bool, timeout: float
    ) -> None:
        """Pull the live Tonn document, apply the overlay, regenerate the client, and report.

        Exit codes: 0 done or no drift, 1 drift found under --check, 2 download, parse,
        validation, overlay, generation or write failure (nothing is written then).
        """
        try:
            result = pull_spec(
                url,
                SpecFiles(spec_dir),
                check=check,
                timeout=timeout,
                client_dir=None if no_client else client_dir,
                implemented=implemented() if implemented else None,
            )
        except PullError as err:
            click.echo(f"error: {err}", err=True)
            raise click.exceptions.Exit(2) from None
        click.echo(result.report())
        if check and result.drift:
            raise click.exceptions.Exit(1)

    return command


pull_spec_command = make_pull_command()
