"""Signed URLs: what a valid one looks like, and how each kind of misuse is refused."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

from tonn_mock.core.clock import FakeClock
from tonn_mock.storage import (
    DOWNLOAD_URL_TTL,
    LONG_DOWNLOAD_URL_TTL,
    MAX_URL_TTL,
    UPLOAD_URL_TTL,
    ContentTypeMismatch,
    MalformedSignature,
    SignatureExpired,
    SignatureMismatch,
    SignatureMissing,
    UnsafeKey,
    UrlSigner,
    single_valued,
)

KEY = "uploads/0b7f9a52/take.wav"
BASE = "http://mock.test"


class SignedRequest:
    """A signed URL taken apart the way a route sees it: decoded key and query."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.url = url
        self.raw_query = parts.query
        self.key = unquote(parts.path.removeprefix("/_storage/"))
        self.query = dict(parse_qsl(parts.query, keep_blank_values=True))


def sign_put(signer: UrlSigner, content_type: str = "audio/wav") -> SignedRequest:
    return SignedRequest(signer.sign("PUT", KEY, UPLOAD_URL_TTL, content_type, BASE))


def sign_get(signer: UrlSigner) -> SignedRequest:
    return SignedRequest(signer.sign("GET", KEY, DOWNLOAD_URL_TTL, None, BASE))


def test_put_url_looks_like_a_gcs_v4_url(signer: UrlSigner) -> None:
    request = sign_put(signer)
    assert request.url.startswith(f"{BASE}/_storage/{KEY}?X-Goog-Algorithm=GOOG4-HMAC-SHA256&")
    assert list(request.query) == [
        "X-Goog-Algorithm",
        "X-Goog-Credential",
        "X-Goog-Date",
        "X-Goog-Expires",
        "X-Goog-SignedHeaders",
        "X-Tonn-Signed-Content-Type",
        "X-Goog-Signature",
    ]
    assert request.query["X-Goog-Credential"] == "tonn-mock/20260101/auto/storage/goog4_request"
    assert request.query["X-Goog-Date"] == "20260101T000000Z"
    assert request.query["X-Goog-Expires"] == "3600"
    assert request.query["X-Goog-SignedHeaders"] == "content-type;host"
    assert request.query["X-Tonn-Signed-Content-Type"] == "audio/wav"
    assert re.fullmatch(r"[0-9a-f]{64}", request.query["X-Goog-Signature"])
    assert "X-Goog-SignedHeaders=content-type%3Bhost" in request.raw_query
    assert "%2F20260101%2Fauto%2Fstorage%2Fgoog4_request" in request.raw_query


def test_get_url_binds_no_content_type(signer: UrlSigner) -> None:
    request = sign_get(signer)
    assert request.query["X-Goog-SignedHeaders"] == "host"
    assert "X-Tonn-Signed-Content-Type" not in request.query


def test_url_without_base_is_root_relative_and_trailing_slash_is_ignored(
    signer: UrlSigner,
) -> None:
    assert signer.sign("GET", KEY, 60).startswith(f"/_storage/{KEY}?")
    assert signer.sign("GET", KEY, 60, None, BASE + "/").startswith(f"{BASE}/_storage/{KEY}?")


def test_ttl_defaults_follow_the_evidence() -> None:
    assert (UPLOAD_URL_TTL, DOWNLOAD_URL_TTL, LONG_DOWNLOAD_URL_TTL) == (3600, 3600, 86_400)


@pytest.mark.parametrize("sent", ["audio/wav", "Audio/WAV", "  audio/wav "])
def test_valid_put_verifies(signer: UrlSigner, sent: str) -> None:
    request = sign_put(signer)
    signer.verify("PUT", request.key, request.query, sent)


@pytest.mark.parametrize("sent", [None, "", "text/plain"])
def test_get_url_verifies_whatever_content_type_is_sent(signer: UrlSigner, sent: str | None) -> None:
    request = sign_get(signer)
    signer.verify("GET", request.key, request.query, sent)


def test_url_is_valid_until_exactly_its_expiry(signer: UrlSigner, clock: FakeClock) -> None:
    request = sign_put(signer)
    clock.advance(UPLOAD_URL_TTL)
    signer.verify("PUT", request.key, request.query, "audio/wav")


def test_url_expires_after_its_ttl(signer: UrlSigner, clock: FakeClock) -> None:
    request = sign_put(signer)
    clock.advance(UPLOAD_URL_TTL + 1)
    with pytest.raises(SignatureExpired) as caught:
        signer.verify("PUT", request.key, request.query, "audio/wav")
    assert (caught.value.code, caught.value.status) == ("ExpiredToken", 400)
    assert caught.value.expired_at == "2026-01-01T01:00:00Z"


def test_validity_starts_at_the_whole_second_of_signing(clock: FakeClock) -> None:
    clock.advance(0.9)
    signer = UrlSigner(b"s", clock)
    request = sign_get(signer)
    clock.advance(DOWNLOAD_URL_TTL + 0.2)  # 0.1 s past the truncated date + TTL
    with pytest.raises(SignatureExpired):
        signer.verify("GET", request.key, request.query)


def _with(query: dict[str, str], name: str, value: str) -> dict[str, str]:
    return {**query, name: value}


