"""Helpers of the plugin tests: test audio, and running user test files with pytester."""

from __future__ import annotations

import io

import httpcore  # noqa: F401  (pinned in sys.modules, see below)
import numpy as np
import pytest
import soundfile as sf

import tonn_client.api.health
import tonn_client.api.mastering
import tonn_client.models  # noqa: F401
import tonn_mock.app
import tonn_mock.testing.harness
import tonn_mock.testing.intercept  # noqa: F401

# In-process pytester runs drop the modules they import. numpy's and scipy's extension modules
# cannot be imported twice in a process, and httpx maps the exceptions of the httpcore it imported
# first (a later copy's ConnectError would slip through), so the imports above happen once, here.

# what a strict user project configures; every inner run uses it
STRICT_INI = """
[pytest]
addopts = --strict-markers --strict-config -p no:cacheprovider
filterwarnings = error
xfail_strict = true
"""


def tone_wav(freq: float, seconds: float = 10.5, rate: int = 44100, level: float = 0.25) -> bytes:
    """A stereo sine with a slow tremolo, long enough for every product's input rules."""
    t = np.arange(int(seconds * rate)) / rate
    wave = level * np.sin(2 * np.pi * freq * t) * (0.8 + 0.2 * np.sin(2 * np.pi * 0.5 * t))
    buffer = io.BytesIO()
    sf.write(buffer, np.stack([wave, wave], axis=1), rate, format="WAV")
    return buffer.getvalue()


def run_user_tests(pytester: pytest.Pytester, source: str, *args: str) -> pytest.RunResult:
    """Run ``source`` as a user's test file, in-process, under the strict configuration."""
    pytester.makeini(STRICT_INI)
    pytester.makepyfile(test_user=source)
    return pytester.runpytest(*args)
