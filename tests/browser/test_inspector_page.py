"""A person watches the mock at /_mock/ in a real browser: a task their code creates shows up live,
completes, plays and is plotted; pressing Fail ends another, and its failed webhook shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tonn_mock.audio import decode

from .conftest import HOOK, KEY, Served, Watched

if TYPE_CHECKING:
    from playwright.sync_api import Page


def test_a_task_shows_up_live_completes_and_its_preview_plays(
    page: Page, served: Served, watched: Watched, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page.goto(f"{served.url}/_mock/")
    expect(page.locator("#tasks-empty")).to_be_visible()

    task_id = served.create_master()  # the user's code, through the API: the page was loaded before
    row = page.locator(f'#tasks tr[data-task-id="{task_id}"]')
    expect(row).to_contain_text("MASTERING_TASK_PENDING")
    expect(row).to_contain_text(KEY)
    row.click()
    page.click("#complete")

    expect(row).to_contain_text("MASTERING_TASK_PREVIEW_COMPLETED")
    expect(page.locator("#timeline li")).to_have_count(2)
    expect(page.locator("#requests")).to_contain_text("createMasteringPreview")
    player = page.locator('[data-file="preview"] audio')
    source = player.evaluate("audio => audio.src")  # the absolute URL the browser would play
    played = page.request.get(source)
    assert (played.status, played.headers["content-type"]) == (200, "audio/mpeg")
    assert decode(played.body()).audio.duration == 30.0  # the 30 s preview, not an error page
    expect(page.locator('[data-file="preview"] svg.plot path.loud')).to_be_visible(timeout=15_000)
    expect(page.locator('[data-file="preview"] .numbers')).to_contain_text("LUFS integrated")
    page.screenshot(path=tmp_path / "inspector-completed-task.png")
    assert (watched.left_the_machine, watched.errors) == ([], [])


def test_pressing_fail_ends_the_task_and_its_webhook_attempt_shows(
    page: Page, served: Served, watched: Watched, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    first = served.create_master()
    task_id = served.create_master()
    page.goto(f"{served.url}/_mock/")
    page.locator(f'#tasks tr[data-task-id="{task_id}"]').click()
    page.fill("#fail-message", "The mastering engine broke.")
    page.click("#fail")

    expect(page.locator("#detail-state")).to_have_text("MASTERING_TASK_FAILED")
    expect(page.locator("#detail-facts")).to_contain_text("The mastering engine broke.")
    failed = page.locator("#task-webhooks .delivery").filter(has_text="MASTERING_TASK_FAILED")
    expect(failed).to_contain_text(HOOK)
    expect(failed.locator(".attempt")).to_contain_text("attempt 1: HTTP 200")
    expect(page.locator(f'#tasks tr[data-task-id="{first}"]')).to_contain_text("MASTERING_TASK_PENDING")
    assert served.control.task(task_id)["error"] == "The mastering engine broke."
    page.screenshot(path=tmp_path / "inspector-failed-task.png")

    page.click('[data-tab="webhooks"]')
    expect(page.locator("#tab-webhooks .delivery")).to_have_count(3)  # two PENDING, one FAILED
    page.locator("#tab-webhooks").scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "inspector-webhooks.png")
    assert (watched.left_the_machine, watched.errors) == ([], [])
