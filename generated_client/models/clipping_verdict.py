from enum import StrEnum


class ClippingVerdict(StrEnum):
    MAJOR = "MAJOR"
    MINOR = "MINOR"
    NONE = "NONE"

    def __str__(self) -> str:
        return str(self.value)
