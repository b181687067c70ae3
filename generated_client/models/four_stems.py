from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FourStems")


@_attrs_define
class FourStems:
    """Stems of an `all_stems` separation: signed URLs of stereo 44.1 kHz WAVs, valid ~24 h."""

    bass: str
    """ Signed URL of the `bass` stem. """
    drums: str
    """ Signed URL of the `drums` stem. """
    other: str
    """ Signed URL of the `other` stem. """
    vocals: str
    """ Signed URL of the `vocals` stem. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bass = self.bass

        drums = self.drums

        other = self.other

        vocals = self.vocals

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bass": bass,
                "drums": drums,
                "other": other,
                "vocals": vocals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bass = d.pop("bass")

        drums = d.pop("drums")

        other = d.pop("other")

        vocals = d.pop("vocals")

        four_stems = cls(
            bass=bass,
            drums=drums,
            other=other,
            vocals=vocals,
        )

        four_stems.additional_properties = d
        return four_stems

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
