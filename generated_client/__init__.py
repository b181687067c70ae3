"""A client library for accessing RoEx Tonn API (reconstructed)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
