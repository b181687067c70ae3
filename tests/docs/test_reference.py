"""The API reference at /docs: Swagger UI served by the mock itself, on a document whose server is the
mock, so "try it out" calls the mock and nothing is fetched from the internet."""

from __future__ import annotations

import re

import httpx
import pytest

from tonn_mock.app import create_app
from tonn_mock.core.settings import Settings
from tonn_mock.docs import SWAGGER_UI
from tonn_openapi import load_spec

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def references(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', page)


def test_the_served_document_points_try_it_out_at_the_mock_itself(client: httpx.Client) -> None:
    served = client.get("/openapi.json").json()

    assert served["servers"] == [{"url": "http://testserver", "description": "this mock (tonn-mock)"}]
    assert served["paths"] == load_spec()["paths"]
    assert load_spec()["servers"][0]["url"] == "https://tonn.roexaudio.com"  # the spec itself is unchanged


def test_with_a_public_url_the_document_names_it() -> None:
    app = create_app(Settings(public_url="https://tonn-mock.internal.example"))

    served = app.test_client().get("/openapi.json", base_url="http://127.0.0.1:8080").get_json()

    assert served["servers"][0]["url"] == "https://tonn-mock.internal.example"


@pytest.mark.parametrize("path", ["/docs", "/docs/"])
def test_the_reference_answers_with_and_without_the_slash(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers={"Accept": BROWSER})

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/docs/swagger-ui/swagger-ui-bundle.js" in references(page.text)


def test_everything_the_reference_loads_comes_from_the_mock(client: httpx.Client) -> None:
    page = client.get("/docs").text
    loaded = references(page)
    script = client.get("/docs/static/reference.js").text

    assert loaded and all(url.startswith("/") for url in loaded)  # nothing from a CDN
    assert all(client.get(url).status_code == 200 for url in loaded)
    assert "validatorUrl: null" in script  # Swagger UI would send the document to validator.swagger.io
    assert re.findall(r'url: "([^"]+)"', script) == ["/openapi.json", "/_mock/openapi.json"]
    assert all(client.get(url).status_code == 200 for url in ("/openapi.json", "/_mock/openapi.json"))


def test_the_swagger_ui_files_are_the_installed_packages_own(client: httpx.Client) -> None:
    served = client.get("/docs/swagger-ui/swagger-ui-bundle.js")

    assert served.content == (SWAGGER_UI / "swagger-ui-bundle.js").read_bytes()
    assert (SWAGGER_UI / "VERSION").read_text().startswith("v5.")  # Swagger UI 5 reads OpenAPI 3.1
