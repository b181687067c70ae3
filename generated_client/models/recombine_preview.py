from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecombinePreview")


@_attrs_define
class RecombinePreview:
    """The free preview of a recombine task."""

    preview_url: str
    """ Signed URL of a ~30-s MP3 taken from the loudest section (valid ~24 h). """
    measured_lufs_full: float | Unset = UNSET
    """ Integrated loudness (LUFS) of the whole program, not just the preview. """
    preview_start_seconds: float | Unset = UNSET
    """ Offset (s) of the preview within the full track. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preview_url = self.preview_url

        measured_lufs_full = self.measured_lufs_full

        preview_start_seconds = self.preview_start_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "preview_url": preview_url,
            }
        )
        if measured_lufs_full is not UNSET:
            field_dict["measured_lufs_full"] = measured_lufs_full
        if preview_start_seconds is not UNSET:
            field_dict["preview_start_seconds"] = preview_start_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        preview_url = d.pop("preview_url")

        measured_lufs_full = d.pop("measured_lufs_full", UNSET)

        preview_start_seconds = d.pop("preview_start_seconds", UNSET)

        recombine_preview = cls(
            preview_url=preview_url,
            measured_lufs_full=measured_lufs_full,
            preview_start_seconds=preview_start_seconds,
        )

        recombine_preview.additional_properties = d
        return recombine_preview

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
