from enum import StrEnum


class StereoFieldVerdict(StrEnum):
    BALANCED = "BALANCED"
    MONO = "MONO"
    NARROW = "NARROW"
    STEREO = "STEREO"
    STEREO_UPMIX = "STEREO_UPMIX"
    WIDE = "WIDE"

    def __str__(self) -> str:
        return str(self.value)
