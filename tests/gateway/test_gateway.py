"""What every request meets first: auth, validation, limits, faults, and Tonn's error envelope."""

from __future__ import annotations

import json

import httpx
import pytest
from flask import Flask

from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.settings import Settings

from ..conftest import API_KEY, upload, wav_bytes

MASTERING = {
    "masteringData": {
        "trackData": [{"trackURL": "https://example.com/a.wav"}],
        "musicalStyle": "POP",
        "desiredLoudness": "LOW",
    }
}


def envelope(response: httpx.Response) -> dict[str, object]:
    body = response.json()
    assert body["error"] is True and isinstance(body["message"], str) and body["message"]
    return dict(body)


def test_the_key_is_accepted_as_a_query_parameter_or_a_header(app: Flask) -> None:
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://testserver") as anonymous:
        assert anonymous.get("/health", params={"key": "k"}).status_code == 200
        assert anonymous.get("/health", headers={"x-api-key": "k"}).status_code == 200
        missing = anonymous.post("/masteringpreview", json=MASTERING)
    assert missing.status_code == 401
    assert "API key" in envelope(missing)["message"]  # type: ignore[operator]


def test_only_configured_keys_are_accepted_when_a_list_is_given(clock: FakeClock) -> None:
    app = create_restricted_app(clock)
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://testserver") as client:
        assert client.get("/health", params={"key": "good"}).status_code == 200
        refused = client.get("/health", params={"key": "bad"})
    assert refused.status_code == 400
    assert envelope(refused)["message"] == "API key not valid. Please pass a valid API key."


def create_restricted_app(clock: FakeClock) -> Flask:
    from tonn_mock.app import create_app

    return create_app(Settings(api_keys=frozenset({"good"})), Seams(clock=clock, ids=IdFactory(1)))


