from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MasteringPreviewPending")


@_attrs_define
class MasteringPreviewPending:
    """HTTP 202 body while a mastering task is still running: `{"status": 202}`, the body roex-python looks for. It must
    not contain `previewMasterTaskResults`, or roex-python stops polling.

    """

    status: Literal[202]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = cast(Literal[202], d.pop("status"))
        if status != 202:
            raise ValueError(f"status must match const 202, got '{status}'")

        mastering_preview_pending = cls(
            status=status,
        )

        mastering_preview_pending.additional_properties = d
        return mastering_preview_pending

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
