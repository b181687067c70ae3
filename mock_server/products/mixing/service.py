"""Mix tasks: create a preview, poll it (FX settings charged once), render the final mix (charged once).

The preview work runs off the request path at creation: every track is decoded and checked
(WAV/FLAC, 44.1/48 kHz, 10 s to 8 min, not silent) and measured, and the AI settings are chosen
(:mod:`tonn_mock.audio.automix`). The files are rendered with exactly those settings when first
downloaded (:mod:`tonn_mock.storage.deferred`): the preview is the loudest 30 s of the mix as MP3
(mastered when ``createMaster``). ``/retrievefinalmix`` checks the tracks again and decides the
settings synchronously (the AI's, changed by the request, :mod:`.tracks`); its WAV at the
requested rate is rendered on download. It moves the task on to ``MIX_TASK_COMPLETED`` (its
webhook fires once).

[inferred] choices: stems are processed tracks (the mix bus safety gain included, so they sum to
the unmastered mix), keyed by file name without extension; preview stems cover the preview's 30 s.
``createMaster`` masters the mix file itself to ``desiredLoudness`` (MEDIUM when absent; the final
mix also takes the guide's QUIET, LOUD and VERY_LOUD, and 88.2 or 96 kHz, EVIDENCE §12.5); stems stay
unmastered. The final mix answer always carries the settings it applied. A final ``webhookURL``
replaces the preview's for the final notification. ``returnUnmixedTrack``, ``reverbPreference``
and ``isStem`` are accepted and ignored.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, cast

from tonn_mock.audio.automix import TrackMeta, auto_mix_settings
from tonn_mock.audio.buffer import Audio
from tonn_mock.audio.codecs import BitDepth, decode, encode
from tonn_mock.audio.mastering import (
    FINAL_MIX_LOUDNESS_TARGETS,
    FINAL_MIX_OUTPUT_SETTINGS,
    OUTPUT_SETTINGS,
    master,
    master_settings_for,
    preview,
)
from tonn_mock.audio.measure import integrated_loudness
from tonn_mock.audio.mixing import MixResult, mix, process_track, track_from_settings
from tonn_mock.audio.rules import LOSSLESS, MAX_MIX_TRACK_DURATION_S, InputRules, check_facts
from tonn_mock.backend import MockBackend
from tonn_mock.backend.inputs import TaskInputs
from tonn_mock.core.errors import InvalidRequest
from tonn_mock.products.bodies import failed_body, user_facing_errors
from tonn_mock.products.mixing import tracks as rules
from tonn_mock.storage import RESULTS_PREFIX
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task
from tonn_mock.tasks.service import WorkFailed

INPUT_RULES = InputRules("mixing", LOSSLESS, MAX_MIX_TRACK_DURATION_S)
MIX_PREVIEW = Lifecycle(
    name="mix",
    running=("MIX_TASK_PENDING", "MIX_TASK_ANALYSIS", "MIX_TASK_APPLY_FX"),
    completed="MIX_TASK_PREVIEW_COMPLETED",
    failed="MIX_TASK_FAILED",
    follow_ups=("MIX_TASK_COMPLETED",),
    schema="MixTaskState",
)


FINAL_STATE = "MIX_TASK_COMPLETED"
PREVIEW_FILE = "RoEx_Final_Mix_Preview.mp3"
FINAL_FILE = "RoEx_Final_Mix.wav"
FX_CHARGE, FINAL_CHARGE = "fx_settings", "final_mix"


def create_preview(backend: MockBackend, owner: str, data: dict[str, Any], base_url: str) -> dict[str, Any]:
    task = backend.tasks.create(
        MIX_PREVIEW,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
    )
    return {"multitrack_task_id": task.id}


def retrieve_preview(
    backend: MockBackend, owner: str, task_id: str, *, with_fx: bool
) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.observe(task_id, owner)
    if MIX_PREVIEW.is_running(task.state):
        return 202, {"status": task.state}
    if task.state == MIX_PREVIEW.failed:
        return 200, failed_body(task)
    results = preview_results(backend, task)
    if with_fx:
        with backend.charge_once(task.id, owner, "retrieveFXSettings", FX_CHARGE):
            results["mix_output_settings"] = mix_settings(backend, task)
    return 200, {"status": MIX_PREVIEW.completed, "previewMixTaskResults": results}


def retrieve_final(backend: MockBackend, owner: str, data: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.get(data["multitrackTaskId"], owner)
    rules.check_final_tracks(rules.track_urls(task.request["trackData"]), rules.track_urls(data["trackData"]))
    task = backend.tasks.observe(task.id, owner)
    if MIX_PREVIEW.is_running(task.state):
        return 202, {"status": task.state}
    if task.state == MIX_PREVIEW.failed:
        return 200, failed_body(task)
    try:
        with backend.charge_once(task.id, owner, "retrieveFinalMix", FINAL_CHARGE):
            results = render_final(backend, task, data)
    except WorkFailed as problem:
        raise InvalidRequest(f"The final mix could not be rendered: {problem}") from None
    if data.get("webhookURL"):
        backend.tasks.store.update_task(task.id, lambda t: replace(t, webhook_url=data["webhookURL"]))
    task = backend.tasks.follow_up(task.id, FINAL_STATE, results)
    return 200, {"applyAudioEffectsResults": final_results(backend, task)}


def preview_results(backend: MockBackend, task: Task) -> dict[str, Any]:
    results: dict[str, Any] = {
        "status": MIX_PREVIEW.completed,
        "download_url_preview_mixed": backend.download_url(task.base_url, task.results["preview"]),
    }
    if task.results.get("preview_stems"):
        results["stems"] = _urls(backend, task, task.results["preview_stems"])
    return results


def final_results(backend: MockBackend, task: Task) -> dict[str, Any]:
    results: dict[str, Any] = {
        "download_url_mixed": backend.download_url(task.base_url, task.results["final"])
    }
    if task.results.get("final_stems"):
        results["stems"] = _urls(backend, task, task.results["final_stems"])
    results["mix_output_settings"] = task.results["final_settings"]
    return results


def _urls(backend: MockBackend, task: Task, keys: Mapping[str, str]) -> dict[str, str]:
    return {name: backend.download_url(task.base_url, key) for name, key in keys.items()}


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    """``MixWebhookPayload``: the state, then the preview (and final) URLs once they exist."""
    body: dict[str, Any] = {"multitrack_task_id": task.id, "state": task.state}
    if task.state == MIX_PREVIEW.failed:
        body.update(error=True, message=task.error or "Mix task failed")
    elif task.state == FINAL_STATE:
        body.update(final_results(backend, task))
        body.pop("mix_output_settings")
    elif not MIX_PREVIEW.is_running(task.state):
        body.update(preview_results(backend, task))
        body.pop("status")
    return body


# audio work ---------------------------------------------------------------------------------


def work(backend: MockBackend, task: Task) -> dict[str, Any]:
    return render(backend, task.id, dict(task.request))


def restore_renders(backend: MockBackend, task: Task) -> None:
    """The preview's files and, once retrieved, the final mix's, as the request asked for them."""
    work(backend, task)
    if "final_request" in task.results:
        render_final(backend, task, dict(task.results["final_request"]))


def render(backend: MockBackend, task_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The preview work at completion: check the tracks and register the preview's files.

    The AI settings (``mix_output_settings``) need each track's loudness, so they are chosen when
    first asked for (:func:`mix_settings`). The preview mix (the loudest 30 s, as MP3) and its
    stems are rendered from the same inputs when first downloaded.
    """
    urls = rules.track_urls(data["trackData"])
    check_tracks(backend.inputs.of(task_id), urls)
    rate, bit_depth = output_format(data.get("sampleRate", "44100"))
    names = rules.track_names(urls)
    job = MixRenders(backend, task_id, "preview", urls, lambda: _in_order(backend, task_id, names), rate)

    def preview_mix() -> bytes:
        excerpt = preview(job.result().audio, None)[0]
        if data.get("createMaster"):
            excerpt = master(excerpt, _loudness(data), sample_rate=rate)
        return encode(excerpt, "MP3")

    folder = f"{RESULTS_PREFIX}/{task_id}"
    stems = {}
    if data.get("returnStems"):
        stems = _defer_stems(backend, f"{folder}/preview_stems", names, bit_depth, job.preview_stem)
    return {
        "preview": backend.results.defer(f"{folder}/{PREVIEW_FILE}", "audio/mpeg", preview_mix),
        "preview_stems": stems,
    }


