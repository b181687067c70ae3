from enum import StrEnum


class SeparationMode(StrEnum):
    ALL_STEMS = "all_stems"
    VOCALS_INSTRUMENTAL = "vocals_instrumental"

    def __str__(self) -> str:
        return str(self.value)
