"""The committed client is exactly what the spec generates, and it speaks the spec's wire format."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tonn_client.models
from tonn_openapi import SPEC_PATH, load_spec

ROOT = Path(__file__).resolve().parent.parent
REGEN = ROOT / "scripts" / "regen_client.py"
SPEC = load_spec()


def regen_check(spec: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REGEN), "--check", "--spec", str(spec)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_the_committed_client_matches_the_spec() -> None:
    result = regen_check(SPEC_PATH)
    assert result.returncode == 0, result.stderr


def test_the_drift_check_fails_after_a_spec_edit(tmp_path: Path) -> None:
    edited = load_spec()
    edited["components"]["schemas"]["DesiredLoudness"]["enum"].append("VERY_LOUD")
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(edited))
    result = regen_check(spec)
    assert result.returncode == 1
    assert "changed: models/desired_loudness.py" in result.stderr


def operations() -> list[tuple[str, dict[str, Any]]]:
    return [(path, op) for path, item in SPEC["paths"].items() for op in item.values()]


@pytest.mark.parametrize(("path", "op"), operations(), ids=[op["operationId"] for _, op in operations()])
def test_every_operation_has_sync_and_async_functions(path: str, op: dict[str, Any]) -> None:
    module = importlib.import_module(f"tonn_client.api.{op['tags'][0]}.{snake(op['operationId'])}")
    for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        assert callable(getattr(module, function))


def request_examples() -> list[tuple[str, str, Any]]:
    cases = []
    for _, op in operations():
        if "requestBody" not in op:
            continue
        media = op["requestBody"]["content"]["application/json"]
        model = media["schema"]["$ref"].rsplit("/", 1)[-1]
        for name, example in media["examples"].items():
            cases.append((f"{op['operationId']}:{name}", model, example["value"]))
    return cases


@pytest.mark.parametrize(
    ("case", "model", "wire"), request_examples(), ids=[c[0] for c in request_examples()]
)
def test_request_models_serialise_to_the_spec_examples(case: str, model: str, wire: Any) -> None:
    cls = getattr(tonn_client.models, model)
    built = cls.from_dict(wire)
    assert built.to_dict() == wire
    assert json.loads(json.dumps(built.to_dict())) == wire


def test_a_request_built_from_typed_models_is_the_wire_json_roex_sends() -> None:
    from tonn_client.models import (
        DesiredLoudness,
        MasteringPreviewData,
        MasteringPreviewRequest,
        MasteringTrack,
        MusicalStyle,
        SampleRateString,
    )

    request = MasteringPreviewRequest(
        mastering_data=MasteringPreviewData(
            track_data=[MasteringTrack(track_url="https://example.com/song.wav")],
            musical_style=MusicalStyle.POP,
            desired_loudness=DesiredLoudness.MEDIUM,
            sample_rate=SampleRateString.RATE_44100,
        )
    )
    assert request.to_dict() == {
        "masteringData": {
            "trackData": [{"trackURL": "https://example.com/song.wav"}],
            "musicalStyle": "POP",
            "desiredLoudness": "MEDIUM",
            "sampleRate": "44100",
        }
    }
