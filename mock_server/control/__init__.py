"""The control plane: script the mock from tests, over HTTP (``/_mock/...``) or in Python."""

from .api import MockControl
from .routes import blueprint

__all__ = ["MockControl", "blueprint"]
