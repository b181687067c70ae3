"""The mock over a real socket: `tonn-mock serve`, the generated client (sync and async), roex-python."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import numpy as np
import pytest
import soundfile as sf
from roex_python.client import RoExClient
from roex_python.models import DesiredLoudness, MasteringRequest, MusicalStyle
from roex_python.utils import upload_file

from tonn_client import AuthenticatedClient
from tonn_client.api.mastering import create_mastering_preview, retrieve_final_master, retrieve_preview_master
from tonn_client.models import (
    DesiredLoudness as ClientLoudness,
)
from tonn_client.models import (
    MasteringPreviewData,
    MasteringPreviewRequest,
    MasteringTaskReference,
    MasteringTaskRequest,
    MasteringTrack,
)
from tonn_client.models import (
    MusicalStyle as ClientStyle,
)

from .servers import tonn_mock_serve

KEY = "served-key"


def client_for(base_url: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=base_url, token=KEY, auth_header_name="X-API-Key", prefix="")


def mastering_request() -> MasteringPreviewRequest:
    return MasteringPreviewRequest(
        mastering_data=MasteringPreviewData(
            track_data=[MasteringTrack(track_url="https://example.com/song.wav")],
            musical_style=ClientStyle.ROCK_INDIE,
            desired_loudness=ClientLoudness.LOW,
        )
    )


def test_tonn_mock_serve_takes_options_from_the_environment() -> None:
    with tonn_mock_serve(env={"TONN_MOCK_API_KEYS": "only-this"}) as base_url:
        assert httpx.get(f"{base_url}/health", params={"key": "only-this"}).status_code == 200
        assert httpx.get(f"{base_url}/health", params={"key": "other"}).status_code == 400


def test_the_generated_client_masters_a_track_over_a_socket_sync_and_async() -> None:
    with tonn_mock_serve("--progression", "after_polls:1") as base_url:
        with client_for(base_url) as client:
            created = create_mastering_preview.sync(client=client, body=mastering_request())
            reference = MasteringTaskRequest(mastering_data=MasteringTaskReference(created.mastering_task_id))
            pending = retrieve_preview_master.sync_detailed(client=client, body=reference)
            done = retrieve_preview_master.sync_detailed(client=client, body=reference)

        async def final() -> object:
            async with client_for(base_url) as async_client:
                return await retrieve_final_master.asyncio(client=async_client, body=reference)

        final_master = asyncio.run(final())

    assert pending.status_code == 202 and done.status_code == 200
    url = final_master.final_master_task_results.download_url_mastered  # type: ignore[union-attr]
    assert url.startswith(base_url)


# roex-python leaves its streamed download's socket to the garbage collector
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_roex_python_mastering_workflow_runs_unchanged(tmp_path: Path) -> None:
    song = tmp_path / "song.wav"
    t = np.arange(44100 * 35) / 44100
    sf.write(song, np.stack([0.3 * np.sin(2 * np.pi * 330 * t)] * 2, axis=1), 44100)

    with tonn_mock_serve("--progression", "after_polls:1") as base_url:
        roex = RoExClient(api_key=KEY, base_url=base_url)
        track_url = upload_file(roex, str(song))
        task = roex.mastering.create_mastering_preview(
            MasteringRequest(
                track_url=track_url, musical_style=MusicalStyle.POP, desired_loudness=DesiredLoudness.MEDIUM
            )
        )
        preview = roex.mastering.retrieve_preview_master(task.mastering_task_id, poll_interval=0)
        final = roex.mastering.retrieve_final_master(task.mastering_task_id)
        downloaded = roex.api_provider.download_file(
            final.download_url_mastered, str(tmp_path / "master.wav")
        )

    assert preview.download_url_mastered_preview and preview.preview_start_time is not None
    assert downloaded
    info = sf.info(str(tmp_path / "master.wav"))
    assert (info.samplerate, info.subtype) == (44100, "PCM_16")
