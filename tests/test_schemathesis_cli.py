"""Schemathesis out of the box: ``tonn-mock serve``, then ``st run openapi/openapi.json --url ...``
from the repository root exits 0. The committed ``schemathesis.toml`` states Tonn's rules that a
schema cannot: one key for both auth schemes, the gateway's 400 for an unknown key, 400s from
audio and request rules, 402 once the credits run out."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from tonn_mock.products import catalog
from tonn_mock.testing.serving import serve_process

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "schemathesis.toml").read_text())
ST = str(Path(sys.executable).parent / "st")


def test_st_run_from_the_repository_root_passes_against_tonn_mock_serve() -> None:
    with serve_process() as url:  # `tonn-mock serve` with its defaults, on a free loopback port
        command = [ST, "run", "openapi/openapi.json", "--url", url]
        bounded = ["--max-examples", "1", "--seed", "1", "--generation-database", "none"]
        result = subprocess.run(
            command + bounded, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
        )

    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Selected: 22/22" in result.stdout or "22 passed" in result.stdout


def test_one_key_is_supplied_for_both_auth_schemes() -> None:
    keys = {scheme: auth["api_key"] for scheme, auth in CONFIG["auth"]["openapi"].items()}
    assert keys == {"ApiKeyHeader": "tonn-testkit-key", "ApiKeyQuery": "tonn-testkit-key"}


def test_every_charged_operation_may_answer_402_and_no_free_one_does() -> None:
    may_answer_402 = {
        operation_id
        for group in CONFIG["operations"]
        if 402 in group["checks"]["positive_data_acceptance"]["expected-statuses"]
        for operation_id in _as_list(group["include-operation-id"])
    }
    charged = {"retrievePreviewMix" if name == "retrieveFXSettings" else name for name in catalog().prices}
    assert may_answer_402 == charged  # retrieveFXSettings is a charge of retrievePreviewMix


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value
