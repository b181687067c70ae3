"""Options, fixtures and the run summary of the contract suite.

Targets (one switch apart):

* default: the mock in-process (WSGI, no socket);
* ``--tonn-base-url URL`` (or ``TONN_BASE_URL``): any server, e.g. ``tonn-mock serve``;
* ``--tonn-live`` (or ``TONN_CONTRACT_LIVE=1``): https://tonn.roexaudio.com with
  ``TONN_API_KEY``; skipped, saying how to enable it, without a key. Credit-safe unless
  ``--tonn-allow-charges``.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from . import checks  # noqa: F401  (registers our checks with schemathesis)
from .plan import ContractPlan, RunSettings, activate, active
from .report import RunReport
from .target import Kind, NotConfigured, Target, TargetChoice, choose, prepared

DEFAULT_DATABASE = ".hypothesis/tonn-contract"
TRUTHY = {"1", "true", "yes", "on"}
SUITE_MODULES = ("test_operations", "test_stateful")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("tonn-contract", "Tonn contract tests (contract_tests/)")
    group.addoption("--tonn-base-url", metavar="URL", help="run the contract suite against this server")
    with contextlib.suppress(ValueError):  # tonn_mock's pytest plugin, when installed, defines it already
        group.addoption("--tonn-live", action="store_true", default=False, help="run against live Tonn")
    group.addoption("--tonn-allow-charges", action="store_true", help="include operations that cost credits")
    group.addoption("--tonn-max-examples", type=int, default=5, help="random examples per operation (5)")
    group.addoption("--tonn-seed", type=int, default=20_250_601, help="Hypothesis seed (fixed by default)")
    group.addoption(
        "--tonn-database",
        default=DEFAULT_DATABASE,
        help=f"where found failures are kept and replayed first; 'none' for nowhere ({DEFAULT_DATABASE})",
    )
    group.addoption("--tonn-scenarios", type=int, default=12, help="stateful scenarios per run (12)")
    group.addoption("--tonn-steps", type=int, default=8, help="most calls in one stateful scenario (8)")
    group.addoption("--tonn-audio-url", action="append", default=[], help="live: an input audio URL to send")
    group.addoption("--tonn-strict", action="store_true", help="fail on known divergences as well")
    group.addoption(
        "--tonn-operation",
        action="append",
        default=[],
        metavar="ID",
        help="only this operationId (repeatable)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "contract: the schemathesis contract suite (contract_tests/)")
    activate(ContractPlan(run_settings(config), target_choice(config)))


def run_settings(config: pytest.Config) -> RunSettings:
    database = str(config.getoption("tonn_database"))
    if database.lower() != "none":
        database = str(Path(config.rootpath, database))
    return RunSettings(
        max_examples=config.getoption("tonn_max_examples"),
        seed=config.getoption("tonn_seed"),
        database=database,
        strict=config.getoption("tonn_strict"),
        scenarios=config.getoption("tonn_scenarios"),
        steps=config.getoption("tonn_steps"),
        operations=tuple(config.getoption("tonn_operation")),
    )


def live_requested(config: pytest.Config) -> bool:
    """``--tonn-live``, or ``TONN_LIVE=1`` / ``TONN_CONTRACT_LIVE=1`` in the environment."""
    flags = (os.environ.get(name, "").strip().lower() for name in ("TONN_LIVE", "TONN_CONTRACT_LIVE"))
    return bool(config.getoption("tonn_live")) or any(flag in TRUTHY for flag in flags)


def target_choice(config: pytest.Config) -> TargetChoice:
    return TargetChoice.from_environment(
        config.getoption("tonn_base_url"),
        live_requested(config),
        config.getoption("tonn_allow_charges"),
        config.getoption("tonn_audio_url"),
    )


@pytest.fixture(scope="session")
def contract_target() -> Iterator[Target]:
    """The API under test, its inputs uploaded; skips with instructions when it is not configured."""
    plan = active()
    try:
        target = choose(plan.choice)
    except NotConfigured as reason:
        pytest.skip(str(reason))
    plan.forwarder.app = target.app
    with prepared(target, plan.choice.audio_urls) as ready:
        plan.report.target = ready
        plan.report.settings = plan.settings.describe()
        yield ready


@pytest.fixture(scope="session")
def contract_report(contract_target: Target) -> RunReport:
    return active().report


@pytest.fixture(scope="session")
def contract_settings() -> RunSettings:
    return active().settings


@pytest.fixture
def default_target_only() -> None:
    """Self-tests of the suite (planted bugs, the socket run) use the mock, whatever the target."""
    if active().choice.kind != Kind.IN_PROCESS:
        pytest.skip("self-tests of the contract suite run with the default (in-process) target only")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    """Time the suite proper (setup included), apart from the self-tests run between its modules."""
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        if item.path.stem in SUITE_MODULES:
            active().report.add_time(time.perf_counter() - started)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under pytest-xdist, hand this worker's summary to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["tonn_contract_summary"] = active().report.lines()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """pytest-xdist controller: keep each worker's summary for the terminal."""
    lines = getattr(node, "workeroutput", {}).get("tonn_contract_summary") or []
    active().report.remote_runs.extend(f"[{node.gateway.id}] {line}" for line in lines)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = active().report.lines()
    if lines:
        terminalreporter.section("Tonn contract run")
        for line in lines:
            terminalreporter.write_line(line)
