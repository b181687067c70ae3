"""Stem separation, "StemFlow" (dossier §12.14-§12.16): four or two stems of a mix, 75 credits."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
