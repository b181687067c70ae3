from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.retrieve_preview_mix_data import RetrievePreviewMixData


T = TypeVar("T", bound="RetrievePreviewMixRequest")


@_attrs_define
class RetrievePreviewMixRequest:
    """Body of `POST /retrievepreviewmix`: the `multitrackData` wrapper."""

    multitrack_data: RetrievePreviewMixData
    """ Contents of `multitrackData` for `POST /retrievepreviewmix`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        multitrack_data = self.multitrack_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "multitrackData": multitrack_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retrieve_preview_mix_data import RetrievePreviewMixData

        d = dict(src_dict)
        multitrack_data = RetrievePreviewMixData.from_dict(d.pop("multitrackData"))

        retrieve_preview_mix_request = cls(
            multitrack_data=multitrack_data,
        )

        retrieve_preview_mix_request.additional_properties = d
        return retrieve_preview_mix_request

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
