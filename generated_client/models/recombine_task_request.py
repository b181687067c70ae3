from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.recombine_task_reference import RecombineTaskReference


T = TypeVar("T", bound="RecombineTaskRequest")


@_attrs_define
class RecombineTaskRequest:
    """Body of `POST /retrieverecombinepreview` and `POST /retrieverecombine`."""

    recombine_data: RecombineTaskReference
    """ Contents of the `recombineData` wrapper for `/retrieverecombinepreview` and `/retrieverecombine`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recombine_data = self.recombine_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recombineData": recombine_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recombine_task_reference import RecombineTaskReference

        d = dict(src_dict)
        recombine_data = RecombineTaskReference.from_dict(d.pop("recombineData"))

        recombine_task_request = cls(
            recombine_data=recombine_data,
        )

        recombine_task_request.additional_properties = d
        return recombine_task_request

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
