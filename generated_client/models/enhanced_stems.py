from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnhancedStems")


@_attrs_define
class EnhancedStems:
    """Processed-stem URLs of a full enhance task run with `getProcessedStems`/`stemProcessing`. Note the singular `vocal`."""

    bass: str | Unset = UNSET
    """ Signed URL of the `bass` stem (WAV). """
    drums: str | Unset = UNSET
    """ Signed URL of the `drums` stem (WAV). """
    other: str | Unset = UNSET
    """ Signed URL of the `other` stem (WAV). """
    vocal: str | Unset = UNSET
    """ Signed URL of the `vocal` stem (WAV). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bass = self.bass

        drums = self.drums

        other = self.other

        vocal = self.vocal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bass is not UNSET:
            field_dict["bass"] = bass
        if drums is not UNSET:
            field_dict["drums"] = drums
        if other is not UNSET:
            field_dict["other"] = other
        if vocal is not UNSET:
            field_dict["vocal"] = vocal

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bass = d.pop("bass", UNSET)

        drums = d.pop("drums", UNSET)

        other = d.pop("other", UNSET)

        vocal = d.pop("vocal", UNSET)

        enhanced_stems = cls(
            bass=bass,
            drums=drums,
            other=other,
            vocal=vocal,
        )

        enhanced_stems.additional_properties = d
        return enhanced_stems

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
