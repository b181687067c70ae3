"""The contract run of this pytest session, fixed when pytest is configured.

Schemathesis builds its tests when the test modules are collected, so the settings that shape
them (seed, examples, target URL, key) must be known before then: ``conftest.pytest_configure``
reads the options and activates a :class:`ContractPlan`; the test modules build their schema
from it. The target itself (an app, uploaded audio) is prepared later, by a session fixture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .report import RunReport
from .target import Forwarder, TargetChoice


@dataclass(frozen=True)
class RunSettings:
    """The knobs of a run (all pytest options, see ``contract_tests/conftest.py``)."""

    max_examples: int = 5
    seed: int = 20_250_601
    database: str = "none"
    strict: bool = False
    scenarios: int = 12
    steps: int = 8
    operations: tuple[str, ...] = ()

    def describe(self) -> str:
        return (
            f"--tonn-seed {self.seed} --tonn-max-examples {self.max_examples} "
            f"--tonn-scenarios {self.scenarios}; failure database: {self.database}"
        )


@dataclass
class ContractPlan:
    settings: RunSettings
    choice: TargetChoice
    report: RunReport = field(default_factory=RunReport)
    forwarder: Forwarder = field(default_factory=Forwarder)


_active: list[ContractPlan] = []


def activate(plan: ContractPlan) -> None:
    _active[:] = [plan]


def active() -> ContractPlan:
    """The session's plan (defaults when the suite is imported outside pytest's configure step)."""
    if not _active:
        activate(ContractPlan(RunSettings(), TargetChoice()))
    return _active[0]
