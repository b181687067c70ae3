from enum import StrEnum


class JobStatus(StrEnum):
    COMPLETE = "complete"
    FAILED = "failed"
    PROCESSING = "processing"

    def __str__(self) -> str:
        return str(self.value)
