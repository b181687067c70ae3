from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mix_preview_data import MixPreviewData


T = TypeVar("T", bound="MixPreviewRequest")


@_attrs_define
class MixPreviewRequest:
    """Body of `POST /mixpreview`: the `multitrackData` wrapper."""

    multitrack_data: MixPreviewData
    """ Contents of `multitrackData` for `POST /mixpreview`. """
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
        from ..models.mix_preview_data import MixPreviewData

        d = dict(src_dict)
        multitrack_data = MixPreviewData.from_dict(d.pop("multitrackData"))

        mix_preview_request = cls(
            multitrack_data=multitrack_data,
        )

        mix_preview_request.additional_properties = d
        return mix_preview_request

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
