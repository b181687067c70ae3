from enum import StrEnum


class SampleRateString(StrEnum):
    RATE_44100 = "44100"
    RATE_48000 = "48000"

    def __str__(self) -> str:
        return str(self.value)
