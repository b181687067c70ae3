from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GainSettings")


@_attrs_define
class GainSettings:
    """Gain the AI applied to a track."""

    gain_amplitude: float | Unset = UNSET
    """ Linear gain factor. """
    gain_db: float | Unset = UNSET
    """ Gain in dB. """
    initial_gain: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gain_amplitude = self.gain_amplitude

        gain_db = self.gain_db

        initial_gain = self.initial_gain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if gain_amplitude is not UNSET:
            field_dict["gain_amplitude"] = gain_amplitude
        if gain_db is not UNSET:
            field_dict["gain_db"] = gain_db
        if initial_gain is not UNSET:
            field_dict["initial_gain"] = initial_gain

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        gain_amplitude = d.pop("gain_amplitude", UNSET)

        gain_db = d.pop("gain_db", UNSET)

        initial_gain = d.pop("initial_gain", UNSET)

        gain_settings = cls(
            gain_amplitude=gain_amplitude,
            gain_db=gain_db,
            initial_gain=initial_gain,
        )

        gain_settings.additional_properties = d
        return gain_settings

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
