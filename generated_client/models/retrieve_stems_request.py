from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stemflow_task_reference import StemflowTaskReference


T = TypeVar("T", bound="RetrieveStemsRequest")


@_attrs_define
class RetrieveStemsRequest:
    """Body of `POST /retrievestems`."""

    stemflow_data: StemflowTaskReference
    """ Contents of the `stemflowData` wrapper for `/retrievestems`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stemflow_data = self.stemflow_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stemflowData": stemflow_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stemflow_task_reference import StemflowTaskReference

        d = dict(src_dict)
        stemflow_data = StemflowTaskReference.from_dict(d.pop("stemflowData"))

        retrieve_stems_request = cls(
            stemflow_data=stemflow_data,
        )

        retrieve_stems_request.additional_properties = d
        return retrieve_stems_request

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
