from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sound_source import SoundSource

T = TypeVar("T", bound="AudioCleanupData")


@_attrs_define
class AudioCleanupData:
    """Contents of the `audioCleanupData` wrapper. There is no `webhookURL`."""

    audio_file_location: str
    """ Publicly readable URL of a single instrument track (WAV or FLAC, mono or stereo). """
    sound_source: SoundSource
    """ Instrument in the track to be cleaned (9 values). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_file_location = self.audio_file_location

        sound_source = self.sound_source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audioFileLocation": audio_file_location,
                "soundSource": sound_source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        audio_file_location = d.pop("audioFileLocation")

        sound_source = SoundSource(d.pop("soundSource"))

        audio_cleanup_data = cls(
            audio_file_location=audio_file_location,
            sound_source=sound_source,
        )

        audio_cleanup_data.additional_properties = d
        return audio_cleanup_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
