"""Point generated requests at this run's inputs before they are sent.

Schemathesis draws any valid URI for ``trackURL`` or ``webhookURL``. Sent as drawn, audio URLs
would make the target fetch (or, in the mock, synthesise) a new input per request, and webhook
URLs would make it POST to hosts all over the internet. So a valid audio URL is swapped for one
of the run's uploaded files, and a valid webhook URL for the run's sink. Equal URLs stay equal
and different ones stay different (up to the pool's size), and a valid URI is only ever swapped
for a valid URI, so a positive case stays positive and a negative case stays negative.

Without ``--tonn-allow-charges`` a live run also never asks for FX settings, which are charged.
"""

from __future__ import annotations

import copy
from typing import Any

import jsonschema_rs
from schemathesis import Case

from .knowledge import AUDIO_URL_FIELDS, WEBHOOK_FIELDS
from .target import Target

_URI = jsonschema_rs.validator_for({"type": "string", "format": "uri"}, validate_formats=True)
CHARGED_FLAGS = ("retrieveFXSettings",)


def aim(case: Case[Any], target: Target) -> None:
    """Rewrite ``case``'s body in place for ``target`` (assigning it, so schemathesis revalidates)."""
    if not isinstance(case.body, dict | list):
        return
    body = copy.deepcopy(case.body)
    changed = _swap_urls(body, target, {})
    if not target.allow_charges:
        changed |= _clear_charged_flags(body)
    if changed:
        case.body = body


def _swap_urls(node: Any, target: Target, chosen: dict[str, str]) -> bool:
    changed = False
    if isinstance(node, dict):
        for key, value in node.items():
            replacement = _replacement(key, value, target, chosen)
            if replacement is not None:
                changed |= replacement != value
                node[key] = replacement
            else:
                changed |= _swap_urls(value, target, chosen)
    elif isinstance(node, list):
        for item in node:
            changed |= _swap_urls(item, target, chosen)
    return changed


def _replacement(key: str, value: Any, target: Target, chosen: dict[str, str]) -> str | None:
    if not isinstance(value, str) or not _URI.is_valid(value):
        return None
    if key in WEBHOOK_FIELDS:
        return target.webhook_url
    if key in AUDIO_URL_FIELDS and target.audio_urls:
        if value not in chosen:
            chosen[value] = target.audio_urls[len(chosen) % len(target.audio_urls)]
        return chosen[value]
    return None


def _clear_charged_flags(node: Any) -> bool:
    changed = False
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CHARGED_FLAGS and value is True:
                node[key] = False
                changed = True
            else:
                changed |= _clear_charged_flags(value)
    elif isinstance(node, list):
        for item in node:
            changed |= _clear_charged_flags(item)
    return changed
