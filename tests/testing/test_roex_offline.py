"""roex-python's mastering and mix workflows, unmodified and on its default base URL, offline.

``tonn_intercept`` routes every ``requests`` call for https://tonn.roexaudio.com (API and storage
URLs alike) into the in-process mock. ``no_network`` makes any socket connect fail the test and
``no_sleep`` any ``time.sleep`` (poll intervals, tenacity back-off), so passing proves the
workflows ran with no socket and no waiting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile as sf
from roex_python.client import RoExClient
from roex_python.models import (
    CompressionSettings,
    DesiredLoudness,
    FinalMixRequest,
    FinalMixRequestAdvanced,
    InstrumentGroup,
    MasteringRequest,
    MultitrackMixRequest,
    MusicalStyle,
    PanPreference,
    PresenceSetting,
    TrackData,
    TrackEffectsData,
    TrackGainData,
)
from roex_python.utils import upload_file

from tonn_mock.testing.harness import TonnMock
from tonn_mock.testing.intercept import TonnInterceptor

from .helpers import tone_wav

pytestmark = pytest.mark.usefixtures("no_network", "no_sleep")
HOOK = "https://my-app.example/hooks/tonn"


def test_mastering_workflow(tonn_intercept: TonnInterceptor, tonn_mock: TonnMock, tmp_path: Path) -> None:
    song = tmp_path / "song.wav"
    song.write_bytes(tone_wav(330.0, seconds=12.0))
    roex = RoExClient(api_key=tonn_mock.api_key)  # the default base URL: https://tonn.roexaudio.com

    track_url = upload_file(roex, str(song))
    task = roex.mastering.create_mastering_preview(
        MasteringRequest(
            track_url=track_url,
            musical_style=MusicalStyle.POP,
            desired_loudness=DesiredLoudness.MEDIUM,
            webhook_url=HOOK,
        )
    )
    preview = roex.mastering.retrieve_preview_master(task.mastering_task_id)
    final = roex.mastering.retrieve_final_master(task.mastering_task_id)
    downloaded = roex.api_provider.download_file(final.download_url_mastered or "", str(tmp_path / "m.wav"))

    assert track_url.startswith("https://tonn.roexaudio.com/_storage/")
    assert (preview.download_url_mastered_preview or "").startswith("https://tonn.roexaudio.com/_storage/")
    assert downloaded and sf.info(str(tmp_path / "m.wav")).samplerate == 44100
    assert tonn_mock.task(task.mastering_task_id)["state"] == "MASTERING_TASK_FINAL_COMPLETED"
    assert (
        tonn_mock.wait_for_webhook(task.mastering_task_id, state="MASTERING_TASK_FINAL_COMPLETED").url == HOOK
    )
    assert tonn_mock.credits() == 10_000 - 220


def test_mix_workflow(tonn_intercept: TonnInterceptor, tonn_mock: TonnMock, tmp_path: Path) -> None:
    roex = RoExClient(api_key=tonn_mock.api_key)
    groups = {
        "bass.wav": (110.0, InstrumentGroup.BASS_GROUP),
        "vocals.wav": (440.0, InstrumentGroup.VOCAL_GROUP),
    }
    urls = {}
    for name, (freq, _) in groups.items():
        (tmp_path / name).write_bytes(tone_wav(freq, level=0.2))
        urls[name] = upload_file(roex, str(tmp_path / name))
    request = MultitrackMixRequest(
        track_data=[
            TrackData(urls[name], group, PresenceSetting.NORMAL, PanPreference.NO_PREFERENCE)
            for name, (_, group) in groups.items()
        ],
        musical_style=MusicalStyle.POP,
        return_stems=True,
    )

    task_id = roex.mix.create_mix_preview(request).multitrack_task_id
    preview = roex.mix.retrieve_preview_mix(task_id, retrieve_fx_settings=True)
    basic = roex.mix.retrieve_final_mix(
        FinalMixRequest(task_id, [TrackGainData(url, -1.0) for url in urls.values()], return_stems=True)
    )
    advanced = roex.mix.retrieve_final_mix_advanced(
        FinalMixRequestAdvanced(
            task_id,
            [
                TrackEffectsData(
                    urls["bass.wav"], -1.5, compression_settings=CompressionSettings.preset_bass()
                ),
                TrackEffectsData(urls["vocals.wav"], 1.0),
            ],
            create_master=True,
            desired_loudness=DesiredLoudness.HIGH,
        )
    )

    assert preview.status == "MIX_TASK_PREVIEW_COMPLETED"
    assert set(preview.mix_output_settings or {}) == set(groups)
    assert set(basic.stems or {}) == {"bass", "vocals"}
    assert roex.api_provider.download_file(advanced.download_url_mixed or "", str(tmp_path / "mix.wav"))
    assert sf.info(str(tmp_path / "mix.wav")).frames > 0
    assert [t["id"] for t in tonn_mock.tasks("mix")] == [task_id]
