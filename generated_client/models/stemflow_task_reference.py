from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StemflowTaskReference")


@_attrs_define
class StemflowTaskReference:
    """Contents of the `stemflowData` wrapper for `/retrievestems`."""

    stemflow_task_id: str
    """ `sf_<uuid>` id from `/separate`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stemflow_task_id = self.stemflow_task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stemflowTaskId": stemflow_task_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        stemflow_task_id = d.pop("stemflowTaskId")

        stemflow_task_reference = cls(
            stemflow_task_id=stemflow_task_id,
        )

        stemflow_task_reference.additional_properties = d
        return stemflow_task_reference

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
