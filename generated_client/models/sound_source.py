from enum import StrEnum


class SoundSource(StrEnum):
    ACOUSTIC_GUITAR_GROUP = "ACOUSTIC_GUITAR_GROUP"
    BACKING_VOX_GROUP = "BACKING_VOX_GROUP"
    BRASS_GROUP = "BRASS_GROUP"
    E_GUITAR_GROUP = "E_GUITAR_GROUP"
    KICK_GROUP = "KICK_GROUP"
    PERCS_GROUP = "PERCS_GROUP"
    SNARE_GROUP = "SNARE_GROUP"
    STRINGS_GROUP = "STRINGS_GROUP"
    VOCAL_GROUP = "VOCAL_GROUP"

    def __str__(self) -> str:
        return str(self.value)