TAMPERING = {
    "key": lambda r: ("PUT", "uploads/0b7f9a52/other.wav", r.query),
    "traversal key": lambda r: ("PUT", "uploads/0b7f9a52/../../etc/passwd", r.query),
    "method": lambda r: ("GET", r.key, r.query),
    "expires": lambda r: ("PUT", r.key, _with(r.query, "X-Goog-Expires", "7200")),
    "date": lambda r: ("PUT", r.key, _with(r.query, "X-Goog-Date", "20260101T003000Z")),
    "credential": lambda r: ("PUT", r.key, _with(r.query, "X-Goog-Credential", "x/y")),
    "signed headers": lambda r: ("PUT", r.key, _with(r.query, "X-Goog-SignedHeaders", "host")),
    "signature": lambda r: (
        "PUT",
        r.key,
        _with(r.query, "X-Goog-Signature", "0" + r.query["X-Goog-Signature"][1:]),
    ),
    "signature case": lambda r: (
        "PUT",
        r.key,
        _with(r.query, "X-Goog-Signature", r.query["X-Goog-Signature"].upper()),
    ),
    "non-ascii signature": lambda r: ("PUT", r.key, _with(r.query, "X-Goog-Signature", "\u00e9")),
    "extra parameter": lambda r: ("PUT", r.key, _with(r.query, "key", "api-key")),
}


@pytest.mark.parametrize("tamper", TAMPERING.values(), ids=TAMPERING.keys())
def test_tampered_urls_do_not_match(signer: UrlSigner, tamper: Any) -> None:
    method, key, query = tamper(sign_put(signer))
    with pytest.raises(SignatureMismatch) as caught:
        signer.verify(method, key, query, "audio/wav")
    assert type(caught.value) is SignatureMismatch
    assert (caught.value.code, caught.value.status) == ("SignatureDoesNotMatch", 403)


def test_rebinding_the_content_type_parameter_does_not_match(signer: UrlSigner) -> None:
    request = sign_put(signer, "audio/wav")
    query = _with(request.query, "X-Tonn-Signed-Content-Type", "audio/mpeg")
    with pytest.raises(SignatureMismatch):
        signer.verify("PUT", request.key, query, "audio/mpeg")


def test_url_signed_with_another_secret_does_not_match(clock: FakeClock) -> None:
    request = sign_put(UrlSigner(b"someone else", clock))
    with pytest.raises(SignatureMismatch):
        UrlSigner(b"test-secret", clock).verify("PUT", request.key, request.query, "audio/wav")


def test_tampering_is_reported_before_expiry(signer: UrlSigner, clock: FakeClock) -> None:
    request = sign_put(signer)
    clock.advance(UPLOAD_URL_TTL * 10)
    with pytest.raises(SignatureMismatch):
        signer.verify("PUT", request.key, _with(request.query, "X-Goog-Expires", "604800"))


@pytest.mark.parametrize("sent", ["audio/mpeg", None, "", "audio/wav; rate=48000", "audio/x-wav"])
def test_wrong_content_type_is_a_mismatch_naming_both_types(signer: UrlSigner, sent: str | None) -> None:
    request = sign_put(signer, "audio/wav")
    with pytest.raises(ContentTypeMismatch) as caught:
        signer.verify("PUT", request.key, request.query, sent)
    error = caught.value
    assert isinstance(error, SignatureMismatch)
    assert (error.code, error.status) == ("SignatureDoesNotMatch", 403)
    assert (error.signed, error.received) == ("audio/wav", sent)
    assert "'audio/wav'" in error.details


def test_url_without_any_signature_is_an_anonymous_caller(signer: UrlSigner) -> None:
    with pytest.raises(SignatureMissing) as caught:
        signer.verify("GET", KEY, {})
    assert (caught.value.code, caught.value.status) == ("AccessDenied", 403)


MALFORMED = {
    "missing signature": ("X-Goog-Signature", None),
    "missing date": ("X-Goog-Date", None),
    "empty expires": ("X-Goog-Expires", ""),
    "word expires": ("X-Goog-Expires", "soon"),
    "zero expires": ("X-Goog-Expires", "0"),
    "over a week": ("X-Goog-Expires", str(MAX_URL_TTL + 1)),
    "unicode digits": ("X-Goog-Expires", "\u0663\u0666"),
    "iso date": ("X-Goog-Date", "2026-01-01T00:00:00Z"),
    "month 13": ("X-Goog-Date", "20261301T000000Z"),
    "algorithm": ("X-Goog-Algorithm", "GOOG4-RSA-SHA256"),
}


@pytest.mark.parametrize(("name", "value"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_parameters_are_refused(signer: UrlSigner, name: str, value: str | None) -> None:
    request = sign_get(signer)
    query = {k: v for k, v in request.query.items() if k != name}
    if value is not None:
        query[name] = value
    with pytest.raises(MalformedSignature) as caught:
        signer.verify("GET", request.key, query)
    assert caught.value.parameter == name
    assert (caught.value.code, caught.value.status) == ("MalformedSecurityHeader", 400)


def test_signing_refuses_unsafe_keys(signer: UrlSigner) -> None:
    with pytest.raises(UnsafeKey):
        signer.sign("GET", "uploads/../../etc/passwd", 60)


@pytest.mark.parametrize(
    ("method", "expires_in", "content_type"),
    [("GET", 0, None), ("GET", MAX_URL_TTL + 1, None), ("DELETE", 60, None), ("PUT", 60, "  ")],
)
def test_signing_refuses_programming_errors(
    signer: UrlSigner, method: Any, expires_in: int, content_type: str | None
) -> None:
    with pytest.raises(ValueError):
        signer.sign(method, KEY, expires_in, content_type)


def test_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        UrlSigner(b"")


def test_a_parameter_given_twice_is_malformed_whichever_value_comes_first(signer: UrlSigner) -> None:
    url = sign_get(signer).url
    for doubled in (f"{url}&X-Goog-Signature=00", f"{url}&X-Goog-Expires=604800"):
        with pytest.raises(MalformedSignature, match="given more than once"):
            single_valued(parse_qsl(urlsplit(doubled).query, keep_blank_values=True))
    assert single_valued(parse_qsl(urlsplit(url).query)) == sign_get(signer).query
