"""Request validation from the OpenAPI document, compiled once per app.

Every request body is parsed and checked against its operation's schema before any state
changes (enum values the spec marks case-insensitive are first folded to their listed spelling,
:mod:`.casing`); the first (most relevant) violation becomes a 400 whose message names the field, e.g.
``masteringData.desiredLoudness: 'LOUD' is not one of ['LOW', 'MEDIUM', 'HIGH']``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import jsonschema_rs
from jsonschema import FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator

from tonn_mock.core.errors import InvalidRequest, UnsupportedMediaType
from tonn_mock.core.json_body import MalformedJson, parse_json
from tonn_mock.gateway.casing import folded_errors
from tonn_openapi.schemas import SchemaRegistry, pointer

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
SPEC_URI = "urn:tonn-openapi"

# ``format: uri`` is an assertion here: the spec's URLs must be absolute RFC 3986 URIs, checked
# by jsonschema's own "uri" checker (backed by rfc3986-validator).
FORMATS = FormatChecker(formats=("uri",))


def field_path(parts: Iterable[str | int]) -> str:
    """``['masteringData', 'trackData', 0, 'trackURL']`` → ``masteringData.trackData[0].trackURL``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def describe(error: ValidationError) -> str:
    where = field_path(error.absolute_path)
    return f"{where}: {error.message}" if where else error.message


def _compiled(spec: jsonschema_rs.Registry, schema_at: str) -> jsonschema_rs.Validator:
    """The same schema compiled by jsonschema-rs: it says only whether a body is valid, about a
    thousand times faster; jsonschema then explains the refusals, so messages stay the same."""
    return jsonschema_rs.Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{schema_at}"}, registry=spec, validate_formats=True
    )


def check_media_type(mimetype: str) -> None:
    """A body declared as anything but JSON is refused with 415 (EVIDENCE §10); a body without a
    Content-Type is read as JSON."""
    if mimetype and mimetype != "application/json" and not _json_suffixed(mimetype):
        raise UnsupportedMediaType(
            f"Unsupported Media Type: the request body must be JSON (Content-Type: application/json), "
            f"not {mimetype}"
        )


def _json_suffixed(mimetype: str) -> bool:
    """``application/<something>+json`` (RFC 6839), which JSON parsers accept as JSON."""
    return mimetype.startswith("application/") and mimetype.endswith("+json")


class RequestValidator:
    """Body validators for every operation of one OpenAPI document, keyed by method and path."""

    def __init__(self, spec: dict[str, Any]) -> None:
        registry = SchemaRegistry(spec)
        spec_resource = jsonschema_rs.Registry([(SPEC_URI, spec)])
        self._validators: dict[tuple[str, str], Validator] = {}
        self._accepts: dict[tuple[str, str], jsonschema_rs.Validator] = {}
        self.operations: dict[tuple[str, str], dict[str, Any]] = {}
        for path, item in spec["paths"].items():
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                self.operations[(method, path)] = item[method]
                if "requestBody" in item[method]:
                    schema_at = pointer(
                        "paths", path, method, "requestBody", "content", "application/json", "schema"
                    )
                    self._validators[(method, path)] = registry.validator(schema_at).evolve(
                        format_checker=FORMATS
                    )
                    self._accepts[(method, path)] = _compiled(spec_resource, schema_at)

    def has_body(self, method: str, path: str) -> bool:
        return (method, path) in self._validators

    def validate_body(self, method: str, path: str, raw: bytes, mimetype: str = "") -> Any:
        """Parse and validate a JSON body; raise :class:`InvalidRequest` naming the problem
        (:class:`UnsupportedMediaType` for a body declared as another media type)."""
        check_media_type(mimetype)
        if not raw or raw.isspace():  # all blank, found without copying the body
            raise InvalidRequest("Request body is empty: a JSON object is required.")
        try:
            body = parse_json(raw)
        except MalformedJson as problem:
            raise InvalidRequest(f"Request body is not valid JSON: {problem}") from None
        if self._accepts[(method, path)].is_valid(body):
            return body  # the common case, decided by the compiled validator alone
        error = best_match(folded_errors(self._validators[(method, path)], body))
        if error is not None:
            raise InvalidRequest(f"Invalid request body: {describe(error)}")
        return body
