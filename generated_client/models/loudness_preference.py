from enum import StrEnum


class LoudnessPreference(StrEnum):
    CD_LOUDNESS = "CD_LOUDNESS"
    NO_CHANGE = "NO_CHANGE"
    STREAMING_LOUDNESS = "STREAMING_LOUDNESS"

    def __str__(self) -> str:
        return str(self.value)
