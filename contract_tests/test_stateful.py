"""Stateful runs: schemathesis follows the links, every check on each step.

Journeys: upload → create → poll → retrieve → download (mastering, analysis, enhance, clean-up,
dialogue); mix preview → retrieve preview → final mix; separation → stems → recombine. The
links come from the document, plus the upload and stems links it lacks (:mod:`.links`).

Around each step the machine does what a Tonn client does between API calls:

* after ``/upload`` it PUTs audio of the requested type to the signed URL;
* a final mix lists exactly the tracks of its preview (the document: "must match a track of the
  preview request");
* after a retrieve that returns result URLs it downloads them and checks they are audio.
"""

from __future__ import annotations

import functools
import io
from typing import Any, ClassVar

import hypothesis
import numpy as np
import pytest
import soundfile as sf
from schemathesis import Case, Response
from schemathesis.generation.stateful.state_machine import APIStateMachine

from .checks import body_of, operation_id, result_urls
from .knowledge import POLLING_OPERATIONS, TASK_ID_KEYS
from .links import journey_document
from .plan import RunSettings, active
from .report import RunReport
from .schema import contract_schema
from .shaping import aim
from .target import AUDIO_SECONDS, Target

pytestmark = pytest.mark.contract

FORMATS = {"audio/wav": "WAV", "audio/flac": "FLAC", "audio/mpeg": "MP3"}
AUDIO_MAGIC = (b"RIFF", b"fLaC", b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")
DOWNLOADS_PER_ANSWER = 2

schema = contract_schema(active(), journey_document())


@functools.cache
def audio_file(content_type: str) -> bytes:
    """A short tone encoded as ``content_type`` (what a client would upload under that type)."""
    rate = 44100
    t = np.arange(int(AUDIO_SECONDS * rate)) / rate
    signal = 0.25 * np.sin(2 * np.pi * 330.0 * t)
    buffer = io.BytesIO()
    sf.write(buffer, np.stack([signal, signal], axis=1), rate, format=FORMATS.get(content_type, "WAV"))
    return buffer.getvalue()


class TonnJourneys(schema.as_state_machine()):  # type: ignore[misc]
    """The state machine schemathesis derives from the links, with a client's work in between."""

    target: ClassVar[Target]
    report: ClassVar[RunReport]

    def setup(self) -> None:
        self.preview_tracks: dict[str, list[str]] = {}

    def teardown(self) -> None:
        self.report.scenario_done()

    def before_call(self, case: Case[Any]) -> None:
        aim(case, self.target)
        if operation_id(case) == "retrieveFinalMix":
            list_the_preview_tracks(case, self.preview_tracks)
        self.report.case_sent(case, stateful=True)

    def after_call(self, response: Response, case: Case[Any]) -> None:
        super().after_call(response, case)
        self.report.answered(case, response)
        body = body_of(response)
        op = operation_id(case)
        if response.status_code != 200 or not isinstance(body, dict) or body.get("error") is True:
            return
        request = as_dict(case.body)
        if op == "createUploadUrl":
            self.put_upload(body, str(request.get("contentType")))
        elif op == "createMixPreview":
            tracks = as_list(as_dict(request.get("multitrackData")).get("trackData"))
            urls = [str(as_dict(track).get("trackURL")) for track in tracks]
            self.preview_tracks[str(body.get(TASK_ID_KEYS["createMixPreview"]))] = urls
        elif op in POLLING_OPERATIONS:
            self.download(body)

    def put_upload(self, answer: dict[str, Any], content_type: str) -> None:
        with self.target.client() as client:
            put = client.put(
                answer["signed_url"], content=audio_file(content_type), headers={"Content-Type": content_type}
            )
        assert put.status_code == 200, f"PUT to the signed upload URL failed ({put.status_code}): {put.text}"

    def download(self, answer: dict[str, Any]) -> None:
        """Fetch the result URLs like a client (no API key) and check that they serve audio."""
        urls = [url for _, url in result_urls(answer)][:DOWNLOADS_PER_ANSWER]
        with self.target.client(keyed=False) as client:
            for url in urls:
                got = client.get(url)
                assert got.status_code == 200 and got.content.startswith(AUDIO_MAGIC), (
                    f"download of a result gave {got.status_code}, {got.content[:16]!r}; "
                    f"reproduce with: curl -o result.bin '{url}'"
                )


def list_the_preview_tracks(case: Case[Any], preview_tracks: dict[str, list[str]]) -> None:
    """Make a final mix name exactly its preview's tracks (keeping the generated per-track settings)."""
    request = as_dict(case.body)
    data = as_dict(request.get("applyAudioEffectsData"))
    urls = preview_tracks.get(str(data.get("multitrackTaskId")))
    if not urls or case.meta is None or not case.meta.generation.mode.is_positive:
        return
    generated = [as_dict(item) for item in as_list(data.get("trackData")) if isinstance(item, dict)]
    generated = generated or [{"gainDb": 0.0}]
    tracks = [{**generated[index % len(generated)], "trackURL": url} for index, url in enumerate(urls)]
    body: dict[str, Any] = {**request, "applyAudioEffectsData": {**data, "trackData": tracks}}
    case.body = body


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def test_journeys_follow_the_links(
    contract_target: Target, contract_report: RunReport, contract_settings: RunSettings
) -> None:
    machine: type[APIStateMachine] = type(
        "TonnJourneysRun", (TonnJourneys,), {"target": contract_target, "report": contract_report}
    )
    database = None if contract_settings.database == "none" else contract_settings.database
    settings = hypothesis.settings(
        machine.TestCase.settings,
        max_examples=contract_settings.scenarios,
        stateful_step_count=contract_settings.steps,
        database=hypothesis.database.DirectoryBasedExampleDatabase(database) if database else None,
    )
    hypothesis.seed(contract_settings.seed)(machine).run(settings=settings)
