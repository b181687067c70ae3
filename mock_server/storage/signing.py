"""Signed URLs shaped like GCS V4 ones, so clients exercise the same upload/download dance.

Tonn's ``/upload`` answers a GCS signed PUT URL bound to the Content-Type the client asked for,
valid for one hour, and its results are signed GET URLs (EVIDENCE §5, §6). The mock hands out
``{base_url}/_storage/{key}?X-Goog-Algorithm=GOOG4-HMAC-SHA256&X-Goog-Credential=…&X-Goog-Date=…
&X-Goog-Expires=…&X-Goog-SignedHeaders=…&X-Goog-Signature=<hex>`` and checks them with an HMAC.

Simulated: the signature covers the method, the key and every query parameter except the
signature (as in V4, adding or editing any parameter breaks it); expiry is ``X-Goog-Date`` +
``X-Goog-Expires`` against an injected clock; a PUT is bound to its Content-Type; failures carry
GCS's XML error codes. Not simulated: GCS's exact canonical request and key-derivation chain, RSA
(service-account) signatures, and the ``host`` header, which is listed in SignedHeaders for the
look but not bound, because one URL must work through an in-process WSGI transport and a
loopback socket alike.

Divergence, on purpose: a PUT URL also carries the signed Content-Type in the (signed) query
parameter :data:`SIGNED_CONTENT_TYPE_PARAM`. Real GCS keeps it out of the URL and answers any
wrong type with an opaque ``SignatureDoesNotMatch``; the mock answers the same code but can say
which type was expected (:class:`ContentTypeMismatch`).

Content types are compared after stripping whitespace and lowercasing, parameters included:
``Audio/WAV`` matches ``audio/wav``, but ``audio/wav; rate=48000`` does not. GCS compares the
header byte for byte; the mock forgives only case and surrounding blanks, which HTTP stacks
are known to alter.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import re
import time
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple
from urllib.parse import quote

from tonn_mock.core.clock import Clock, SystemClock
from tonn_mock.storage.errors import (
    ContentTypeMismatch,
    MalformedSignature,
    SignatureExpired,
    SignatureMismatch,
    SignatureMissing,
    render_xml,
)
from tonn_mock.storage.keys import check_key

SYSTEM_CLOCK: Clock = SystemClock()

__all__ = [
    "ALGORITHM",
    "DOWNLOAD_URL_TTL",
    "LONG_DOWNLOAD_URL_TTL",
    "MAX_URL_TTL",
    "SIGNED_CONTENT_TYPE_PARAM",
    "STORAGE_PREFIX",
    "UPLOAD_URL_TTL",
    "HttpMethod",
    "UrlSigner",
    "normalise_content_type",
    "render_xml",
    "single_valued",
    "storage_path",
]

UPLOAD_URL_TTL = 3600
"""Lifetime of a signed PUT URL: one hour, per Tonn's FAQ and RoEx's MCP server (EVIDENCE §5)."""

DOWNLOAD_URL_TTL = 3600
"""Default lifetime of a signed GET URL: one hour.

