"""Domain errors, rendered in exactly one place as Tonn's ``{error, message, info}`` envelope.

Hierarchy::

    TonnError                 (status, message, info)
    ├── InvalidRequest        400  malformed JSON, schema violation, semantic rule
    ├── InvalidApiKey         400  key not in the configured list (gateway behaviour, EVIDENCE §2)
    ├── MissingApiKey         401
    ├── InsufficientCredits   402
    ├── TaskNotFound          404  unknown id, or a task owned by another key
    ├── RouteNotFound         404  no such endpoint
    ├── MethodNotAllowed      405
    ├── PayloadTooLarge       413
    ├── UnsupportedMediaType  415
    ├── RateLimited           429
    └── InjectedFault         any  a status scripted through the control API

Models raise these; routes never build error bodies themselves.
"""

from __future__ import annotations

from typing import Any


class TonnError(Exception):
    """An error answered with Tonn's error envelope."""

    status = 500
    info = "Internal Server Error"

    def __init__(self, message: str, *, info: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if info is not None:
            self.info = info
        if status is not None:
            self.status = status

    def body(self) -> dict[str, Any]:
        return {"error": True, "message": self.message, "info": self.info}

    def headers(self) -> dict[str, str]:
        """Headers the answer carries besides the body (none by default)."""
        return {}


class InvalidRequest(TonnError):
    status = 400
    info = "Bad Request"


class InvalidApiKey(TonnError):
    status = 400
    info = "Bad Request"

    def __init__(self) -> None:
        super().__init__("API key not valid. Please pass a valid API key.")

    def body(self) -> dict[str, Any]:
        return {**super().body(), "code": 400}


class MissingApiKey(TonnError):
    status = 401
    info = "Unauthorized"

    def __init__(self) -> None:
        super().__init__(
            "Unauthorized: no API key provided. Pass it as the 'key' query parameter or the X-API-Key header."
        )

    def body(self) -> dict[str, Any]:
        return {**super().body(), "code": 401}


class InsufficientCredits(TonnError):
    status = 402
    info = "Payment Required"

    def __init__(self, needed: int, remaining: int) -> None:
        super().__init__(
            f"Insufficient credits: this operation costs {needed} credits and {remaining} remain."
        )


class TaskNotFound(TonnError):
    status = 404
    info = "Not Found"

    def __init__(self, task_id: str) -> None:
        super().__init__(f"Task not found: no task {task_id!r} for this API key.")


class RouteNotFound(TonnError):
    status = 404
    info = "Not Found"


class MethodNotAllowed(TonnError):
    status = 405
    info = "Method Not Allowed"


class PayloadTooLarge(TonnError):
    status = 413
    info = "Payload Too Large"


class UnsupportedMediaType(TonnError):
    status = 415
    info = "Unsupported Media Type"


class RateLimited(TonnError):
    status = 429
    info = "Too Many Requests"

    def __init__(self, limit: int, retry_after: int = 60) -> None:
        super().__init__(f"Rate limit exceeded: {limit} requests per minute per API key.")
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        """``Retry-After`` in seconds (RFC 9110, section 10.2.3): when the key's window has emptied."""
        return {"Retry-After": str(self.retry_after)}


class InjectedFault(TonnError):
    """A failure scripted through the control API (``/_mock/faults``)."""

    def __init__(self, status: int, message: str | None = None) -> None:
        super().__init__(message or f"Injected fault: HTTP {status}", status=status, info="Injected fault")
