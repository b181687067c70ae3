from enum import StrEnum


class FinalMixSampleRateString(StrEnum):
    RATE_44100 = "44100"
    RATE_48000 = "48000"
    RATE_88200 = "88200"
    RATE_96000 = "96000"

    def __str__(self) -> str:
        return str(self.value)