Sources conflict (EVIDENCE §6, §14.9): RoEx's older example docstrings say download links expire
after 1 hour, roex-python 1.6.0 says ~24 hours for stems and recombine results. The mock picks
the shorter reading as its default, so clients that hold links too long fail here first; use
:data:`LONG_DOWNLOAD_URL_TTL` for products documented as 24 h.
"""

LONG_DOWNLOAD_URL_TTL = 24 * 3600
"""The ~24 h lifetime roex-python 1.6.0 documents for stem and recombine links."""

MAX_URL_TTL = 7 * 24 * 3600
"""GCS refuses V4 URLs valid for longer than seven days; so does the mock."""

ALGORITHM = "GOOG4-HMAC-SHA256"
STORAGE_PREFIX = "/_storage"
"""URL path under which the storage routes serve keys: ``/_storage/<key>``."""

SIGNED_CONTENT_TYPE_PARAM = "X-Tonn-Signed-Content-Type"
"""Mock-only query parameter naming the Content-Type a PUT URL is bound to (signed too)."""

HttpMethod = Literal["GET", "PUT"]

_P_ALGORITHM = "X-Goog-Algorithm"
_P_CREDENTIAL = "X-Goog-Credential"
_P_DATE = "X-Goog-Date"
_P_EXPIRES = "X-Goog-Expires"
_P_SIGNED_HEADERS = "X-Goog-SignedHeaders"
_P_SIGNATURE = "X-Goog-Signature"
_REQUIRED = (_P_ALGORITHM, _P_CREDENTIAL, _P_DATE, _P_EXPIRES, _P_SIGNED_HEADERS, _P_SIGNATURE)
_DATE_FORMAT = "%Y%m%dT%H%M%SZ"
_DATE = re.compile(r"[0-9]{8}T[0-9]{6}Z")
_EXPIRES = re.compile(r"[0-9]{1,7}")
_UNRESERVED = "-_.~"


def normalise_content_type(value: str | None) -> str:
    """The form in which content types are signed and compared: stripped and lowercased."""
    return (value or "").strip().lower()


def storage_path(key: str) -> str:
    """The URL path of ``key`` (keys are URL-safe already; quoting is belt and braces)."""
    return f"{STORAGE_PREFIX}/{quote(key, safe='/' + _UNRESERVED, errors='replace')}"


def single_valued(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The query parameters of a signed URL as a mapping; a parameter given twice is malformed
    (which of its values the signature covers would be anyone's guess)."""
    query: dict[str, str] = {}
    for name, value in pairs:
        if name in query:
            raise MalformedSignature(name, "given more than once")
        query[name] = value
    return query


def _quote(text: str) -> str:
    return quote(text, safe=_UNRESERVED, errors="replace")


def _canonical_request(method: str, key: str, params: Mapping[str, str]) -> str:
    """Everything the signature covers, one item per line, in a fixed order."""
    signed = {k: v for k, v in params.items() if k != _P_SIGNATURE}
    query = "&".join(sorted(f"{_quote(k)}={_quote(v)}" for k, v in signed.items()))
    content_type = signed.get(SIGNED_CONTENT_TYPE_PARAM)
    headers = "" if content_type is None else f"content-type:{content_type}\n"
    lines = [method, storage_path(key), query, headers, signed.get(_P_SIGNED_HEADERS, "")]
    return "\n".join([*lines, "UNSIGNED-PAYLOAD"])


class _Validity(NamedTuple):
    signed_at: int
    expires_in: int


def _format_date(epoch: int, pattern: str = _DATE_FORMAT) -> str:
    return time.strftime(pattern, time.gmtime(epoch))


def _parse_validity(query: Mapping[str, str]) -> _Validity:
    """Check the parameters are present and well formed; says nothing about the signature."""
    if not any(name in query for name in _REQUIRED):
        raise SignatureMissing()
    for name in _REQUIRED:
        if not query.get(name):
            raise MalformedSignature(name, "missing")
    if query[_P_ALGORITHM] != ALGORITHM:
        raise MalformedSignature(_P_ALGORITHM, f"only {ALGORITHM} is supported")
    if not _DATE.fullmatch(query[_P_DATE]):
        raise MalformedSignature(_P_DATE, "expected YYYYMMDDTHHMMSSZ")
    expires = query[_P_EXPIRES]
    if not _EXPIRES.fullmatch(expires) or not 1 <= int(expires) <= MAX_URL_TTL:
        raise MalformedSignature(_P_EXPIRES, f"expected whole seconds from 1 to {MAX_URL_TTL}")
    try:
        signed_at = calendar.timegm(time.strptime(query[_P_DATE], _DATE_FORMAT))
    except ValueError as exc:
        raise MalformedSignature(_P_DATE, "not a valid date") from exc
    return _Validity(signed_at, int(expires))


