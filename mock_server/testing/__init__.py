"""Test tooling: what you import in your tests (and the only part that imports ``tonn_client``).

* the pytest plugin (:mod:`.pytest_plugin`, loaded automatically): fixtures ``tonn_mock``,
  ``tonn_client``, ``tonn_served_client``, ``tonn_intercept`` and the ``tonn_mock`` marker;
* :func:`mock_tonn` (:mod:`.intercept`): a decorator (bare or called; functions, ``async``
  functions, test classes) or context manager that answers ``requests``/``httpx`` calls to Tonn
  from an in-process mock, for code under test;
* :class:`TonnMock` (:mod:`.harness`) and :class:`MockOptions` (:mod:`.options`): the mock as one
  test sees it, and the options of its marker;
* :func:`serve_in_thread` (:mod:`.serving`): the mock on a real loopback socket.

Names are imported on first use, so loading the plugin stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "mock_tonn": "tonn_mock.testing.intercept",
    "TonnInterceptor": "tonn_mock.testing.intercept",
    "TonnMock": "tonn_mock.testing.harness",
    "MockOptions": "tonn_mock.testing.options",
    "serve_in_thread": "tonn_mock.testing.serving",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
