"""Errors raised by the audio engine.

Hierarchy (one root, so a task processor can catch everything audio-related in one place)::

    AudioError                 code + message, safe to show to an API user
    ├── UnreadableAudio        the bytes are not audio libsndfile can decode
    └── AudioRejected          decodable, but outside the Tonn input rules (EVIDENCE §7)

The real service's status code and wording for rejected audio are not documented (EVIDENCE §14
item 20); the messages here follow RoEx's own example validators and are meant to be read by people.
"""

from __future__ import annotations


class AudioError(Exception):
    """Root of the audio errors: a stable machine ``code`` and a human ``message``."""

    code = "audio_error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class UnreadableAudio(AudioError):
    """The input could not be decoded as audio (random bytes, truncated file, unknown container)."""

    code = "unreadable_audio"


class AudioRejected(AudioError):
    """The audio decoded fine but breaks an input rule (format, rate, length or silence)."""

    code = "audio_rejected"
