from enum import IntEnum


class SampleRateInteger(IntEnum):
    RATE_44100 = 44100
    RATE_48000 = 48000

    def __str__(self) -> str:
        return str(self.value)
