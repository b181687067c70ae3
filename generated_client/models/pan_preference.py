from enum import StrEnum


class PanPreference(StrEnum):
    CENTRE = "CENTRE"
    LEFT = "LEFT"
    NO_PREFERENCE = "NO_PREFERENCE"
    RIGHT = "RIGHT"

    def __str__(self) -> str:
        return str(self.value)
