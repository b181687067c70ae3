"""The control plane: script the mock from tests, over HTTP (``/_mock/...``) or in Python."""

from tonn_mock.control.api import MockControl
from tonn_mock.control.errors import ControlError, TaskFinished, UnknownTask
from tonn_mock.control.routes import blueprint

__all__ = ["ControlError", "MockControl", "TaskFinished", "UnknownTask", "blueprint"]
