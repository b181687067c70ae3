from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.drc_settings import DrcSettings
    from ..models.eq_settings import EqSettings
    from ..models.gain_settings import GainSettings
    from ..models.panning_settings import PanningSettings


T = TypeVar("T", bound="TrackFXSettings")


@_attrs_define
class TrackFXSettings:
    """FX settings chosen for one track."""

    drc_settings: DrcSettings | Unset = UNSET
    """ Dynamic range compression the AI applied. Units are not documented (the sample attack/release values look
    like seconds), so no ranges are imposed. """
    eq_settings: EqSettings | Unset = UNSET
    """ Six-band parametric EQ; any subset of bands may be given. """
    gain_settings: GainSettings | Unset = UNSET
    """ Gain the AI applied to a track. """
    panning_settings: PanningSettings | Unset = UNSET
    """ Stereo position. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drc_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.drc_settings, Unset):
            drc_settings = self.drc_settings.to_dict()

        eq_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eq_settings, Unset):
            eq_settings = self.eq_settings.to_dict()

        gain_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.gain_settings, Unset):
            gain_settings = self.gain_settings.to_dict()

        panning_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.panning_settings, Unset):
            panning_settings = self.panning_settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if drc_settings is not UNSET:
            field_dict["drc_settings"] = drc_settings
        if eq_settings is not UNSET:
            field_dict["eq_settings"] = eq_settings
        if gain_settings is not UNSET:
            field_dict["gain_settings"] = gain_settings
        if panning_settings is not UNSET:
            field_dict["panning_settings"] = panning_settings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.drc_settings import DrcSettings
        from ..models.eq_settings import EqSettings
        from ..models.gain_settings import GainSettings
        from ..models.panning_settings import PanningSettings

        d = dict(src_dict)
        _drc_settings = d.pop("drc_settings", UNSET)
        drc_settings: DrcSettings | Unset
        if isinstance(_drc_settings, Unset):
            drc_settings = UNSET
        else:
            drc_settings = DrcSettings.from_dict(_drc_settings)

        _eq_settings = d.pop("eq_settings", UNSET)
        eq_settings: EqSettings | Unset
        if isinstance(_eq_settings, Unset):
            eq_settings = UNSET
        else:
            eq_settings = EqSettings.from_dict(_eq_settings)

        _gain_settings = d.pop("gain_settings", UNSET)
        gain_settings: GainSettings | Unset
        if isinstance(_gain_settings, Unset):
            gain_settings = UNSET
        else:
            gain_settings = GainSettings.from_dict(_gain_settings)

        _panning_settings = d.pop("panning_settings", UNSET)
        panning_settings: PanningSettings | Unset
        if isinstance(_panning_settings, Unset):
            panning_settings = UNSET
        else:
            panning_settings = PanningSettings.from_dict(_panning_settings)

        track_fx_settings = cls(
            drc_settings=drc_settings,
            eq_settings=eq_settings,
            gain_settings=gain_settings,
            panning_settings=panning_settings,
        )

        track_fx_settings.additional_properties = d
        return track_fx_settings

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
