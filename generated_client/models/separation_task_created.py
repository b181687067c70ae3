from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeparationTaskCreated")


@_attrs_define
class SeparationTaskCreated:
    """200 body of `POST /separate`."""

    stemflow_task_id: str
    """ Task id, `sf_<uuid>`. """
    error: bool | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stemflow_task_id = self.stemflow_task_id

        error = self.error

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stemflowTaskId": stemflow_task_id,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        stemflow_task_id = d.pop("stemflowTaskId")

        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        separation_task_created = cls(
            stemflow_task_id=stemflow_task_id,
            error=error,
            message=message,
        )

        separation_task_created.additional_properties = d
        return separation_task_created

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
