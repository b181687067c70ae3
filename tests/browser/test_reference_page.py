"""A person reads the API reference at /docs in a real browser, offline: "try it out" calls the mock
(the journal shows it), operationIds are on every operation, and the control API is one click away."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .conftest import Served, Watched

if TYPE_CHECKING:
    from playwright.sync_api import Page

CONTROL_API = "tonn-mock control API (/_mock/)"


def test_try_it_out_calls_the_mock_with_the_key_given(
    page: Page, served: Served, watched: Watched, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page.goto(f"{served.url}/docs")
    health = page.locator("#operations-health-getHealth")
    expect(health).to_contain_text("getHealth")  # operationIds shown: fault injection names them
    expect(page.locator(".servers select")).to_contain_text(served.url)
    page.screenshot(path=tmp_path / "reference.png")

    page.click("button.authorize")
    header_key = page.locator(".auth-container").filter(has_text="ApiKeyHeader")
    header_key.locator("input").fill("docs-key")
    header_key.locator("button.authorize").click()
    page.click("button.btn-done")
    health.locator(".opblock-summary").click()
    health.locator("button.try-out__btn").click()
    health.locator("button.execute").click()

    expect(health.locator(".live-responses-table")).to_contain_text("healthy")
    health.locator(".live-responses-table").scroll_into_view_if_needed()
    (sent,) = served.control.requests("getHealth")
    assert (sent["key"], sent["status"]) == ("docs-key", 200)
    page.screenshot(path=tmp_path / "reference-try-it-out.png")
    assert (watched.left_the_machine, watched.errors) == ([], [])


def test_the_control_api_is_documented_beside_the_tonn_api(
    page: Page, served: Served, watched: Watched, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page.goto(f"{served.url}/docs/")
    expect(page.locator("#operations-health-getHealth")).to_be_visible()
    page.locator(".topbar select").select_option(label=CONTROL_API)

    expect(page.locator(".info .title")).to_contain_text("tonn-mock control API")
    expect(page.locator("#operations-tasks-fail")).to_contain_text("/_mock/tasks/{task_id}/fail")
    expect(page.locator("#operations-tasks-audio_picture")).to_be_visible()
    page.screenshot(path=tmp_path / "reference-control-api.png")
    assert (watched.left_the_machine, watched.errors) == ([], [])
