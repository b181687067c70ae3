"""Uploads (dossier §5): ``POST /upload`` and the simulated storage bucket behind its URLs."""

from . import routes, service
from .routes import blueprint

__all__ = ["blueprint", "routes", "service"]
