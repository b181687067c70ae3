from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnhancedTrackReference")


@_attrs_define
class EnhancedTrackReference:
    """Contents of the `mixReviveData` wrapper for `/retrieveenhancedtrack`."""

    mix_revive_task_id: str
    """ `mixrevive_task_id` of a preview or full enhance task. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mix_revive_task_id = self.mix_revive_task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mixReviveTaskId": mix_revive_task_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mix_revive_task_id = d.pop("mixReviveTaskId")

        enhanced_track_reference = cls(
            mix_revive_task_id=mix_revive_task_id,
        )

        enhanced_track_reference.additional_properties = d
        return enhanced_track_reference

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