def mastering_body(track_data: object = None, **fields: object) -> bytes:
    data = {
        "trackData": [{"trackURL": "u"}] if track_data is None else track_data,
        "musicalStyle": "POP",
        "desiredLoudness": "LOW",
        **fields,
    }
    return json.dumps({"masteringData": data}).encode()


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (b"{not json", "not valid JSON"),
        (b"", "empty"),
        (b"[1, 2]", "not of type 'object'"),
        (b'{"trackData": []}', "masteringData"),
        (mastering_body(track_data=[]), "trackData"),
        (mastering_body(track_data=[{"trackURL": 5}]), "trackData[0].trackURL"),
        (mastering_body(musicalStyle="JAZZ"), "musicalStyle"),
        (mastering_body(track_data=[{"trackURL": "u"}, {"trackURL": "v"}]), "trackData"),
        (mastering_body(webhookURL=""), "webhookURL"),
        (mastering_body().replace(b'"LOW"}', b'"LOW", "previewStartTime": NaN}'), "NaN"),
    ],
)
def test_bad_bodies_are_refused_with_a_400_naming_the_problem(
    client: httpx.Client, control: MockControl, body: bytes, names: str
) -> None:
    response = client.post("/masteringpreview", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert names in str(envelope(response)["message"])
    assert control.tasks() == []


def test_an_unknown_path_is_a_404_and_a_wrong_method_a_405(client: httpx.Client) -> None:
    assert envelope(client.post("/masteringpreviews", json={}))["info"] == "Not Found"
    assert client.get("/masteringpreview").status_code == 405


def test_a_huge_body_is_refused_with_413(client: httpx.Client) -> None:
    response = client.post(
        "/masteringpreview", content=b"x" * (2 * 1024 * 1024), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    envelope(response)


def test_with_the_rate_limit_on_more_than_100_requests_a_minute_get_a_429_saying_when_to_retry(
    clock: FakeClock,
) -> None:
    from tonn_mock.app import create_app

    app = create_app(Settings(rate_limit_enabled=True), Seams(clock=clock, ids=IdFactory(1)))
    with httpx.Client(
        transport=httpx.WSGITransport(app=app), base_url="http://testserver", headers={"X-API-Key": API_KEY}
    ) as client:
        answers = [client.get("/health") for _ in range(101)]
        other_key = client.get("/health", headers={"X-API-Key": "another"}).status_code
        clock.advance(61)
        after_a_minute = client.get("/health").status_code
    assert [a.status_code for a in answers[:100]] == [200] * 100 and answers[100].status_code == 429
    assert answers[100].headers["Retry-After"] == "60"
    assert (other_key, after_a_minute) == (200, 200)


def test_the_rate_limit_is_off_by_default_as_in_every_peer_mock() -> None:
    from tonn_mock.app import create_app

    assert Settings().rate_limit_enabled is False
    client = create_app(Settings()).test_client()
    assert {client.get("/health", headers={"X-API-Key": API_KEY}).status_code for _ in range(150)} == {200}


def test_the_query_key_wins_over_the_header_as_in_cloud_endpoints() -> None:
    from tonn_mock.app import create_app

    client = create_app(Settings(api_keys=frozenset({"good"}))).test_client()
    assert client.get("/health?key=good", headers={"X-API-Key": "bad"}).status_code == 200
    assert client.get("/health?key=bad", headers={"X-API-Key": "good"}).status_code == 400


def test_scripted_faults_hit_only_the_named_operation_for_n_calls(
    client: httpx.Client, control: MockControl
) -> None:
    control.inject_fault("createMasteringPreview", status=503, count=2)

    statuses = [client.post("/masteringpreview", json=MASTERING).status_code for _ in range(3)]

    assert statuses == [503, 503, 200]
    assert client.get("/health").status_code == 200


def test_an_error_rate_fault_is_repeatable_with_a_seed(client: httpx.Client, control: MockControl) -> None:
    def run() -> list[int]:
        control.clear_faults()
        control.inject_fault("/health", status=500, error_rate=0.5, seed=42)
        return [client.get("/health").status_code for _ in range(20)]

    first, second = run(), run()
    assert first == second and 500 in first and 200 in first


def test_refused_requests_leave_stored_uploads_intact(client: httpx.Client) -> None:
    url = upload(client, wav_bytes(seconds=11))
    original = client.get(url).content

    client.post("/masteringpreview", content=b"{broken", headers={"Content-Type": "application/json"})
    overwrite = client.put(url, content=b"overwrite", headers={"Content-Type": "audio/wav"})

    assert overwrite.status_code == 403  # the readable URL is signed for GET only

    assert client.get(url).content == original


def test_a_tampered_or_expired_signed_url_is_refused_like_a_storage_service(
    client: httpx.Client, clock: FakeClock
) -> None:
    urls = client.post("/upload", json={"filename": "a.wav", "contentType": "audio/wav"}).json()
    tampered = urls["signed_url"].replace("uploads/", "uploads/x")
    wrong_type = client.put(urls["signed_url"], content=b"RIFF", headers={"Content-Type": "audio/mpeg"})
    assert client.put(tampered, content=b"RIFF", headers={"Content-Type": "audio/wav"}).status_code == 403
    assert wrong_type.status_code == 403 and b"SignatureDoesNotMatch" in wrong_type.content
    clock.advance(3601)
    expired = client.put(urls["signed_url"], content=b"RIFF", headers={"Content-Type": "audio/wav"})
    assert expired.status_code == 400 and b"ExpiredToken" in expired.content


def test_uploads_over_the_size_cap_are_refused_with_413(clock: FakeClock) -> None:
    from tonn_mock.app import create_app

    app = create_app(Settings(max_upload_bytes=1000), Seams(clock=clock, ids=IdFactory(1)))
    with httpx.Client(
        transport=httpx.WSGITransport(app=app), base_url="http://testserver", headers={"X-API-Key": API_KEY}
    ) as client:
        urls = client.post("/upload", json={"filename": "a.wav", "contentType": "audio/wav"}).json()
        response = client.put(urls["signed_url"], content=b"x" * 5000, headers={"Content-Type": "audio/wav"})
        assert response.status_code == 413
        assert client.get(urls["readable_url"]).status_code == 404


def test_the_mock_serves_its_openapi_document_and_a_docs_page(client: httpx.Client) -> None:
    assert client.get("/openapi.json").json()["info"]["title"].startswith("RoEx Tonn API")
    page = client.get("/docs")
    assert page.headers["content-type"].startswith("text/html") and "swagger-ui-bundle.js" in page.text
