from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EqBand")


@_attrs_define
class EqBand:
    """One parametric EQ band. roex-python always sends all three fields."""

    centre_freq: float | Unset = UNSET
    """ Centre frequency in Hz. """
    gain: float | Unset = UNSET
    """ Gain in dB. """
    q: float | Unset = UNSET
    """ Q factor (higher = narrower). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        centre_freq = self.centre_freq

        gain = self.gain

        q = self.q

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if centre_freq is not UNSET:
            field_dict["centre_freq"] = centre_freq
        if gain is not UNSET:
            field_dict["gain"] = gain
        if q is not UNSET:
            field_dict["q"] = q

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        centre_freq = d.pop("centre_freq", UNSET)

        gain = d.pop("gain", UNSET)

        q = d.pop("q", UNSET)

        eq_band = cls(
            centre_freq=centre_freq,
            gain=gain,
            q=q,
        )

        eq_band.additional_properties = d
        return eq_band

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
