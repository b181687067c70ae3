from enum import StrEnum


class RecombineMusicalStyle(StrEnum):
    ACOUSTIC = "ACOUSTIC"
    AFROBEAT = "AFROBEAT"
    CINEMATIC = "CINEMATIC"
    COUNTRY_ACOUSTIC = "COUNTRY_ACOUSTIC"
    ELECTRONIC = "ELECTRONIC"
    HIPHOP_GRIME = "HIPHOP_GRIME"
    HOUSE = "HOUSE"
    JAZZ = "JAZZ"
    K_POP = "K_POP"
    LATIN = "LATIN"
    LO_FI = "LO_FI"
    METAL = "METAL"
    ORCHESTRAL = "ORCHESTRAL"
    OTHER = "OTHER"
    POP = "POP"
    REGGAETON = "REGGAETON"
    REGGAE_DUB = "REGGAE_DUB"
    ROCK_INDIE = "ROCK_INDIE"
    TECHNO = "TECHNO"
    TRAP = "TRAP"

    def __str__(self) -> str:
        return str(self.value)
