from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.separation_mode import SeparationMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeparationData")


@_attrs_define
class SeparationData:
    """Contents of the `stemflowData` wrapper for `/separate`."""

    audio_file_location: str
    """ Publicly readable URL of the song (WAV or FLAC). """
    separation_mode: SeparationMode | Unset = UNSET
    """ Stem separation mode: `all_stems` → 4 stems `vocals`, `bass`, `drums`, `other`; `vocals_instrumental` → 2
    stems `vocals`, `instrumental`. """
    webhook_url: str | Unset = UNSET
    """ URL that receives a JSON POST on each state change of the task. Omit the key when there is no webhook: the
    real service answers an empty string with HTTP 500 and `null` with HTTP 400. This document refuses both as
    invalid input (400). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_file_location = self.audio_file_location

        separation_mode: str | Unset = UNSET
        if not isinstance(self.separation_mode, Unset):
            separation_mode = self.separation_mode.value

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audioFileLocation": audio_file_location,
            }
        )
        if separation_mode is not UNSET:
            field_dict["separationMode"] = separation_mode
        if webhook_url is not UNSET:
            field_dict["webhookURL"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        audio_file_location = d.pop("audioFileLocation")

        _separation_mode = d.pop("separationMode", UNSET)
        separation_mode: SeparationMode | Unset
        if isinstance(_separation_mode, Unset):
            separation_mode = UNSET
        else:
            separation_mode = SeparationMode(_separation_mode)

        webhook_url = d.pop("webhookURL", UNSET)

        separation_data = cls(
            audio_file_location=audio_file_location,
            separation_mode=separation_mode,
            webhook_url=webhook_url,
        )

        separation_data.additional_properties = d
        return separation_data

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
