from enum import StrEnum


class MusicalStyle(StrEnum):
    ACOUSTIC = "ACOUSTIC"
    ELECTRONIC = "ELECTRONIC"
    HIPHOP_GRIME = "HIPHOP_GRIME"
    METAL = "METAL"
    ORCHESTRAL = "ORCHESTRAL"
    OTHER = "OTHER"
    POP = "POP"
    REGGAE_DUB = "REGGAE_DUB"
    ROCK_INDIE = "ROCK_INDIE"

    def __str__(self) -> str:
        return str(self.value)
