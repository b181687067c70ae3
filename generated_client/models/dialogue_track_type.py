from enum import StrEnum


class DialogueTrackType(StrEnum):
    ADR = "ADR"
    DIALOGUE_MAIN = "DIALOGUE_MAIN"
    DIALOGUE_SECONDARY = "DIALOGUE_SECONDARY"
    VOICEOVER_HP = "VOICEOVER_HP"
    VOICEOVER_LP = "VOICEOVER_LP"

    def __str__(self) -> str:
        return str(self.value)
