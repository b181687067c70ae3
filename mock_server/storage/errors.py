"""Storage errors, each carrying the code, message and details that GCS's XML API would send.

The real uploads and downloads go to Google Cloud Storage, whose failures are XML bodies like
``<Error><Code>SignatureDoesNotMatch</Code><Message>Access denied.</Message>…</Error>`` rather
than Tonn's JSON envelope. The storage routes therefore render these errors with
:func:`render_xml` (the one place that serialises them) and answer with :attr:`StorageError.status`.

Hierarchy (code, HTTP status)::

    StorageError                     InternalError            500
    ├── UnsafeKey                    InvalidArgument          400  traversal, NUL, bad chars
    ├── BlobTooLarge                 EntityTooLarge           413  more than max_bytes
    ├── BlobNotFound                 NoSuchKey                404
    └── SignatureError               (only via subclasses)
        ├── SignatureMissing         AccessDenied             403  no X-Goog-* parameters
        ├── MalformedSignature       MalformedSecurityHeader  400  missing/unparsable parameter
        ├── SignatureMismatch        SignatureDoesNotMatch    403  key, method or query altered
        │   └── ContentTypeMismatch  SignatureDoesNotMatch    403  PUT with another Content-Type
        └── SignatureExpired         ExpiredToken             400

``SignatureDoesNotMatch``/"Access denied.", ``ExpiredToken`` (400), ``MalformedSecurityHeader``
(400) and ``NoSuchKey`` are what GCS answers for V4 signed URLs; ``InvalidArgument`` and
``EntityTooLarge`` are the S3-style codes of GCS's XML API, chosen by us [inferred], and the 413
is the mock's (GCS has no per-object limit to enforce). ``Details`` texts are more specific than
GCS's where that helps a test author (see each class).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_GCS_MISMATCH_DETAILS = (
    "The request signature we calculated does not match the signature you provided. "
    "Check your Google secret key and signing method."
)


class StorageError(Exception):
    """Root of every storage failure; ``code``/``message``/``details`` feed :func:`render_xml`."""

    code = "InternalError"
    status = 500

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(f"{message} {details}".strip())
        self.message = message
        self.details = details


class UnsafeKey(StorageError):
    """A key that could escape the store's root or is not in the safe key alphabet."""

    code = "InvalidArgument"
    status = 400

    def __init__(self, key: str, reason: str) -> None:
        super().__init__("Invalid argument.", f"Unsafe object key {key!r}: {reason}.")
        self.key = key
        self.reason = reason


class BlobTooLarge(StorageError):
    """The payload passed ``max_bytes``; raised while reading, before the body is all consumed.

    ``received_so_far`` is how many bytes had been read when the store gave up (at most
    ``limit + 1`` for streams, since reading stops right after the limit).
    """

    code = "EntityTooLarge"
    status = 413

    def __init__(self, limit: int, received_so_far: int) -> None:
        super().__init__(
            "Your proposed upload exceeds the maximum allowed object size.",
            f"Object exceeds the {limit}-byte limit of this mock "
            f"(received at least {received_so_far} bytes).",
        )
        self.limit = limit
        self.received_so_far = received_so_far


class BlobNotFound(StorageError):
    """No blob is stored under the key (GCS's ``NoSuchKey``)."""

    code = "NoSuchKey"
    status = 404

    def __init__(self, key: str) -> None:
        super().__init__("The specified key does not exist.", f"No such object: {key}")
        self.key = key


class SignatureError(StorageError):
    """A signed URL was refused; never raised itself, only through its subclasses."""


class SignatureMissing(SignatureError):
    """No signature parameters at all: GCS treats this as an anonymous caller."""

    code = "AccessDenied"
    status = 403

    def __init__(self) -> None:
        super().__init__(
            "Access denied.",
            "Anonymous caller does not have storage.objects access to this object "
            "(the URL carries no X-Goog-Signature).",
        )


class MalformedSignature(SignatureError):
    """A required ``X-Goog-*`` parameter is missing or cannot be parsed."""

    code = "MalformedSecurityHeader"
    status = 400

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__("Your request has a malformed header.", f"{parameter}: {reason}")
        self.parameter = parameter


class SignatureMismatch(SignatureError):
    """The signature does not cover this method, key and query: something was altered."""

    code = "SignatureDoesNotMatch"
    status = 403

    def __init__(self, details: str = _GCS_MISMATCH_DETAILS) -> None:
        super().__init__("Access denied.", details)


class ContentTypeMismatch(SignatureMismatch):
    """A PUT carried another Content-Type than the one the URL was signed for.

    Real GCS cannot tell this apart from any other mismatch (the Content-Type is just one
    signed header) and answers a plain ``SignatureDoesNotMatch``. The mock keeps that code and
    status but names both types in ``details``, because this is the mistake clients make.
    """

    def __init__(self, signed: str, received: str | None) -> None:
        super().__init__(
            f"{_GCS_MISMATCH_DETAILS} The URL was signed for Content-Type {signed!r} "
            f"but the request sent {received!r}."
        )
        self.signed = signed
        self.received = received


class SignatureExpired(SignatureError):
    """The URL was valid once; its ``X-Goog-Date`` + ``X-Goog-Expires`` lies in the past."""

    code = "ExpiredToken"
    status = 400

    def __init__(self, expired_at: str) -> None:
        super().__init__("The provided token has expired.", f"Request signature expired at: {expired_at}")
        self.expired_at = expired_at


_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Escape markup and drop the control characters XML 1.0 cannot carry at all."""
    return escape(_XML_FORBIDDEN.sub("?", text))


def render_xml(error: StorageError) -> str:
    """Render ``error`` as the XML body GCS sends (``<Details>`` only when there are some)."""
    parts = [
        "<?xml version='1.0' encoding='UTF-8'?><Error>",
        f"<Code>{_xml_text(error.code)}</Code>",
        f"<Message>{_xml_text(error.message)}</Message>",
    ]
    if error.details:
        parts.append(f"<Details>{_xml_text(error.details)}</Details>")
    parts.append("</Error>")
    return "".join(parts)
