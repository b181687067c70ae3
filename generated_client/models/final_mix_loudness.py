from enum import StrEnum


class FinalMixLoudness(StrEnum):
    HIGH = "HIGH"
    LOUD = "LOUD"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    QUIET = "QUIET"
    VERY_LOUD = "VERY_LOUD"

    def __str__(self) -> str:
        return str(self.value)
