"""Post-production (dossier §12.21-§12.22): the dialogue-enhancement preview."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
