#!/usr/bin/env python3
"""The reliability soak: replays the reliability probes against ``tonn-mock serve`` and prints a
table of requests sent, 5xx, lost, duplicated, stuck and the time each scenario took.

Scenarios (each in its own mock; every byte goes to 127.0.0.1; every count and wait is bounded):

* load: tasks of five products under three progressions, polled to their end, with webhooks;
* backlog: a backlog of task work done at once, /health probed throughout;
* webhooks: a healthy receiver beside receivers that fail, stall, drip or refuse;
* bad input: malformed, deep, non-finite and mistyped bodies on every operation and control verb;
* storage tampering: altered, unsigned, expired-looking and traversing URLs, as requests and inputs;
* signals: SIGTERM/SIGINT in the middle of a burst, and a restart that sends kept webhooks;
* slow clients: downloads nobody reads and idle connections, /health probed;
* reset: resets of the mock under traffic;
* charging: racing retrievals with the interpreter switching threads every microsecond.

``lost``: a good task that failed or vanished, a request cut, a webhook not delivered; ``stuck``: a
task not finished in time; ``duplicated``: a webhook or a charge made twice; ``violations``: a
target missed (a slow poll or /health, a long attempt, tampering accepted, a slow exit, a folder
left). Exit status 1 if any count is not zero.

Usage: ``python benchmarks/soak.py [--profile short|full]`` (short: about 30 s, in the test suite;
full: the issue's sizes, about 3 minutes).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))

import soak_load
import soak_probes
from soak_tools import Row

PROFILES: dict[str, list[Callable[[], Row]]] = {
    "short": [
        lambda: soak_load.load(30),
        lambda: soak_load.backlog(200),
        lambda: soak_load.webhooks(20),
        soak_probes.bad_input,
        soak_probes.tampering,
        lambda: soak_probes.signals(1),
        lambda: soak_probes.slow_clients(4, 24, 120),
        lambda: soak_probes.reset_under_traffic(10),
        lambda: soak_load.charging(30, 15),
    ],
    "full": [
        lambda: soak_load.load(2000),
        lambda: soak_load.backlog(1000),
        lambda: soak_load.webhooks(200),
        soak_probes.bad_input,
        soak_probes.tampering,
        lambda: soak_probes.signals(6),
        lambda: soak_probes.slow_clients(8, 64, 300),
        lambda: soak_probes.reset_under_traffic(45),
        lambda: soak_load.charging(60, 30),
    ],
}
COLUMNS = ("requests", "5xx", "lost", "duplicated", "stuck", "violations", "seconds")


def timed(scenario: Callable[[], Row]) -> Row:
    started = time.monotonic()
    row = scenario()
    row.seconds = time.monotonic() - started
    return row


def table(rows: list[Row]) -> str:
    """A Markdown table: one row per scenario, then its note."""
    lines = [f"| scenario | {' | '.join(COLUMNS)} |", "|---" * (len(COLUMNS) + 1) + "|"]
    for row in rows:
        counts = (row.requests, row.server_errors, row.lost, row.duplicated, row.stuck, row.violations)
        lines.append(f"| {row.scenario} | {' | '.join(map(str, counts))} | {row.seconds:.1f} |")
    lines.append("")
    lines += [f"- {row.scenario}: {row.note}" for row in rows]
    return "\n".join(lines)


@click.command()
@click.option("--profile", type=click.Choice(sorted(PROFILES)), default="short", show_default=True)
def main(profile: str) -> None:
    """Run every scenario of the profile and print the table; exit 1 if anything was not clean."""
    rows = []
    for scenario in PROFILES[profile]:
        rows.append(timed(scenario))
        click.echo(f"done: {rows[-1].scenario} ({rows[-1].seconds:.1f} s)", err=True)
    click.echo(table(rows))
    sys.exit(0 if all(row.clean for row in rows) else 1)


if __name__ == "__main__":
    main()
