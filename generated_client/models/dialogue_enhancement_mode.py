from enum import StrEnum


class DialogueEnhancementMode(StrEnum):
    AD_ENHANCED = "AD_ENHANCED"
    ENHANCE = "ENHANCE"
    PRESERVE = "PRESERVE"
    SOCIAL_MEDIA_VO = "SOCIAL_MEDIA_VO"

    def __str__(self) -> str:
        return str(self.value)
