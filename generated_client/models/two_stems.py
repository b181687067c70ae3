from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TwoStems")


@_attrs_define
class TwoStems:
    """Stems of a `vocals_instrumental` separation: signed URLs of stereo 44.1 kHz WAVs, valid ~24 h."""

    instrumental: str
    """ Signed URL of the instrumental (no-vocals) stem. """
    vocals: str
    """ Signed URL of the isolated vocal stem. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrumental = self.instrumental

        vocals = self.vocals

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrumental": instrumental,
                "vocals": vocals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        instrumental = d.pop("instrumental")

        vocals = d.pop("vocals")

        two_stems = cls(
            instrumental=instrumental,
            vocals=vocals,
        )

        two_stems.additional_properties = d
        return two_stems

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
