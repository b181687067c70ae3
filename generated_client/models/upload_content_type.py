from enum import StrEnum


class UploadContentType(StrEnum):
    AUDIO_FLAC = "audio/flac"
    AUDIO_MPEG = "audio/mpeg"
    AUDIO_WAV = "audio/wav"

    def __str__(self) -> str:
        return str(self.value)
