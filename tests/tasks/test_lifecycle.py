"""Lifecycles are explicit transition tables; progression policies only say how far a task is."""

from __future__ import annotations

import pytest

from tonn_mock.products import catalog
from tonn_mock.tasks.lifecycle import IllegalTransition
from tonn_mock.tasks.progression import AfterPolls, AfterSeconds, Immediate, Manual, parse_policy

LIFECYCLES = catalog().lifecycles
MIX_PREVIEW, MASTERING, SEPARATION = LIFECYCLES["mix"], LIFECYCLES["mastering"], LIFECYCLES["separation"]


def test_the_mix_preview_walks_the_documented_states() -> None:
    assert MIX_PREVIEW.transitions() >= {
        (None, "MIX_TASK_PENDING"),
        ("MIX_TASK_PENDING", "MIX_TASK_ANALYSIS"),
        ("MIX_TASK_ANALYSIS", "MIX_TASK_APPLY_FX"),
        ("MIX_TASK_APPLY_FX", "MIX_TASK_PREVIEW_COMPLETED"),
        ("MIX_TASK_PREVIEW_COMPLETED", "MIX_TASK_COMPLETED"),
    }


@pytest.mark.parametrize("lifecycle", LIFECYCLES.values(), ids=list(LIFECYCLES))
def test_no_lifecycle_goes_backwards_or_fails_after_finishing(lifecycle) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IllegalTransition):
        lifecycle.check(lifecycle.completed, lifecycle.initial)
    with pytest.raises(IllegalTransition):
        lifecycle.check(lifecycle.completed, lifecycle.failed)
    for state in lifecycle.running:
        lifecycle.check(state, lifecycle.failed)


def test_separation_uses_the_lowercase_job_states() -> None:
    assert SEPARATION.running == ("pending", "started")
    assert (SEPARATION.completed, SEPARATION.failed) == ("completed", "failed")


def test_after_polls_answers_processing_for_exactly_n_polls() -> None:
    policy = AfterPolls(2)
    steps = MIX_PREVIEW.steps
    assert [policy.target_step(steps, polls, 0.0) for polls in range(4)] == [0, 1, 2, 3]
    assert (
        AfterPolls(0).target_step(MASTERING.steps, 1, 0.0) == MASTERING.steps
    )  # the first poll sees it done


def test_after_seconds_spreads_states_over_the_duration() -> None:
    policy = AfterSeconds(30)
    steps = MIX_PREVIEW.steps
    assert [policy.target_step(steps, 0, t) for t in (0, 9.9, 10, 20, 29.9, 30)] == [0, 0, 1, 2, 2, 3]


def test_immediate_and_manual_are_the_extremes() -> None:
    assert Immediate().target_step(3, 0, 0.0) == 3
    assert Manual().target_step(3, 100, 1e9) == 0


@pytest.mark.parametrize("text", ["immediate", "manual", "after_polls:3", "after_seconds:2.5"])
def test_policies_round_trip_through_their_text_form(text: str) -> None:
    assert parse_policy(text).describe() == text


@pytest.mark.parametrize("text", ["", "soon", "after_polls", "after_polls:-1", "after_seconds:x", "manual:3"])
def test_bad_policies_are_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValueError, match="invalid progression policy"):
        parse_policy(text)
