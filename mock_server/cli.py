"""The ``tonn-mock`` command line: ``serve`` the mock, ``pull-spec`` the live document."""

from __future__ import annotations

import dataclasses
import shutil
import socket
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from tonn_mock import server as server_module
from tonn_mock import workers as workers_module
from tonn_mock.app import create_app
from tonn_mock.core.settings import ENV_PREFIX, Settings
from tonn_mock.gateway.request import current_backend
from tonn_mock.process import log_off_the_request_path, tune_garbage_collection
from tonn_mock.products import implemented_operations
from tonn_mock.state import STATE_FILE, SqliteStore, StateBusy, StateVersionError
from tonn_mock.tasks.progression import parse_policy
from tonn_mock.tasks.service import PROGRESSION
from tonn_openapi.pull import make_pull_command

FC = TypeVar("FC", bound=Callable[..., Any])
PORT = click.IntRange(0, 65535)
STATE_OPEN_WAIT = 3.0
"""How long serve waits for a state file another process holds (workers let go of it at once)."""


def _resolvable(context: click.Context, parameter: click.Parameter, host: str) -> str:
    """``--host`` must name an interface this machine can resolve."""
    try:
        socket.getaddrinfo(host, None)
    except (OSError, UnicodeError) as problem:
        raise click.BadParameter(f"cannot resolve {host!r} ({problem})") from None
    return host


def _policy(context: click.Context, parameter: click.Parameter, policy: str | None) -> str | None:
    if policy is not None:
        try:
            parse_policy(policy)
        except ValueError as problem:
            raise click.BadParameter(str(problem)) from None
    return policy


def _listen(app: Any, host: str, port: int, threads: int) -> Any:
    """The waitress server bound to ``host:port``; a port in use is one line and exit code 2."""
    try:
        return server_module.build(app, host, port, threads)
    except OSError as problem:
        _cannot_listen(host, port, problem)


def _cannot_listen(host: str, port: int, problem: OSError) -> NoReturn:
    click.echo(
        f"Error: cannot listen on {host}:{port}: {problem.strerror or problem} "
        "(is another server using it? choose another --port, or --port 0 for a free one)",
        err=True,
    )
    sys.exit(2)


def _open_state(settings: Settings, progression: str | None) -> None:
    """Check the state file before serving (a refusal is one line, exit code 2) and record the
    progression given on the command line; otherwise the state keeps the one it had."""
    try:
        store = SqliteStore(settings.state_path, open_wait=STATE_OPEN_WAIT)  # type: ignore[arg-type]
    except StateBusy:
        _state_in_use(settings.state_path)  # type: ignore[arg-type]
    except (StateVersionError, OSError, sqlite3.Error) as problem:
        click.echo(f"Error: {problem}", err=True)
        sys.exit(2)
    if progression is not None:
        store.update_setting(PROGRESSION, lambda _: progression)
    store.close()


def _state_in_use(path: Path) -> NoReturn:
    click.echo(
        f"Error: {path} is in use by another tonn-mock serve (one process holds its state file "
        "alone); stop it, or serve one state from several processes with --workers",
        err=True,
    )
    sys.exit(2)


def _kept_together(state: Path | None, storage_dir: Path | None) -> tuple[Path | None, Path | None]:
    """The state file and the files folder, each placed by the other when only one is given, so
    that a restart finds both: the state in the folder, or the files beside the state."""
    if state is None and storage_dir is not None:
        return storage_dir / STATE_FILE, storage_dir
    if storage_dir is None and state is not None:
        return state, state.with_name(f"{state.name}.files")
    return state, storage_dir


