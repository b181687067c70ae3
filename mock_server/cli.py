"""The ``tonn-mock`` command line: ``serve`` the mock, ``pull-spec`` the live document."""

from __future__ import annotations

import atexit
import gc
import logging
import logging.handlers
import queue
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tonn_mock import server as server_module
from tonn_mock.app import create_app
from tonn_mock.core.settings import ENV_PREFIX, Settings
from tonn_mock.products import implemented_operations
from tonn_mock.tasks.progression import parse_policy
from tonn_openapi.pull import make_pull_command

FC = TypeVar("FC", bound=Callable[..., Any])
PORT = click.IntRange(0, 65535)


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


def log_off_the_request_path() -> None:
    """Log every request, but write the lines from one background thread: request threads only
    queue a record, so a slow terminal never holds them up."""
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    output = logging.StreamHandler()
    output.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    listener = logging.handlers.QueueListener(records, output)
    queued = logging.handlers.QueueHandler(records)
    queued.setFormatter(logging.Formatter("%(message)s"))  # the listener's handler adds the rest
    logging.basicConfig(level=logging.INFO, handlers=[queued])
    listener.start()
    atexit.register(listener.stop)


def tune_garbage_collection() -> None:
    """Keep the collector off the request path's tail. What start-up loaded (the spec, NumPy,
    SciPy, Flask) is frozen out of collections; young objects are collected in small batches
    (under 1 ms each), and the retained task records, which hold no reference cycles, are scanned
    in full rarely: the default thresholds rescanned them every couple of thousand tasks, a pause
    of about 100 ms at 10,000 tasks that set the p99 of a loaded mock."""
    gc.freeze()
    gc.set_threshold(2_000, 50, 100)


def _listen(app: Any, host: str, port: int, threads: int) -> Any:
    """The waitress server bound to ``host:port``; a port in use is one line and exit code 2."""
    try:
        return server_module.build(app, host, port, threads)
    except OSError as problem:
        click.echo(
            f"Error: cannot listen on {host}:{port}: {problem.strerror or problem} "
            "(is another server using it? choose another --port, or --port 0 for a free one)",
            err=True,
        )
        sys.exit(2)


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
@click.option(
    "--storage-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for uploads and results (default: a temporary folder).",
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
    help="Finished tasks kept; past it the oldest are forgotten with their files (default 10000; 0: all).",
)
@env_option(
    "--threads",
    "THREADS",
    default=8,
    show_default=True,
    type=click.IntRange(min=1),
    help="Worker threads of the WSGI server.",
)
@env_option(
    "--control-token",
    "CONTROL_TOKEN",
    help="Token /_mock/ requires (default: none on 127.0.0.1; generated and printed on other addresses).",
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
) -> None:
    """Serve the mock with waitress.

    Each option can also be set by the environment variable shown; TONN_MOCK_CREDITS_ENABLED=false,
    TONN_MOCK_RATE_LIMIT_ENABLED=true and TONN_MOCK_FETCH_REMOTE_INPUTS=true match the flags.
    """
    log_off_the_request_path()
    control_token, warning = server_module.control_token(host, control_token)
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
        )
    except ValueError as problem:
        raise click.UsageError(str(problem)) from None
    app = create_app(settings)
    tune_garbage_collection()
    server = _listen(app, host, port, threads)
    bound_port = server.socket.getsockname()[1] if server.socket.family != socket.AF_UNIX else port
    if warning:
        click.echo(warning, err=True)
    click.echo(f"tonn-mock listening on http://{host}:{bound_port} (docs: /docs, control: /_mock/)", err=True)
    server_module.serve(app, server)  # until SIGTERM or SIGINT, then a graceful stop


main.add_command(make_pull_command(implemented_operations), name="pull-spec")
