"""``tonn-mock serve --workers 2`` (granian) answers every kind of request as one process
(waitress) does: the same status, type and body, the same bytes for a stored file, the same
refusals of bodies too large, however they are sent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import httpx

from .conftest import mastering_body, spawn

LIMIT = 3_000_000
"""The upload limit both mocks run with (``TONN_MOCK_MAX_UPLOAD_BYTES``), so 'too large' is cheap."""
AUDIO = os.urandom(2_500_000)


def chunks(total: int, size: int = 256 * 1024) -> Iterator[bytes]:
    """A body sent with ``Transfer-Encoding: chunked`` (no ``Content-Length``)."""
    for start in range(0, total, size):
        yield b"a" * min(size, total - start)


def answer(response: httpx.Response, body: bool = True) -> tuple[Any, ...]:
    kind = response.headers.get("content-type", "")
    shown: Any = response.content if body else len(response.content)
    if body and kind.startswith("application/json"):
        shown = {key: value for key, value in response.json().items() if not key.endswith("_id")}
    return response.status_code, kind, response.headers.get("content-length"), shown


def story(base: str) -> list[tuple[Any, ...]]:
    """One client's requests: an upload round trip (whole and chunked), bodies too large, bad
    ones, odd paths and keys; what each got."""
    seen: list[tuple[Any, ...]] = []
    with httpx.Client(base_url=base, headers={"X-API-Key": "k"}, timeout=30) as client:

        def upload(name: str, content: Any, shown: slice = slice(None)) -> dict[str, str]:
            urls = client.post("/upload", json={"filename": name, "contentType": "audio/wav"}).json()
            put = client.put(urls["signed_url"], content=content, headers={"Content-Type": "audio/wav"})
            seen.append(answer(put)[shown])
            return urls

        whole = upload("my song.wav", AUDIO)
        seen.append(answer(client.get(whole["readable_url"])))
        seen.append(answer(client.head(whole["readable_url"])))
        seen.append(answer(client.get(upload("chunked.wav", chunks(1_000_000))["readable_url"]), body=False))
        upload("too large.wav", os.urandom(LIMIT + 1))
        # status and type: the details say how much arrived ("at least" the limit plus one byte)
        upload("too large chunked.wav", chunks(LIMIT + 600_000), shown=slice(2))
        seen.append(answer(client.post("/masteringpreview", content=b"{" + b" " * 1_100_000 + b"}")))
        seen.append(answer(client.post("/masteringpreview", content=b"{not json")))
        seen.append(answer(client.post("/masteringpreview", json={"masteringData": []})))
        seen.append(
            answer(
                httpx.post(f"{base}/masteringpreview?key=k", json=mastering_body("https://e.com/a%20b.wav"))
            )
        )
        seen.append(answer(client.get("/_storage/some%20key%2Fx", params={"X-Amz-Signature": "forged"})))
        seen.append(answer(client.get("/nope/%E2%9C%93")))
        seen.append(answer(client.get("/health", headers={"X-API-Key": ""})))
    return seen


def test_two_workers_answer_every_kind_of_request_as_one_process_does() -> None:
    env = {"TONN_MOCK_MAX_UPLOAD_BYTES": str(LIMIT)}
    with spawn(env=env) as one_process:
        expected = story(one_process.url)
    with spawn("--workers", "2", env=env) as two_workers:
        assert story(two_workers.url) == expected
    assert expected[0][0] == 200 and expected[1][3] == AUDIO  # the stored bytes came back
    assert [seen[0] for seen in expected].count(413) == 3  # two uploads and one JSON body too large