def _serve_workers(settings: Settings, host: str, port: int, threads: int, progression: str | None) -> None:
    """Serve with ``settings.workers`` workers over one state file (in a temporary folder, removed
    at the end, when neither a state file nor a storage folder was given)."""
    temporary = None
    if settings.state_path is None:
        temporary = Path(tempfile.mkdtemp(prefix="tonn-mock-"))
        settings = dataclasses.replace(settings, storage_dir=temporary, state_path=temporary / STATE_FILE)
    try:
        _open_state(settings, progression)
        try:
            port = workers_module.free_port(host, port)
        except OSError as problem:
            _cannot_listen(host, port, problem)
        workers_module.serve(workers_module.Plan(settings, host, port, threads))
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def env_option(name: str, variable: str, **kwargs: Any) -> Callable[[FC], FC]:
    """A ``click.option`` that can also be set as ``TONN_MOCK_<variable>``."""
    return click.option(name, envvar=ENV_PREFIX + variable, show_envvar=True, **kwargs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tonn-testkit")
def main() -> None:
    """tonn-mock: an offline twin of the RoEx Tonn audio API."""


@main.command()
@env_option(
    "--host",
    "HOST",
    default="127.0.0.1",
    show_default=True,
    callback=_resolvable,
    help="Interface to listen on.",
)
@env_option(
    "--port", "PORT", default=8080, show_default=True, type=PORT, help="Port (0-65535); 0 picks a free one."
)
@env_option("--keys", "API_KEYS", help="Comma-separated API keys to accept (default: any non-empty key).")
@env_option(
    "--progression",
    "PROGRESSION",
    callback=_policy,
    help="immediate | manual | after_polls:N | after_seconds:T",
)
@env_option("--seed", "SEED", type=int, help="Seed for task ids (repeatable runs).")
@env_option(
    "--storage-dir",
    "STORAGE_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for uploads and results, and the state file (default with --state: "
    "<state>.files beside it; otherwise a temporary folder).",
)
@env_option(
    "--public-url",
    "PUBLIC_URL",
    help="Base URL clients use to reach the mock (default: each request's host).",
)
@env_option("--webhook-max-attempts", "WEBHOOK_MAX_ATTEMPTS", type=int, help="Attempts per webhook delivery.")
@env_option(
    "--webhook-base-delay",
    "WEBHOOK_BASE_DELAY",
    type=float,
    help="First retry delay in seconds (doubles each retry).",
)
@env_option(
    "--webhook-timeout", "WEBHOOK_TIMEOUT", type=float, help="Timeout of one webhook attempt in seconds."
)
@click.option(
    "--fetch-inputs",
    is_flag=True,
    default=None,
    help="Download input URLs that are not the mock's own (default: a generated stand-in signal).",
)
@click.option("--no-credits", is_flag=True, default=None, help="Do not charge credits.")
@click.option(
    "--rate-limit/--no-rate-limit",
    default=None,
    help="Answer more than 100 requests a minute per key with 429 and Retry-After (default: off).",
)
@env_option(
    "--retain-tasks",
    "RETAIN_TASKS",
    type=click.IntRange(min=0),
    help="Finished tasks kept, and as many clean-up results; past it the oldest are forgotten with "
    "their files (default 10000; 0: all).",
)
@env_option(
    "--threads",
    "THREADS",
    default=4,
    show_default=True,
    type=click.IntRange(min=1),
    help="Threads per process for what may take long: file transfers, control calls, retrievals of "
    "results, calls a fault delays, and in one process paths not yet proven quick (other requests run "
    "on the thread that reads them).",
)
@env_option(
    "--control-token",
    "CONTROL_TOKEN",
    help="Token /_mock/ requires (default: none on 127.0.0.1; generated and printed on other addresses).",
)
@env_option(
    "--state",
    "STATE_PATH",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite file keeping tasks, credits, faults and webhooks across restarts "
    f"(default with --storage-dir: {STATE_FILE} in it; otherwise memory).",
)
@env_option(
    "--workers",
    "WORKERS",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Processes serving the port over one state file (more than 1 needs no other option).",
)
def serve(
    host: str,
    port: int,
    keys: str | None,
    progression: str | None,
    seed: int | None,
    storage_dir: Path | None,
    public_url: str | None,
    webhook_max_attempts: int | None,
    webhook_base_delay: float | None,
    webhook_timeout: float | None,
    fetch_inputs: bool | None,
    no_credits: bool | None,
    rate_limit: bool | None,
    retain_tasks: int | None,
    threads: int,
    control_token: str | None,
    state: Path | None,
    workers: int,
) -> None:
    """Serve the mock: with waitress in one process, or on granian with --workers.

    Each option can also be set by the environment variable shown; TONN_MOCK_CREDITS_ENABLED=false,
    TONN_MOCK_RATE_LIMIT_ENABLED=true and TONN_MOCK_FETCH_REMOTE_INPUTS=true match the flags.
    """
    control_token, warning = server_module.control_token(host, control_token)
    state, storage_dir = _kept_together(state, storage_dir)
    try:
        settings = Settings.from_env(
            api_keys=frozenset(k.strip() for k in keys.split(",") if k.strip()) if keys else None,
            progression=progression,
            seed=seed,
            storage_dir=storage_dir,
            public_url=public_url,
            webhook_max_attempts=webhook_max_attempts,
            webhook_base_delay=webhook_base_delay,
            webhook_timeout=webhook_timeout,
            fetch_remote_inputs=True if fetch_inputs else None,
            credits_enabled=False if no_credits else None,
            rate_limit_enabled=rate_limit,
            retain_tasks=retain_tasks,
            control_token=control_token,
            state_path=state,
            workers=workers,
        )
    except ValueError as problem:
        raise click.UsageError(str(problem)) from None
    if warning:
        click.echo(warning, err=True)
    if settings.seed is not None and (settings.state_path is not None or workers > 1):
        click.echo(
            "Warning: --seed is ignored with a state file (task ids are random: a restart would repeat them)",
            err=True,
        )
    if workers > 1:
        _serve_workers(settings, host, port, threads, progression)
    else:
        _serve_one(settings, host, port, threads, progression)


def _serve_one(settings: Settings, host: str, port: int, threads: int, progression: str | None) -> None:
    if settings.state_path is not None:
        _open_state(settings, progression)
    log_off_the_request_path()
    app = create_app(settings)
    backend = current_backend(app)
    if backend.state_file is not None:
        try:
            backend.state_file.hold_alone(STATE_OPEN_WAIT)  # one process: the file is its alone
        except StateBusy:
            backend.shut_down(0)
            _state_in_use(backend.state_file.path)
    tune_garbage_collection()
    server = _listen(app, host, port, threads)
    bound_port = server.socket.getsockname()[1] if server.socket.family != socket.AF_UNIX else port
    click.echo(f"tonn-mock listening on http://{host}:{bound_port} (docs: /docs, control: /_mock/)", err=True)
    server_module.serve(app, server)  # until SIGTERM or SIGINT, then a graceful stop


main.add_command(make_pull_command(implemented_operations), name="pull-spec")
