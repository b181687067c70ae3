"""The ``tonn-mock`` command line: ``serve`` the mock, ``pull-spec`` the live document."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from waitress.server import create_server

from tonn_mock.app import create_app
from tonn_mock.core.settings import ENV_PREFIX, Settings
from tonn_openapi.pull import pull_spec_command

FC = TypeVar("FC", bound=Callable[..., Any])


def env_option(name: str, variable: str, **kwargs: Any) -> Callable[[FC], FC]:
    """A ``click.option`` that can also be set as ``TONN_MOCK_<variable>``."""
    return click.option(name, envvar=ENV_PREFIX + variable, show_envvar=True, **kwargs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tonn-testkit")
def main() -> None:
    """tonn-mock: an offline twin of the RoEx Tonn audio API."""


@main.command()
@env_option("--host", "HOST", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@env_option("--port", "PORT", default=8080, show_default=True, type=int, help="Port; 0 picks a free one.")
@env_option("--keys", "API_KEYS", help="Comma-separated API keys to accept (default: any non-empty key).")
@env_option("--progression", "PROGRESSION", help="immediate | manual | after_polls:N | after_seconds:T")
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
@click.option("--no-rate-limit", is_flag=True, default=None, help="Do not limit requests per minute.")
@env_option(
    "--threads", "THREADS", default=8, show_default=True, type=int, help="Worker threads of the WSGI server."
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
    no_rate_limit: bool | None,
    threads: int,
) -> None:
    """Serve the mock with waitress.

    Each option can also be set by the environment variable shown; TONN_MOCK_CREDITS_ENABLED=false,
    TONN_MOCK_RATE_LIMIT_ENABLED=false and TONN_MOCK_FETCH_REMOTE_INPUTS=true match the flags.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
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
            rate_limit_enabled=False if no_rate_limit else None,
        )
    except ValueError as problem:
        raise click.UsageError(str(problem)) from None
    server = create_server(create_app(settings), host=host, port=port, threads=threads, ident="tonn-mock")
    bound_port = server.socket.getsockname()[1] if server.socket.family != socket.AF_UNIX else port
    click.echo(f"tonn-mock listening on http://{host}:{bound_port} (docs: /docs, control: /_mock/)", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


main.add_command(pull_spec_command, name="pull-spec")
