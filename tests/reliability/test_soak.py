"""The soak's short profile (``benchmarks/soak.py``) passes: every reliability probe, replayed
against ``tonn-mock serve``, finds no 5xx, nothing lost, duplicated or stuck, and no target missed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SOAK = Path(__file__).resolve().parents[2] / "benchmarks" / "soak.py"
SCENARIOS = (
    "load",
    "backlog",
    "webhooks",
    "bad input",
    "storage tampering",
    "signals",
    "slow clients",
    "reset",
    "charging",
)


def test_the_short_soak_is_clean() -> None:
    run = subprocess.run(
        [sys.executable, str(SOAK), "--profile", "short"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    table = run.stdout
    assert table.startswith(
        "| scenario | requests | 5xx | lost | duplicated | stuck | violations | seconds |"
    )
    assert [line.split(" | ")[0].lstrip("| ").split(":")[0] for line in table.splitlines()[2:11]] == list(
        SCENARIOS
    )
