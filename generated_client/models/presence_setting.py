from enum import StrEnum


class PresenceSetting(StrEnum):
    BACKGROUND = "BACKGROUND"
    LEAD = "LEAD"
    NORMAL = "NORMAL"

    def __str__(self) -> str:
        return str(self.value)
