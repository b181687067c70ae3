from enum import StrEnum


class WebhookJobStatus(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    PENDING = "pending"
    STARTED = "started"

    def __str__(self) -> str:
        return str(self.value)
