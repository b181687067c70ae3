from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DialogueEnhancementPreviewResults")


@_attrs_define
class DialogueEnhancementPreviewResults:
    """Preview result of a dialogue-enhancement task."""

    download_url_preview: str
    """ Signed URL of the MP3 preview of the enhanced dialogue. """
    preview_start_time: float | Unset = UNSET
    """ Offset (s) of the preview. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        download_url_preview = self.download_url_preview

        preview_start_time = self.preview_start_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "download_url_preview": download_url_preview,
            }
        )
        if preview_start_time is not UNSET:
            field_dict["preview_start_time"] = preview_start_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        download_url_preview = d.pop("download_url_preview")

        preview_start_time = d.pop("preview_start_time", UNSET)

        dialogue_enhancement_preview_results = cls(
            download_url_preview=download_url_preview,
            preview_start_time=preview_start_time,
        )

        dialogue_enhancement_preview_results.additional_properties = d
        return dialogue_enhancement_preview_results

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
