"""Mix analysis: one synchronous call that measures the input and returns the report (§12.9).

The measurements, verdict thresholds and summary text are :func:`tonn_mock.audio.analyse`'s.
Charged 10 credits before the work. Input that cannot be read or breaks the analysis input rules
(WAV/FLAC/MP3, 44.1/48 kHz, 10 s-10 min, not silent) is refused with 400, the only error status
the spec documents for this operation, and the charge is refunded [inferred].
"""

from __future__ import annotations

from typing import Any

from tonn_mock.audio.analysis import analyse as measure
from tonn_mock.audio.codecs import DecodedAudio, decode
from tonn_mock.audio.errors import AudioError
from tonn_mock.audio.rules import InputRules, check_input
from tonn_mock.backend import MockBackend
from tonn_mock.backend.inputs import InputUnavailable
from tonn_mock.core.errors import InvalidRequest
from tonn_mock.products.bodies import timestamp

INPUT_RULES = InputRules("analysis")
OPERATION = "createMixAnalysis"
MESSAGE = "Successfully initiated a diagnosis task."


def analyse(backend: MockBackend, owner: str, data: dict[str, Any]) -> dict[str, Any]:
    """Charge, read and check the input, then report its measurements and verdicts."""
    charged = backend.ledger.charge(owner, OPERATION)
    try:
        decoded = read_input(backend, data["audioFileLocation"])
    except InvalidRequest:
        backend.ledger.refund(owner, charged)
        raise
    payload = measure(decoded, data["musicalStyle"], data["isMaster"])
    results = {
        "completion_time": timestamp(backend.clock.now()),
        "error": False,
        "info": "",
        "payload": payload,
    }
    return {"error": False, "message": MESSAGE, "info": "", "mixDiagnosisResults": results}


def read_input(backend: MockBackend, url: str) -> DecodedAudio:
    """The decoded input, or ``InvalidRequest`` naming why it cannot be analysed."""
    try:
        decoded = decode(backend.inputs.read(url))
        check_input(decoded, INPUT_RULES)
    except (AudioError, InputUnavailable) as problem:
        raise InvalidRequest(f"Cannot analyse audioFileLocation: {problem}") from None
    return decoded
