from enum import StrEnum


class LoudnessVerdict(StrEnum):
    LESS = "LESS"
    LESS_APPLE = "LESS_APPLE"
    MORE = "MORE"
    OPTIMAL = "OPTIMAL"

    def __str__(self) -> str:
        return str(self.value)
