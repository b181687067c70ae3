from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tonal_band_level import TonalBandLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="TonalProfile")


@_attrs_define
class TonalProfile:
    """Per-band tonal balance."""

    bass_frequency: TonalBandLevel | Unset = UNSET
    """ Relative energy in one frequency band compared with the reference for the style: `LOW` too little, `MEDIUM`
    in range, `HIGH` too much. """
    high_frequency: TonalBandLevel | Unset = UNSET
    """ Relative energy in one frequency band compared with the reference for the style: `LOW` too little, `MEDIUM`
    in range, `HIGH` too much. """
    high_mid_frequency: TonalBandLevel | Unset = UNSET
    """ Relative energy in one frequency band compared with the reference for the style: `LOW` too little, `MEDIUM`
    in range, `HIGH` too much. """
    low_mid_frequency: TonalBandLevel | Unset = UNSET
    """ Relative energy in one frequency band compared with the reference for the style: `LOW` too little, `MEDIUM`
    in range, `HIGH` too much. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bass_frequency: str | Unset = UNSET
        if not isinstance(self.bass_frequency, Unset):
            bass_frequency = self.bass_frequency.value

        high_frequency: str | Unset = UNSET
        if not isinstance(self.high_frequency, Unset):
            high_frequency = self.high_frequency.value

        high_mid_frequency: str | Unset = UNSET
        if not isinstance(self.high_mid_frequency, Unset):
            high_mid_frequency = self.high_mid_frequency.value

        low_mid_frequency: str | Unset = UNSET
        if not isinstance(self.low_mid_frequency, Unset):
            low_mid_frequency = self.low_mid_frequency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bass_frequency is not UNSET:
            field_dict["bass_frequency"] = bass_frequency
        if high_frequency is not UNSET:
            field_dict["high_frequency"] = high_frequency
        if high_mid_frequency is not UNSET:
            field_dict["high_mid_frequency"] = high_mid_frequency
        if low_mid_frequency is not UNSET:
            field_dict["low_mid_frequency"] = low_mid_frequency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _bass_frequency = d.pop("bass_frequency", UNSET)
        bass_frequency: TonalBandLevel | Unset
        if isinstance(_bass_frequency, Unset):
            bass_frequency = UNSET
        else:
            bass_frequency = TonalBandLevel(_bass_frequency)

        _high_frequency = d.pop("high_frequency", UNSET)
        high_frequency: TonalBandLevel | Unset
        if isinstance(_high_frequency, Unset):
            high_frequency = UNSET
        else:
            high_frequency = TonalBandLevel(_high_frequency)

        _high_mid_frequency = d.pop("high_mid_frequency", UNSET)
        high_mid_frequency: TonalBandLevel | Unset
        if isinstance(_high_mid_frequency, Unset):
            high_mid_frequency = UNSET
        else:
            high_mid_frequency = TonalBandLevel(_high_mid_frequency)

        _low_mid_frequency = d.pop("low_mid_frequency", UNSET)
        low_mid_frequency: TonalBandLevel | Unset
        if isinstance(_low_mid_frequency, Unset):
            low_mid_frequency = UNSET
        else:
            low_mid_frequency = TonalBandLevel(_low_mid_frequency)

        tonal_profile = cls(
            bass_frequency=bass_frequency,
            high_frequency=high_frequency,
            high_mid_frequency=high_mid_frequency,
            low_mid_frequency=low_mid_frequency,
        )

        tonal_profile.additional_properties = d
        return tonal_profile

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
