"""Audio clean-up: one synchronous call that cleans a single instrument track (§12.13).

The processing (high-pass plus downward expander) is :func:`tonn_mock.audio.cleanup`'s. The call
reads and checks the input and answers at once; the cleaned WAV is rendered when its URL is
first downloaded. Charged before the checks (``createAudioCleanup``; amount [inferred], see
:mod:`tonn_mock.backend.credits`). Input problems are application errors: HTTP 200 with Tonn's error
envelope, as the spec's 200 ``oneOf`` documents, and the charge is refunded [inferred]. A file
that is not WAV or FLAC (or not audio at all) gets the documented sample answer "File format not
supported" / "Please use WAV or FLAC"; other rule breaks (rate, length, silence, unreadable URL)
name the problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from tonn_mock.audio.cleanup import cleanup
from tonn_mock.audio.codecs import BitDepth, DecodedAudio, decode, encode
from tonn_mock.audio.errors import AudioError, AudioRejected, UnreadableAudio
from tonn_mock.audio.rules import LOSSLESS, InputRules, check_input
from tonn_mock.backend import MockBackend
from tonn_mock.backend.inputs import InputUnavailable, TaskInputs
from tonn_mock.products.bodies import timestamp
from tonn_mock.storage import RESULTS_PREFIX, make_key

INPUT_RULES = InputRules("cleanup", LOSSLESS)
OPERATION = "createAudioCleanup"
UNSUPPORTED_FORMAT = {"error": True, "message": "File format not supported", "info": "Please use WAV or FLAC"}


class CleanupRefused(Exception):
    """The input cannot be cleaned; ``body`` is the error envelope to answer with."""

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__(body["message"])
        self.body = body


def clean_up(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    """Charge, check the track and answer with the signed URL of its cleaned WAV (rendered on download)."""
    charged = backend.ledger.charge(owner, OPERATION)
    result_id = backend.seams.ids.uuid()
    inputs = backend.inputs.of(result_id)  # the input is pinned: the render reads what was checked
    try:
        decoded = read_input(inputs, data["audioFileLocation"])
    except CleanupRefused as refusal:
        backend.ledger.refund(owner, charged)
        return refusal.body
    key = store_result(backend, inputs, result_id, decoded, data)
    results = {
        "cleaned_audio_file_location": backend.download_url(base_url, key),
        "completion_time": timestamp(backend.clock.now()),
        "error": False,
        "info": "Audio cleaned successfully.",
    }
    return {
        "error": False,
        "message": "Audio cleanup completed successfully.",
        "info": "",
        "audioCleanupResults": results,
    }


def read_input(inputs: TaskInputs, url: str) -> DecodedAudio:
    """The decoded input, or ``CleanupRefused`` carrying the 200 error body to answer with."""
    try:
        decoded = decode(inputs.read(url))
        check_input(decoded, INPUT_RULES)
    except UnreadableAudio:
        raise CleanupRefused(dict(UNSUPPORTED_FORMAT)) from None
    except AudioRejected as problem:
        if problem.code == "unsupported_format":
            raise CleanupRefused(dict(UNSUPPORTED_FORMAT)) from None
        raise CleanupRefused(_refusal(str(problem))) from None
    except (AudioError, InputUnavailable) as problem:
        raise CleanupRefused(_refusal(str(problem))) from None
    return decoded


def store_result(
    backend: MockBackend, inputs: TaskInputs, result_id: str, decoded: DecodedAudio, data: dict[str, Any]
) -> str:
    """Name the cleaned WAV and register its render; returns its storage key.

    The file is cleaned and encoded (at the input's rate; 24-bit stays 24-bit, else 16) from the
    same input when its URL is first downloaded (see :mod:`tonn_mock.storage.deferred`), so the answer
    costs only the checks.
    """
    bit_depth: BitDepth = 24 if decoded.bit_depth == 24 else 16
    recipe = {"url": data["audioFileLocation"], "source": data["soundSource"], "bit_depth": bit_depth}
    backend.keep_recipe(result_id, "cleanup", recipe)
    return defer_cleaned(backend, result_id, recipe)


def defer_cleaned(backend: MockBackend, result_id: str, recipe: Mapping[str, Any]) -> str:
    """Register the render of a cleaned WAV from its recipe (also in a process other than the one
    that answered, :meth:`MockBackend.keep_recipe`); returns its storage key."""
    url, inputs = recipe["url"], backend.inputs.of(result_id)

    def cleaned() -> bytes:
        return encode(cleanup(decode(inputs.read(url)).audio, recipe["source"]), "WAV", recipe["bit_depth"])

    return backend.results.defer(make_key(RESULTS_PREFIX, result_id, cleaned_name(url)), "audio/wav", cleaned)


def cleaned_name(url: str) -> str:
    """``.../lead_vocal.wav`` -> ``lead_vocal_cleaned.wav`` (as in RoEx's sample answer)."""
    base = unquote(urlsplit(url).path).rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem or 'audio'}_cleaned.wav"


def _refusal(reason: str) -> dict[str, Any]:
    return {"error": True, "message": reason, "info": "Audio cleanup failed."}
