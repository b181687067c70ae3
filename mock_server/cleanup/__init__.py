"""Audio clean-up (dossier §12.13): noise and bleed removal from one instrument track, synchronous."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
