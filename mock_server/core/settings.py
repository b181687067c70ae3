"""Settings of one mock instance, built once at the edge and passed into ``create_app``."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tonn_mock.tasks.progression import parse_policy

ENV_PREFIX = "TONN_MOCK_"


@dataclass(frozen=True)
class Settings:
    """Everything a mock instance can be told at start-up (all also ``TONN_MOCK_*`` variables).

    ``api_keys`` empty means any non-empty key is accepted. ``public_url`` is the address clients
    use to reach the mock; when unset, URLs are built from each request's host.
    """

    api_keys: frozenset[str] = frozenset()
    progression: str = "immediate"
    seed: int | None = None
    storage_dir: Path | None = None
    public_url: str | None = None
    max_upload_bytes: int = 200 * 1024 * 1024
    max_body_bytes: int = 1024 * 1024
    upload_url_ttl: int = 3600
    download_url_ttl: int = 3600
    signing_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    credits_enabled: bool = True
    initial_credits: int = 10_000
    rate_limit_enabled: bool = False
    """Off by default, as in every peer mock; on, more than ``rate_limit_per_minute`` requests a
    minute per key are answered 429 with ``Retry-After`` (EVIDENCE §3)."""
    rate_limit_per_minute: int = 100
    fetch_remote_inputs: bool = False
    webhook_max_attempts: int = 5
    webhook_base_delay: float = 0.5
    webhook_max_delay: float = 30.0
    webhook_timeout: float = 5.0
    retain_tasks: int = 10_000
    """Finished tasks kept, and as many clean-up results (the oldest are forgotten past it, with
    their files); 0 keeps all."""
    control_token: str | None = None
    """When set, ``/_mock/`` answers only requests carrying it, and its listings mask API keys."""
    state_path: Path | None = None
    """A SQLite file holding the mock's state (tasks, credits, faults, webhooks...), shared by
    worker processes and kept across restarts; ``None`` keeps the state in memory."""
    workers: int = 1
    """Processes serving over the state file."""
    worker: int | None = None
    """This process's number among those workers (set by ``serve --workers`` in each): it then
    keeps its request journal in a file beside the state, where every worker reads it."""
    housekeeper: bool = True
    """This process moves time-based tasks and sends the webhooks of every process sharing the
    state (one worker of several does)."""

    def __post_init__(self) -> None:
        parse_policy(self.progression)  # fail at start-up, not at the first request

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``TONN_MOCK_*`` variables, then explicit overrides (e.g. CLI options)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name, convert in _CONVERTERS.items():
            variable = ENV_PREFIX + name.upper()
            raw = env.get(variable)
            if raw is not None and raw != "":
                try:
                    values[name] = convert(raw)
                except ValueError as problem:
                    raise ValueError(f"{variable}={raw!r}: {problem}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def _flag(raw: str) -> bool:
    if raw.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"not a boolean: {raw!r}")


def _policy(raw: str) -> str:
    parse_policy(raw)  # refused here, so the error names the variable
    return raw


def _keys(raw: str) -> frozenset[str]:
    return frozenset(k.strip() for k in raw.split(",") if k.strip())


_CONVERTERS: dict[str, Callable[[str], object]] = {
    "api_keys": _keys,
    "progression": _policy,
    "seed": int,
    "storage_dir": Path,
    "public_url": str,
    "max_upload_bytes": int,
    "max_body_bytes": int,
    "upload_url_ttl": int,
    "download_url_ttl": int,
    "signing_secret": str.encode,
    "credits_enabled": _flag,
    "initial_credits": int,
    "rate_limit_enabled": _flag,
    "rate_limit_per_minute": int,
    "fetch_remote_inputs": _flag,
    "webhook_max_attempts": int,
    "webhook_base_delay": float,
    "webhook_max_delay": float,
    "webhook_timeout": float,
    "retain_tasks": int,
    "control_token": str,
    "state_path": Path,
}
