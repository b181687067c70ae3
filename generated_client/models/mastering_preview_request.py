from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mastering_preview_data import MasteringPreviewData


T = TypeVar("T", bound="MasteringPreviewRequest")


@_attrs_define
class MasteringPreviewRequest:
    """Body of `POST /masteringpreview`: the `masteringData` wrapper."""

    mastering_data: MasteringPreviewData
    """ Contents of `masteringData` for `POST /masteringpreview`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mastering_data = self.mastering_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "masteringData": mastering_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mastering_preview_data import MasteringPreviewData

        d = dict(src_dict)
        mastering_data = MasteringPreviewData.from_dict(d.pop("masteringData"))

        mastering_preview_request = cls(
            mastering_data=mastering_data,
        )

        mastering_preview_request.additional_properties = d
        return mastering_preview_request

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
