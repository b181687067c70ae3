from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AudioCleanupResults")


@_attrs_define
class AudioCleanupResults:
    """The `audioCleanupResults` container."""

    cleaned_audio_file_location: str
    """ Signed URL of the cleaned WAV. (An older RoEx snippet read `download_url`, superseded.) """
    completion_time: str | Unset = UNSET
    """ When the clean-up finished, written `YYYY-MM-DD HH:MM:SS` without a time zone. """
    error: bool | Unset = UNSET
    info: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cleaned_audio_file_location = self.cleaned_audio_file_location

        completion_time = self.completion_time

        error = self.error

        info = self.info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cleaned_audio_file_location": cleaned_audio_file_location,
            }
        )
        if completion_time is not UNSET:
            field_dict["completion_time"] = completion_time
        if error is not UNSET:
            field_dict["error"] = error
        if info is not UNSET:
            field_dict["info"] = info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cleaned_audio_file_location = d.pop("cleaned_audio_file_location")

        completion_time = d.pop("completion_time", UNSET)

        error = d.pop("error", UNSET)

        info = d.pop("info", UNSET)

        audio_cleanup_results = cls(
            cleaned_audio_file_location=cleaned_audio_file_location,
            completion_time=completion_time,
            error=error,
            info=info,
        )

        audio_cleanup_results.additional_properties = d
        return audio_cleanup_results

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
