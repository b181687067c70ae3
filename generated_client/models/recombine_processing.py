from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecombineProcessing")


@_attrs_define
class RecombineProcessing:
    """Echo of the processing parameters applied to the final master."""

    desired_loudness: str | Unset = UNSET
    """ Applied DesiredLoudness value. """
    musical_style: str | Unset = UNSET
    """ Applied RecombineMusicalStyle value. """
    vocal_gain_db: float | Unset = UNSET
    """ Applied vocal gain, dB. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        desired_loudness = self.desired_loudness

        musical_style = self.musical_style

        vocal_gain_db = self.vocal_gain_db

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if desired_loudness is not UNSET:
            field_dict["desired_loudness"] = desired_loudness
        if musical_style is not UNSET:
            field_dict["musical_style"] = musical_style
        if vocal_gain_db is not UNSET:
            field_dict["vocal_gain_db"] = vocal_gain_db

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        desired_loudness = d.pop("desired_loudness", UNSET)

        musical_style = d.pop("musical_style", UNSET)

        vocal_gain_db = d.pop("vocal_gain_db", UNSET)

        recombine_processing = cls(
            desired_loudness=desired_loudness,
            musical_style=musical_style,
            vocal_gain_db=vocal_gain_db,
        )

        recombine_processing.additional_properties = d
        return recombine_processing

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
