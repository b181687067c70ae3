"""Mix analysis: one synchronous call that measures the input and returns the report (§12.9).

The measurements, verdict thresholds and summary text are :func:`tonn_mock.audio.analyse`'s.
Charged 10 credits before the work. Input that cannot be read or breaks the analysis input rules
(WAV/FLAC/MP3, 44.1/48 kHz, 10 s-10 min, not silent) is refused with 400, the only error status
the spec documents for this operation, and the charge is refunded [inferred].
"""

from __future__ import annotations

from typing import Any

from ..audio.analysis import analyse as measure
from ..audio.codecs import DecodedAudio, decode
from ..audio.errors import AudioError
from ..audio.rules import check_input
from ..backend import MockBackend
from ..errors import InvalidRequest
from ..inputs import InputUnavailable
from ..responses import timestamp

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
        check_input(decoded, "analysis")
    except (AudioError, InputUnavailable) as problem:
        raise InvalidRequest(f"Cannot analyse audioFileLocation: {problem}") from None
    return decoded
