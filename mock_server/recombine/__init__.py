"""Recombine (dossier §12.17-§12.20): a vocal and a backing track, mixed and mastered."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
