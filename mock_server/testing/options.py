"""``MockOptions``: the per-test options of the mock (the keywords of ``@pytest.mark.tonn_mock``).

Every option is checked when the options are built, so a typo or a wrong value is one line
naming the option and what it accepts (``progression: invalid progression policy 'sometimes';
valid: ...``), not a traceback from deep inside the mock when the test starts.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tonn_mock.control import MockControl
from tonn_mock.control.names import POLICIES
from tonn_mock.core.settings import Settings
from tonn_mock.tasks.progression import parse_policy

DEFAULT_KEY = "test-key"
WebhookMode = Literal["record", "deliver"]
FAULT_KEYWORDS = tuple(list(inspect.signature(MockControl.inject_fault).parameters)[1:])


class OptionError(ValueError):
    """A marker option with a wrong name or value; the message names it and what is valid."""


@dataclass(frozen=True)
class MockOptions:
    """Per-test options (the keywords of ``@pytest.mark.tonn_mock``).

    ``progression``: ``immediate`` | ``after_polls:N`` | ``after_seconds:T`` | ``manual``.
    ``keys``: the accepted API keys (others get 400); ``api_key``: the key the fixtures' clients
    use (default: the first of ``keys``, else ``test-key``). ``credits``: starting balance of every
    key (int), per-key balances (mapping), or ``False`` to switch charging off. ``rate_limit``:
    ``True`` (100 requests a minute per key) or a number of requests a minute: over it, 429 with
    ``Retry-After``; off by default. ``faults``: ``inject_fault`` keyword dicts. ``webhooks``:
    ``record`` (in memory, never sent: offline) or ``deliver`` (really POSTed);
    ``webhook_base_delay`` and ``webhook_max_attempts``: the delivery retry policy.
    ``strict``: fail the test on mock-side errors and undelivered webhooks. ``webhook_grace``:
    seconds to let deliveries finish after the test before calling them undelivered.
    ``passthrough``: for ``tonn_intercept``, which calls to other hosts go out (``requests`` and
    ``httpx`` alike). ``clock``: ``fake`` (moves only via ``advance_clock``) or ``system``.
    ``seed``: repeatable ids. ``public_url``: the base of the URLs the mock hands out (default:
    each request's host).
    """

    progression: str | None = None
    keys: Sequence[str] | None = None
    api_key: str | None = None
    credits: int | bool | Mapping[str, int] | None = None
    rate_limit: bool | int | None = None
    faults: Sequence[Mapping[str, Any]] = ()
    webhooks: WebhookMode = "record"
    webhook_base_delay: float | None = None
    webhook_max_attempts: int | None = None
    strict: bool = True
    webhook_grace: float = 1.0
    passthrough: bool | Sequence[str] = False
    clock: Literal["fake", "system"] = "fake"
    seed: int | None = None
    public_url: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.faults, Mapping):
            object.__setattr__(self, "faults", (self.faults,))
        _choice("webhooks", self.webhooks, ("record", "deliver"))
        _choice("clock", self.clock, ("fake", "system"))
        if self.progression is not None:
            try:
                parse_policy(self.progression)
            except ValueError:
                invalid = f"progression={self.progression!r} is not valid"
                raise OptionError(f"{invalid}; valid: {POLICIES}") from None
        _check_numbers(self)
        for index, fault in enumerate(self.faults):
            _check_fault(index, fault)

    @classmethod
    def from_keywords(cls, keywords: Mapping[str, Any]) -> MockOptions:
        """Options from marker keywords; unknown names are an error that lists the known ones."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(keywords) - known)
        if unknown:
            raise OptionError(f"unknown tonn_mock option(s) {unknown}; known: {sorted(known)}")
        return cls(**keywords)

    @property
    def key(self) -> str:
        """The API key clients of this test use."""
        return self.api_key or (next(iter(self.keys)) if self.keys else DEFAULT_KEY)

    def settings(self, base: Settings) -> Settings:
        """``base`` with these options applied."""
        given = {
            "seed": self.seed,
            "progression": self.progression,
            "api_keys": None if self.keys is None else frozenset(self.keys),
            "public_url": self.public_url,
            "webhook_base_delay": self.webhook_base_delay,
            "webhook_max_attempts": self.webhook_max_attempts,
        }
        changes: dict[str, Any] = {name: value for name, value in given.items() if value is not None}
        if isinstance(self.credits, bool):
            changes["credits_enabled"] = self.credits
        elif isinstance(self.credits, int):
            changes["initial_credits"] = self.credits
        if isinstance(self.rate_limit, bool):
            changes["rate_limit_enabled"] = self.rate_limit
        elif isinstance(self.rate_limit, int):
            changes.update(rate_limit_enabled=True, rate_limit_per_minute=self.rate_limit)
        return dataclasses.replace(base, **changes)


def _choice(name: str, value: object, valid: Sequence[str]) -> None:
    if value not in valid:
        raise OptionError(f"{name}={value!r} is not valid; valid: {', '.join(map(repr, valid))}")


def _check_numbers(options: MockOptions) -> None:
    credits = options.credits
    if credits is not None and not isinstance(credits, bool | int | Mapping):
        raise OptionError(f"credits={credits!r} is not valid; valid: an int, a {{key: int}} mapping or False")
    rate = options.rate_limit
    if rate is not None and not isinstance(rate, bool) and (not isinstance(rate, int) or rate < 1):
        raise OptionError(f"rate_limit={rate!r} is not valid; valid: True, False or requests a minute (>= 1)")
    for name in ("webhook_base_delay", "webhook_grace"):
        value = getattr(options, name)
        if value is not None and (not isinstance(value, int | float) or value < 0):
            raise OptionError(f"{name}={value!r} is not valid; valid: seconds >= 0")
    attempts = options.webhook_max_attempts
    if attempts is not None and (not isinstance(attempts, int) or attempts < 1):
        raise OptionError(f"webhook_max_attempts={attempts!r} is not valid; valid: an int >= 1")


def _check_fault(index: int, fault: Any) -> None:
    if not isinstance(fault, Mapping):
        raise OptionError(f"faults[{index}]={fault!r} is not valid; valid: a dict of inject_fault keywords")
    unknown = sorted(set(fault) - set(FAULT_KEYWORDS))
    if unknown:
        raise OptionError(f"faults[{index}]: unknown keyword(s) {unknown}; valid: {list(FAULT_KEYWORDS)}")
