from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PreviewMasterTaskResults")


@_attrs_define
class PreviewMasterTaskResults:
    """Results of a finished mastering preview."""

    download_url_mastered_preview: str
    """ Signed URL of the 30-s preview (MP3). """
    preview_start_time: float | Unset = UNSET
    """ Offset in seconds where the preview starts in the original track; `-1` means not applicable. """
    status: str | Unset = UNSET
    """ Unconfirmed: client mocks show a `status` here; an older roex-python docstring names
    `MASTERING_TASK_PREVIEW_COMPLETED`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        download_url_mastered_preview = self.download_url_mastered_preview

        preview_start_time = self.preview_start_time

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "download_url_mastered_preview": download_url_mastered_preview,
            }
        )
        if preview_start_time is not UNSET:
            field_dict["preview_start_time"] = preview_start_time
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        download_url_mastered_preview = d.pop("download_url_mastered_preview")

        preview_start_time = d.pop("preview_start_time", UNSET)

        status = d.pop("status", UNSET)

        preview_master_task_results = cls(
            download_url_mastered_preview=download_url_mastered_preview,
            preview_start_time=preview_start_time,
            status=status,
        )

        preview_master_task_results.additional_properties = d
        return preview_master_task_results

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