def mix_settings(backend: MockBackend, task: Task) -> dict[str, Any]:
    """The AI's settings per track of a preview, chosen from each track's loudness when first
    asked for (a stand-in's loudness is known; an upload is measured once) and kept."""

    def choose() -> dict[str, Any]:
        tracks = task.request["trackData"]
        urls = rules.track_urls(tracks)
        names = rules.track_names(urls)
        loudness = [_loudness_of(backend.inputs.of(task.id), url) for url in urls]
        metas = [_meta(*each) for each in zip(tracks, loudness, names, strict=True)]
        return dict(auto_mix_settings(metas))

    return dict(backend.tasks.resolve(task.id, "settings", choose))


def _in_order(backend: MockBackend, task_id: str, names: Sequence[str]) -> list[Mapping[str, Any]]:
    settings = mix_settings(backend, backend.tasks.get(task_id))
    return [settings[name] for name in names]


def _loudness_of(inputs: TaskInputs, url: str) -> float:
    known = inputs.known_loudness(url)
    return known if known is not None else float(inputs.measure(url, "loudness", integrated_loudness))


def render_final(backend: MockBackend, task: Task, data: dict[str, Any]) -> dict[str, Any]:
    """The final mix when asked for: the preview's tracks with the AI settings changed by ``data``.

    The applied settings (shown in the answer) are decided and the tracks read and checked now,
    so a track that can no longer be used is still a 400; the WAV and its stems are rendered
    when first downloaded.
    """
    urls = rules.track_urls(task.request["trackData"])
    requested = rules.final_tracks_in_preview_order(urls, data["trackData"])
    names = rules.track_names(urls)
    settings = {
        name: rules.applied_settings(mix_settings(backend, task)[name], track)
        for name, track in zip(names, requested, strict=True)
    }
    check_tracks(backend.inputs.of(task.id), urls)
    sample_rate = data.get("sampleRate", task.request.get("sampleRate", "44100"))
    rate, bit_depth = output_format(sample_rate, FINAL_MIX_OUTPUT_SETTINGS)
    in_order = [settings[name] for name in names]
    job = MixRenders(backend, task.id, "final", urls, lambda: in_order, rate)

    def final_mix() -> bytes:
        mixed = job.result().audio
        if data.get("createMaster"):
            mixed = master(mixed, _loudness(data), sample_rate=rate)
        return encode(mixed, "WAV", bit_depth)

    folder = f"{RESULTS_PREFIX}/{task.id}"
    stems = {}
    if data.get("returnStems"):
        stems = _defer_stems(backend, f"{folder}/stems", names, bit_depth, job.stem)
    final = backend.results.defer(f"{folder}/{FINAL_FILE}", "audio/wav", final_mix)
    return {"final": final, "final_settings": settings, "final_stems": stems, "final_request": data}


