"""Headless Chromium against a served mock: Debian's ``chromium`` driven by Playwright.

Playwright's own browser download does not work offline, so the system browser is launched
(``executable_path``) with the flags a closed network needs; each launch gets a new, empty profile
(Playwright's temporary user-data-dir). ``TONN_CHROMIUM`` names another Chromium binary. Without
the browser or the driver package the tests skip with one line saying what to install; ``.ci/run``
installs both.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import requests

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import IdFactory, SystemClock
from tonn_mock.core.settings import Settings
from tonn_mock.testing.serving import serve_in_thread
from tonn_mock.webhooks import RecordingSender

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route, ViewportSize

CHROMIUM = os.environ.get("TONN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREEN: ViewportSize = {"width": 1366, "height": 768}  # a laptop
KEY = "my-app-key"
HOOK = "https://my-app.example/hooks/tonn"


@dataclass
class Served:
    """A mock on a loopback port (manual progression, webhooks recorded) and its control plane."""

    url: str
    control: MockControl

    def create_master(self, webhook_url: str | None = HOOK) -> str:
        """What the user's code does: create a mastering preview through the API."""
        data: dict[str, Any] = {
            "trackData": [{"trackURL": "https://example.com/song.wav"}],
            "musicalStyle": "POP",
            "desiredLoudness": "MEDIUM",
        }
        if webhook_url:
            data["webhookURL"] = webhook_url
        answer = requests.post(
            f"{self.url}/masteringpreview",
            json={"masteringData": data},
            headers={"X-API-Key": KEY},
            timeout=10,
        )
        answer.raise_for_status()
        return str(answer.json()["mastering_task_id"])


@dataclass
class Watched:
    """What a page did that it should not: requests that left the machine, script errors."""

    left_the_machine: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed: apt-get install chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed: pip install -e '.[dev]'"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def served() -> Iterator[Served]:
    seams = Seams(clock=SystemClock(), ids=IdFactory(None), sender=RecordingSender())
    app = create_app(Settings(progression="manual", rate_limit_enabled=False), seams)
    with serve_in_thread(app) as url:
        yield Served(url, MockControl(app))
    MockControl(app).backend.close()


@pytest.fixture
def watched() -> Watched:
    return Watched()


@pytest.fixture
def page(browser: Browser, served: Served, watched: Watched) -> Iterator[Page]:
    """A laptop-sized page that may reach the served mock and nothing else."""
    context = browser.new_context(viewport=SCREEN)
    opened = context.new_page()

    def only_the_mock(route: Route) -> None:
        if route.request.url.startswith(served.url):
            route.continue_()
        else:
            watched.left_the_machine.append(route.request.url)
            route.abort()

    opened.route("**/*", only_the_mock)
    opened.on("pageerror", lambda error: watched.errors.append(str(error)))
    opened.on(
        "console", lambda message: watched.errors.append(message.text) if message.type == "error" else None
    )
    yield opened
    context.close()
