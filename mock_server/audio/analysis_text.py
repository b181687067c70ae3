"""The ``summary`` block of a mix analysis: one short generated sentence per topic.

Tonn's ``summary`` has twelve keys (EVIDENCE §12.9); its prose is not public, so these sentences
are the mock's own, built only from the verdicts already in the payload (never from new
measurements), so text and numbers cannot disagree.
"""

from __future__ import annotations

from typing import Any

_LOUDNESS_TEXT = {
    "OPTIMAL": "sits in a good range",
    "LESS": "is too loud; turn it down",
    "MORE": "is too quiet; bring it up",
    "LESS_APPLE": "suits Spotify but is louder than Apple Music's target",
}
_DRC_TEXT = {
    "OPTIMAL": "is well controlled",
    "LESS": "is over-compressed; ease off the compression",
    "MORE": "is very dynamic; a little more compression would help",
}
_CLIPPING_TEXT = {
    "NONE": "No clipping was found.",
    "MINOR": "A few clipped samples were found; lower the level feeding the final stage.",
    "MAJOR": "Heavy clipping was found; re-export with more headroom.",
}
_FIELD_TEXT = {
    "MONO": "The track is effectively mono.",
    "NARROW": "The stereo image is narrow; consider panning some parts wider.",
    "BALANCED": "The stereo image is balanced.",
    "WIDE": "The stereo image is very wide; check the centre holds together.",
}


def _verdict_sentence(payload: dict[str, Any], key: str, topic: str, texts: dict[str, str]) -> str:
    """Sentence for a loudness/DRC verdict, or why it was not assessed."""
    verdict = payload.get(key)
    if verdict is None:
        kind = "master" if key.startswith("if_master") else "mix"
        return f"{topic.capitalize()} was not assessed: the file was not submitted as a {kind}."
    return f"The {topic} {texts[verdict]}."


def _tonal_sentence(tonal: dict[str, str]) -> str:
    """Names the bands that stand out, or says the balance is even."""
    names = {
        "bass_frequency": "bass",
        "low_mid_frequency": "low mids",
        "high_mid_frequency": "high mids",
        "high_frequency": "highs",
    }
    notes = [f"{names[band]} {level.lower()}" for band, level in tonal.items() if level != "MEDIUM"]
    if not notes:
        return "The tonal balance is even across the spectrum."
    return "Tonal balance: " + ", ".join(notes) + "."


def _issues(payload: dict[str, Any]) -> list[str]:
    """Short names of everything that is not optimal."""
    issues = [
        key.replace("if_", "").replace("_", " ")
        for key in ("if_mix_loudness", "if_mix_drc", "if_master_loudness", "if_master_drc")
        if payload.get(key, "OPTIMAL") != "OPTIMAL"
    ]
    if payload["clipping"] != "NONE":
        issues.append("clipping")
    if payload["phase_issues"]:
        issues.append("phase")
    return issues


def summary(payload: dict[str, Any], is_master: bool) -> dict[str, str]:
    """The twelve summary sentences for ``payload``."""
    kind = "master" if is_master else "mix"
    issues = _issues(payload)
    overall = (
        "Overall the " + kind + " is in good shape."
        if not issues
        else "Overall, attention is needed on: " + ", ".join(issues) + "."
    )
    return {
        "intro": f"Here is the analysis of your {payload['musical_style'].replace('_', ' ')} {kind}.",
        "mix_loudness": _verdict_sentence(payload, "if_mix_loudness", "mix loudness", _LOUDNESS_TEXT),
        "master_loudness": _verdict_sentence(
            payload, "if_master_loudness", "master loudness", _LOUDNESS_TEXT
        ),
        "mix_drc": _verdict_sentence(payload, "if_mix_drc", "mix dynamic range", _DRC_TEXT),
        "master_drc": _verdict_sentence(payload, "if_master_drc", "master dynamic range", _DRC_TEXT),
        "clipping": _CLIPPING_TEXT[payload["clipping"]],
        "stereo_field": _FIELD_TEXT[payload["stereo_field"]],
        "mono_compatibility": "It folds down to mono well."
        if payload["mono_compatible"]
        else "It loses level when played in mono.",
        "phase_issues": "Left and right are out of phase in places."
        if payload["phase_issues"]
        else "No phase problems were found.",
        "tonal_profile": _tonal_sentence(payload["tonal_profile"]),
        "summary": overall,
        "outro": "Thanks for using the Tonn mix analysis.",
    }