class MixRenders:
    """The audio of one mix, shared by the deferred files of one task while they render.

    The tracks are read as the task pinned them when it completed, so every file is a pure
    function of the request and of the inputs that were checked.
    """

    def __init__(
        self,
        backend: MockBackend,
        task_id: str,
        stage: str,
        urls: Sequence[str],
        settings: Callable[[], Sequence[Mapping[str, Any]]],
        rate: int,
    ) -> None:
        urls, inputs, name = list(urls), backend.inputs.of(task_id), f"{task_id}/{stage}"
        step = backend.shared.step
        self.tracks = step(f"{name}/tracks", lambda: read_tracks(inputs, urls))
        self.result = step(f"{name}/mix", lambda: _mix(self.tracks(), settings(), rate))
        self.stems = step(f"{name}/stems", lambda: _stems(self.tracks(), settings(), self.result()))
        self.preview_start = step(f"{name}/start", lambda: preview(self.result().audio, None)[1])

    def stem(self, index: int) -> Audio:
        return self.stems()[index]

    def preview_stem(self, index: int) -> Audio:
        """A stem over the preview's 30 s (the loudest of the mix)."""
        return preview(self.stems()[index], self.preview_start())[0]


def check_tracks(inputs: TaskInputs, urls: Sequence[str]) -> None:
    """Every track meets the mixing input rules, judged from its header (else the work fails)."""
    with user_facing_errors():
        for url in urls:
            check_facts(inputs.facts(url), INPUT_RULES)


