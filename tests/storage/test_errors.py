"""Error bodies in GCS's XML shape, the hierarchy routes rely on, and the package surface."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import tonn_mock.storage as storage
from tonn_mock.storage import (
    BlobNotFound,
    BlobTooLarge,
    ContentTypeMismatch,
    MalformedSignature,
    SignatureError,
    SignatureExpired,
    SignatureMismatch,
    SignatureMissing,
    StorageError,
    UnsafeKey,
    render_xml,
)
from tonn_mock.storage import signing as signing_module


def test_signature_mismatch_renders_like_gcs() -> None:
    assert render_xml(SignatureMismatch()) == (
        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>SignatureDoesNotMatch</Code>"
        "<Message>Access denied.</Message><Details>The request signature we calculated does "
        "not match the signature you provided. Check your Google secret key and signing "
        "method.</Details></Error>"
    )


def test_render_xml_is_reachable_from_the_signing_module() -> None:
    assert signing_module.render_xml is render_xml


def test_xml_escapes_markup_and_drops_control_characters() -> None:
    body = render_xml(UnsafeKey("a<b>&\x00c", "evil"))
    root = ET.fromstring(body.encode())
    assert root.findtext("Code") == "InvalidArgument"
    assert root.findtext("Details") == "Unsafe object key 'a<b>&\\x00c': evil."


def test_details_element_is_left_out_when_empty() -> None:
    assert "<Details>" not in render_xml(StorageError("Internal error."))


def test_every_error_parses_as_xml_with_its_code() -> None:
    errors: list[StorageError] = [
        UnsafeKey("../x", "contains '..'"),
        BlobTooLarge(10, 11),
        BlobNotFound("uploads/x/y.wav"),
        SignatureMissing(),
        MalformedSignature("X-Goog-Date", "missing"),
        SignatureMismatch(),
        ContentTypeMismatch("audio/wav", "audio/mpeg"),
        SignatureExpired("2026-01-01T01:00:00Z"),
    ]
    for error in errors:
        root = ET.fromstring(render_xml(error).encode())
        assert root.tag == "Error"
        assert root.findtext("Code") == error.code
        assert root.findtext("Message") == error.message


@pytest.mark.parametrize(
    ("error_type", "parent", "code", "status"),
    [
        (UnsafeKey, StorageError, "InvalidArgument", 400),
        (BlobTooLarge, StorageError, "EntityTooLarge", 413),
        (BlobNotFound, StorageError, "NoSuchKey", 404),
        (SignatureError, StorageError, "InternalError", 500),
        (SignatureMissing, SignatureError, "AccessDenied", 403),
        (MalformedSignature, SignatureError, "MalformedSecurityHeader", 400),
        (SignatureMismatch, SignatureError, "SignatureDoesNotMatch", 403),
        (ContentTypeMismatch, SignatureMismatch, "SignatureDoesNotMatch", 403),
        (SignatureExpired, SignatureError, "ExpiredToken", 400),
    ],
)
def test_hierarchy_codes_and_statuses(
    error_type: type[StorageError], parent: type[StorageError], code: str, status: int
) -> None:
    assert error_type.__bases__ == (parent,)
    assert (error_type.code, error_type.status) == (code, status)


def test_public_api_is_pinned() -> None:
    assert sorted(storage.__all__) == sorted(
        [
            "DEFAULT_CONTENT_TYPE",
            "DOWNLOAD_URL_TTL",
            "LONG_DOWNLOAD_URL_TTL",
            "MAX_FILENAME_LENGTH",
            "MAX_KEY_BYTES",
            "MAX_URL_TTL",
            "RESULTS_PREFIX",
            "SIGNED_CONTENT_TYPE_PARAM",
            "STORAGE_PREFIX",
            "UPLOADS_PREFIX",
            "UPLOAD_URL_TTL",
            "BlobData",
            "BlobInfo",
            "BlobNotFound",
            "BlobStore",
            "BlobTooLarge",
            "ContentTypeMismatch",
            "DirectoryBlobStore",
            "HttpMethod",
            "MalformedSignature",
            "MemoryBlobStore",
            "OpenedBlob",
            "ReadableStream",
            "SignatureError",
            "SignatureExpired",
            "SignatureMismatch",
            "SignatureMissing",
            "StorageError",
            "TemporaryBlobStore",
            "UnsafeKey",
            "UrlSigner",
            "check_key",
            "make_key",
            "normalise_content_type",
            "render_xml",
            "sanitise_filename",
            "single_valued",
            "storage_path",
        ]
    )
    assert all(hasattr(storage, name) for name in storage.__all__)


def test_storage_package_never_imports_flask() -> None:
    imported: set[str] = set()
    for source in Path(storage.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
    assert not {name for name in imported if name.split(".")[0] in {"flask", "werkzeug"}}
