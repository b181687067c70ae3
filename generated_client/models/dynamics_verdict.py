from enum import StrEnum


class DynamicsVerdict(StrEnum):
    LESS = "LESS"
    MORE = "MORE"
    OPTIMAL = "OPTIMAL"

    def __str__(self) -> str:
        return str(self.value)