def read_tracks(inputs: TaskInputs, urls: Sequence[str]) -> list[Audio]:
    """Every track, decoded."""
    with user_facing_errors():
        return [decode(inputs.read(url)).audio for url in urls]


def output_format(
    sample_rate: str | int, choices: Mapping[int, tuple[int, int]] = OUTPUT_SETTINGS
) -> tuple[int, BitDepth]:
    """``sampleRate`` -> (rate, WAV bit depth): 44.1 kHz/16-bit, else 24-bit (EVIDENCE §11, §12.5)."""
    rate, bit_depth = master_settings_for(sample_rate, choices)
    return rate, cast(BitDepth, bit_depth)


def _meta(track: Mapping[str, Any], loudness: float, name: str) -> TrackMeta:
    return TrackMeta(
        name=name,
        instrument_group=str(track["instrumentGroup"]),
        presence=str(track.get("presenceSetting", "NORMAL")),
        pan_preference=str(track.get("panPreference", "NO_PREFERENCE")),
        loudness_lufs=loudness,
    )


def _mix(audios: Sequence[Audio], settings: Sequence[Mapping[str, Any]], rate: int) -> MixResult:
    return mix([track_from_settings(audio, s) for audio, s in zip(audios, settings, strict=True)], rate)


def _stems(audios: Sequence[Audio], settings: Sequence[Mapping[str, Any]], result: MixResult) -> list[Audio]:
    """Each processed track as it sits in ``result`` (same bus gain, same length)."""
    rate, frames = result.audio.sample_rate, result.audio.frames
    return [
        process_track(track_from_settings(audio, s), rate).gained(result.headroom_gain_db).padded(frames)
        for audio, s in zip(audios, settings, strict=True)
    ]


def _defer_stems(
    backend: MockBackend,
    folder: str,
    names: Sequence[str],
    bit_depth: BitDepth,
    stem: Callable[[int], Audio],
) -> dict[str, str]:
    """Register one WAV per track (``stem(index)`` renders it); returns stem name -> key."""
    keys = rules.stem_names(names)
    deferred = {}
    for index, (key, file) in enumerate(zip(keys, rules.stem_files(keys), strict=True)):
        render = functools.partial(_wav, stem, index, bit_depth)
        deferred[key] = backend.results.defer(f"{folder}/{file}", "audio/wav", render)
    return deferred


def _wav(stem: Callable[[int], Audio], index: int, bit_depth: BitDepth) -> bytes:
    return encode(stem(index), "WAV", bit_depth)


def _loudness(data: Mapping[str, Any]) -> float:
    return FINAL_MIX_LOUDNESS_TARGETS[data.get("desiredLoudness") or "MEDIUM"]
