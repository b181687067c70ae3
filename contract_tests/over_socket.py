"""Run the whole contract suite against ``tonn-mock serve`` on a loopback port.

    python -m contract_tests.over_socket [pytest options]

Starts the mock as a separate process (only the suite's key valid, no rate limit, tasks done on
their second poll), runs ``python -m pytest contract_tests/test_operations.py
contract_tests/test_stateful.py --tonn-base-url <its URL>`` with the options given, and exits
with pytest's status. ``tox -e contract-mock`` runs it after the in-process suite.
"""

from __future__ import annotations

import subprocess
import sys

from .servers import ROOT, tonn_mock_serve

SUITE = ("contract_tests/test_operations.py", "contract_tests/test_stateful.py")


def main(argv: list[str]) -> int:
    with tonn_mock_serve() as url:
        print(f"contract suite against tonn-mock serve at {url}", flush=True)
        command = [sys.executable, "-m", "pytest", *SUITE, "--tonn-base-url", url, *argv]
        return subprocess.run(command, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
