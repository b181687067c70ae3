from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eq_band import EqBand


T = TypeVar("T", bound="EqSettings")


@_attrs_define
class EqSettings:
    """Six-band parametric EQ; any subset of bands may be given."""

    band_1: EqBand | Unset = UNSET
    """ One parametric EQ band. roex-python always sends all three fields. """
    band_2: EqBand | Unset = UNSET
    """ One parametric EQ band. roex-python always sends all three fields. """
    band_3: EqBand | Unset = UNSET
    """ One parametric EQ band. roex-python always sends all three fields. """
    band_4: EqBand | Unset = UNSET
    """ One parametric EQ band. roex-python always sends all three fields. """
    band_5: EqBand | Unset = UNSET
    """ One parametric EQ band. roex-python always sends all three fields. """
    band_6: EqBand | Unset = UNSET
    """ One parametric EQ band. roex-python always sends all three fields. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        band_1: dict[str, Any] | Unset = UNSET
        if not isinstance(self.band_1, Unset):
            band_1 = self.band_1.to_dict()

        band_2: dict[str, Any] | Unset = UNSET
        if not isinstance(self.band_2, Unset):
            band_2 = self.band_2.to_dict()

        band_3: dict[str, Any] | Unset = UNSET
        if not isinstance(self.band_3, Unset):
            band_3 = self.band_3.to_dict()

        band_4: dict[str, Any] | Unset = UNSET
        if not isinstance(self.band_4, Unset):
            band_4 = self.band_4.to_dict()

        band_5: dict[str, Any] | Unset = UNSET
        if not isinstance(self.band_5, Unset):
            band_5 = self.band_5.to_dict()

        band_6: dict[str, Any] | Unset = UNSET
        if not isinstance(self.band_6, Unset):
            band_6 = self.band_6.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if band_1 is not UNSET:
            field_dict["band_1"] = band_1
        if band_2 is not UNSET:
            field_dict["band_2"] = band_2
        if band_3 is not UNSET:
            field_dict["band_3"] = band_3
        if band_4 is not UNSET:
            field_dict["band_4"] = band_4
        if band_5 is not UNSET:
            field_dict["band_5"] = band_5
        if band_6 is not UNSET:
            field_dict["band_6"] = band_6

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eq_band import EqBand

        d = dict(src_dict)
        _band_1 = d.pop("band_1", UNSET)
        band_1: EqBand | Unset
        if isinstance(_band_1, Unset):
            band_1 = UNSET
        else:
            band_1 = EqBand.from_dict(_band_1)

        _band_2 = d.pop("band_2", UNSET)
        band_2: EqBand | Unset
        if isinstance(_band_2, Unset):
            band_2 = UNSET
        else:
            band_2 = EqBand.from_dict(_band_2)

        _band_3 = d.pop("band_3", UNSET)
        band_3: EqBand | Unset
        if isinstance(_band_3, Unset):
            band_3 = UNSET
        else:
            band_3 = EqBand.from_dict(_band_3)

        _band_4 = d.pop("band_4", UNSET)
        band_4: EqBand | Unset
        if isinstance(_band_4, Unset):
            band_4 = UNSET
        else:
            band_4 = EqBand.from_dict(_band_4)

        _band_5 = d.pop("band_5", UNSET)
        band_5: EqBand | Unset
        if isinstance(_band_5, Unset):
            band_5 = UNSET
        else:
            band_5 = EqBand.from_dict(_band_5)

        _band_6 = d.pop("band_6", UNSET)
        band_6: EqBand | Unset
        if isinstance(_band_6, Unset):
            band_6 = UNSET
        else:
            band_6 = EqBand.from_dict(_band_6)

        eq_settings = cls(
            band_1=band_1,
            band_2=band_2,
            band_3=band_3,
            band_4=band_4,
            band_5=band_5,
            band_6=band_6,
        )

        eq_settings.additional_properties = d
        return eq_settings

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
