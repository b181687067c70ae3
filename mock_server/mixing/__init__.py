"""Multitrack mixing (dossier §12.3-§12.5): an AI preview mix, then the full-length final mix."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
