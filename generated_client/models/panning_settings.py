from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PanningSettings")


@_attrs_define
class PanningSettings:
    """Stereo position."""

    panning_angle: float | Unset = UNSET
    """ Degrees: −60 = hard left, 0 = centre, +60 = hard right. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        panning_angle = self.panning_angle

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if panning_angle is not UNSET:
            field_dict["panning_angle"] = panning_angle

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        panning_angle = d.pop("panning_angle", UNSET)

        panning_settings = cls(
            panning_angle=panning_angle,
        )

        panning_settings.additional_properties = d
        return panning_settings

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
