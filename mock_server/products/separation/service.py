"""Stem separation ("StemFlow", EVIDENCE §12.14-§12.16): reserve credits, split, hand out stems.

Creating a job reserves 75 credits (402 when the balance is short). If the job then fails (an
unreadable or refused input, a scripted failure, the control API's ``fail``), a listener on the
task refunds the reservation, as roex-python 1.6.0 documents. The work at completion only reads,
decodes and checks the input (separation input rules), so a refused input still fails the task.
The stems, stereo 44.1 kHz 16-bit WAV (see :mod:`tonn_mock.audio.separation` for what the
"separation" is), are rendered when one of them is first downloaded (see
:mod:`tonn_mock.storage.deferred`). Stem links are signed for 24 h.

The task's states are the webhook vocabulary (pending, started, completed, failed); the status
endpoint reports them as processing / complete / failed.
"""

from __future__ import annotations

from typing import Any, Final

from tonn_mock.audio import SEPARATION_STEMS, InputRules, check_facts, decode, encode, separate
from tonn_mock.backend import MockBackend
from tonn_mock.products.bodies import failed_body, job_status_body, user_facing_errors
from tonn_mock.storage import LONG_DOWNLOAD_URL_TTL, RESULTS_PREFIX
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task

INPUT_RULES = InputRules("separation")
SEPARATION = Lifecycle(
    name="separation", running=("pending", "started"), completed="completed", failed="failed"
)

STEM_BIT_DEPTH: Final = 16
RESERVATION: Final = "createSeparation"
"""The operation whose price is reserved at creation and given back if the task fails."""
DEFAULT_MODE = "all_stems"


def create_separation(
    backend: MockBackend, owner: str, data: dict[str, Any], base_url: str
) -> dict[str, Any]:
    backend.ledger.charge(owner, RESERVATION)
    task = backend.tasks.create(
        SEPARATION,
        owner=owner,
        request=data,
        base_url=base_url,
        webhook_url=data.get("webhookURL"),
        id_prefix="sf_",
    )
    return {"stemflowTaskId": task.id, "error": False, "message": "Stem separation task submitted."}


def separation_status(backend: MockBackend, owner: str, task_id: str) -> dict[str, Any]:
    task = backend.tasks.observe(task_id, owner)
    return job_status_body(SEPARATION, task, "stemflowTaskId", "Stem separation")


def retrieve_stems(backend: MockBackend, owner: str, task_id: str) -> tuple[int, dict[str, Any]]:
    task = backend.tasks.observe(task_id, owner)
    if SEPARATION.is_running(task.state):
        return 202, {"error": True, "message": "Stem separation is not complete yet."}
    if task.state == SEPARATION.failed:
        return 200, failed_body(task, "Stem separation failed; reserved credits are refunded.")
    return 200, {"error": False, "stems": stem_urls(backend, task)}


def stem_urls(backend: MockBackend, task: Task) -> dict[str, str]:
    return {
        name: backend.download_url(task.base_url, key, LONG_DOWNLOAD_URL_TTL)
        for name, key in task.results["stems"].items()
    }


def refund_on_failure(backend: MockBackend, task: Task) -> None:
    """Give the credits reserved at creation back when the separation fails."""
    if task.state == SEPARATION.failed:
        backend.ledger.refund(task.owner, backend.ledger.prices.get(RESERVATION, 0))


def webhook_payload(backend: MockBackend, task: Task) -> dict[str, Any]:
    body: dict[str, Any] = {"stemflowTaskId": task.id, "status": task.state, "error": False, "message": ""}
    if task.state == SEPARATION.completed:
        body.update(message="Stem separation complete.", stems=stem_urls(backend, task))
    elif task.state == SEPARATION.failed:
        body.update(error=True, message=f"Stem separation failed: {task.error}")
    return body


def work(backend: MockBackend, task: Task) -> dict[str, Any]:
    return render(backend, task.id, dict(task.request))


def render(backend: MockBackend, task_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The work at completion: check the input; register one WAV per stem.

    The first stem downloaded splits the input and encodes every stem; the encoded files are
    shared by this task's renders (see :class:`~tonn_mock.storage.deferred.SharedSteps`).
    """
    url, inputs = data["audioFileLocation"], backend.inputs.of(task_id)
    with user_facing_errors():
        check_facts(inputs.facts(url), INPUT_RULES)
    mode = data.get("separationMode", DEFAULT_MODE)

    def split() -> dict[str, bytes]:
        source = decode(inputs.read(url)).audio
        return {name: encode(stem, "WAV", STEM_BIT_DEPTH) for name, stem in separate(source, mode).items()}

    encoded = backend.shared.step(f"{task_id}/stems", split)

    def stem_file(name: str) -> str:
        key = f"{RESULTS_PREFIX}/{task_id}/{name}.wav"
        return backend.results.defer(key, "audio/wav", lambda: encoded()[name])

    return {"stems": {name: stem_file(name) for name in SEPARATION_STEMS[mode]}, "mode": mode}
