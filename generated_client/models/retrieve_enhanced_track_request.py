from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.enhanced_track_reference import EnhancedTrackReference


T = TypeVar("T", bound="RetrieveEnhancedTrackRequest")


@_attrs_define
class RetrieveEnhancedTrackRequest:
    """Body of `POST /retrieveenhancedtrack`."""

    mix_revive_data: EnhancedTrackReference
    """ Contents of the `mixReviveData` wrapper for `/retrieveenhancedtrack`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mix_revive_data = self.mix_revive_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mixReviveData": mix_revive_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enhanced_track_reference import EnhancedTrackReference

        d = dict(src_dict)
        mix_revive_data = EnhancedTrackReference.from_dict(d.pop("mixReviveData"))

        retrieve_enhanced_track_request = cls(
            mix_revive_data=mix_revive_data,
        )

        retrieve_enhanced_track_request.additional_properties = d
        return retrieve_enhanced_track_request

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
