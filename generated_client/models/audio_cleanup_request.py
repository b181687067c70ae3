from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audio_cleanup_data import AudioCleanupData


T = TypeVar("T", bound="AudioCleanupRequest")


@_attrs_define
class AudioCleanupRequest:
    """Body of `POST /audio-cleanup`."""

    audio_cleanup_data: AudioCleanupData
    """ Contents of the `audioCleanupData` wrapper. There is no `webhookURL`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_cleanup_data = self.audio_cleanup_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audioCleanupData": audio_cleanup_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audio_cleanup_data import AudioCleanupData

        d = dict(src_dict)
        audio_cleanup_data = AudioCleanupData.from_dict(d.pop("audioCleanupData"))

        audio_cleanup_request = cls(
            audio_cleanup_data=audio_cleanup_data,
        )

        audio_cleanup_request.additional_properties = d
        return audio_cleanup_request

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
