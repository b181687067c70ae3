"""Mix analysis (dossier §12.9): a synchronous report on loudness, dynamics, image and tone."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
