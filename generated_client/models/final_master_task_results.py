from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FinalMasterTaskResults")


@_attrs_define
class FinalMasterTaskResults:
    """Final master, object form used by roex-python, RoEx examples and the mock."""

    download_url_mastered: str
    """ Signed URL of the full-length master (WAV at the requested sample rate). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        download_url_mastered = self.download_url_mastered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "download_url_mastered": download_url_mastered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        download_url_mastered = d.pop("download_url_mastered")

        final_master_task_results = cls(
            download_url_mastered=download_url_mastered,
        )

        final_master_task_results.additional_properties = d
        return final_master_task_results

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
