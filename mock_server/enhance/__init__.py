"""Mix enhance, a.k.a. mix revive (dossier §12.10-§12.12): preview and full tasks, one retrieve."""

from . import service
from .routes import blueprint

__all__ = ["blueprint", "service"]
