"""The inspector at /_mock/: a browser gets the page, every other client the overview JSON as before,
and a finished task's audio can be played and looked at (waveform and loudness) from the page."""

from __future__ import annotations

import httpx
import pytest

from tonn_mock.control import ControlError, MockControl, UnknownTask

from .test_over_http import KEY, mock, new_task

__all__ = ["mock"]  # the fixture, shared with the HTTP scenarios

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
Mock = tuple[httpx.Client, MockControl]


def test_a_browser_opening_the_control_address_gets_the_inspector(mock: Mock) -> None:
    client, _ = mock

    page = client.get("/_mock/", headers={"Accept": BROWSER})

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Accept" in page.headers["vary"] and page.headers["cache-control"] == "no-store"
    assert "<title>tonn-mock · inspector</title>" in page.text


@pytest.mark.parametrize("accept", ["application/json", "*/*", None, "application/json, text/html"])
def test_clients_that_do_not_ask_for_html_keep_getting_the_overview_json(
    mock: Mock, accept: str | None
) -> None:
    client, control = mock
    headers = {"Accept": accept} if accept else {}
    request = client.build_request("GET", "/_mock/", headers=headers)
    if accept is None:
        del request.headers["Accept"]

    answer = client.send(request)

    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == control.overview()


def test_the_page_loads_only_files_the_mock_serves(mock: Mock) -> None:
    client, _ = mock
    page = client.get("/_mock/", headers={"Accept": BROWSER}).text

    for asset in (
        "/_mock/inspector/inspector.js",
        "/_mock/inspector/plot.js",
        "/_mock/inspector/inspector.css",
    ):
        assert f'"{asset}"' in page
        assert client.get(asset).status_code == 200
    assert "http://" not in page and "https://" not in page


def test_the_overview_shows_the_balance_of_each_key_that_called(mock: Mock) -> None:
    client, control = mock
    new_task(client)
    control.set_credits(70, "another-key")

    assert control.overview()["credits"] == {KEY: 10_000}  # only keys that have called the mock


def test_a_completed_master_offers_its_preview_and_final_to_play(mock: Mock) -> None:
    client, control = mock
    task_id = new_task(client)
    control.complete(task_id)

    files = {file["name"]: file for file in control.audio_files(task_id)}

    assert set(files) == {"preview", "final"}
    preview, final = client.get(files["preview"]["url"]), client.get(files["final"]["url"])
    assert (preview.status_code, preview.headers["content-type"]) == (200, "audio/mpeg")
    assert (final.status_code, final.headers["content-type"]) == (200, "audio/wav")
    assert files["preview"]["url"].startswith("/_storage/")  # plays from wherever the page was opened


def test_the_loudness_plot_of_a_medium_master_sits_at_minus_10_lufs(mock: Mock) -> None:
    client, control = mock
    task_id = new_task(client)  # desiredLoudness MEDIUM: -10 LUFS integrated
    control.complete(task_id)

    picture = control.audio_picture(task_id, "final", points=200)

    assert picture["content_type"] == "audio/wav" and len(picture["waveform"]["max"]) == 200
    assert picture["integrated_lufs"] == pytest.approx(-10.0, abs=1.0)
    curve = [value for value in picture["short_term_loudness"]["lufs"] if value is not None]
    assert len(curve) == round((picture["duration"] - 3.0) / 0.1) + 1
    assert max(curve) < -4.0 and picture["sample_peak_dbfs"] <= -1.0


def test_asking_for_audio_that_is_not_there_says_what_is(mock: Mock) -> None:
    client, control = mock
    running = new_task(client)
    finished = new_task(client)
    control.complete(finished)

    with pytest.raises(ControlError, match="has no audio files"):
        control.audio_picture(running, "final")
    with pytest.raises(ControlError, match=r"unknown audio file .* 'finale' \(did you mean 'final'\?\)"):
        control.audio_picture(finished, "finale")
    with pytest.raises(UnknownTask):
        control.audio_files("no-such-task")
    assert client.get(f"/_mock/tasks/{finished}/audio/final", params={"points": 0}).status_code == 400
