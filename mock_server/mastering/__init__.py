"""Mastering (dossier §12.6-§12.8): a 30-second preview, then the full-length master."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