class UrlSigner:
    """Issues and checks the mock's signed storage URLs with one HMAC-SHA256 secret.

    ``clock`` returns seconds since the epoch (the app's clock); a URL's validity starts
    at the whole second it was signed in, since ``X-Goog-Date`` has one-second resolution, and
    it is still accepted at exactly ``X-Goog-Date + X-Goog-Expires``.
    """

    def __init__(
        self,
        secret: bytes,
        clock: Clock = SYSTEM_CLOCK,
        *,
        access_id: str = "tonn-mock",
    ) -> None:
        if not secret:
            raise ValueError("the signing secret must not be empty")
        self._secret = secret
        self._clock = clock
        self._access_id = access_id

    def sign(
        self,
        method: HttpMethod,
        key: str,
        expires_in: int,
        content_type: str | None = None,
        base_url: str = "",
    ) -> str:
        """Return a signed URL for ``method`` on ``key``, valid ``expires_in`` seconds from now.

        With ``content_type`` the URL only accepts requests carrying that Content-Type (use it
        for upload PUTs); ``None`` leaves the type unbound (downloads). An empty
        ``base_url`` gives a root-relative URL.
        """
        params = self._params(method, check_key(key), expires_in, content_type)
        params[_P_SIGNATURE] = self._signature(method, key, params)
        query = "&".join(f"{_quote(k)}={_quote(v)}" for k, v in params.items())
        return f"{base_url.rstrip('/')}{storage_path(key)}?{query}"

    def _params(self, method: str, key: str, expires_in: int, content_type: str | None) -> dict[str, str]:
        """The unsigned query parameters, in the order GCS writes them."""
        if method not in ("GET", "PUT"):
            raise ValueError(f"cannot sign method {method!r}: only GET and PUT")
        if not 1 <= expires_in <= MAX_URL_TTL:
            raise ValueError(f"expires_in must be 1..{MAX_URL_TTL} seconds, got {expires_in}")
        date = _format_date(int(self._clock.now()))
        params = {
            _P_ALGORITHM: ALGORITHM,
            _P_CREDENTIAL: f"{self._access_id}/{date[:8]}/auto/storage/goog4_request",
            _P_DATE: date,
            _P_EXPIRES: str(expires_in),
            _P_SIGNED_HEADERS: "host" if content_type is None else "content-type;host",
        }
        if content_type is not None:
            if not normalise_content_type(content_type):
                raise ValueError("content_type must not be blank; pass None to leave it unbound")
            params[SIGNED_CONTENT_TYPE_PARAM] = normalise_content_type(content_type)
        return params

    def _signature(self, method: str, key: str, params: Mapping[str, str]) -> str:
        """Hex HMAC over a V4-style string to sign."""
        date = params.get(_P_DATE, "")
        scope = f"{date[:8]}/auto/storage/goog4_request"
        digest = hashlib.sha256(_canonical_request(method, key, params).encode("utf-8", "replace"))
        to_sign = "\n".join([ALGORITHM, date, scope, digest.hexdigest()])
        mac = hmac.new(self._secret, to_sign.encode("utf-8", "replace"), hashlib.sha256)
        return mac.hexdigest()

    def verify(
        self, method: str, key: str, query: Mapping[str, str], content_type: str | None = None
    ) -> None:
        """Accept the request or raise the :class:`SignatureError` GCS would answer.

        ``key`` is the decoded URL path after ``/_storage/``, ``query`` the decoded query
        parameters, ``content_type`` the request's Content-Type header (ignored when the URL
        does not bind one). Checks run in this order: form, signature, expiry, then type, so
        an altered URL is reported as altered even when it has also expired.
        """
        validity = _parse_validity(query)
        expected = self._signature(method, key, query).encode()
        if not hmac.compare_digest(expected, query[_P_SIGNATURE].encode("utf-8", "replace")):
            raise SignatureMismatch()
        expires_at = validity.signed_at + validity.expires_in
        if self._clock.now() > expires_at:
            raise SignatureExpired(_format_date(expires_at, "%Y-%m-%dT%H:%M:%SZ"))
        signed_type = query.get(SIGNED_CONTENT_TYPE_PARAM)
        if signed_type is not None and normalise_content_type(content_type) != signed_type:
            raise ContentTypeMismatch(signed_type, content_type)
