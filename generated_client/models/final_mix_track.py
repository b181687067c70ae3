from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compression_settings import CompressionSettings
    from ..models.eq_settings import EqSettings
    from ..models.panning_settings import PanningSettings


T = TypeVar("T", bound="FinalMixTrack")


@_attrs_define
class FinalMixTrack:
    """Per-track settings for the final mix. Note the snake_case nested keys (`panning_settings`, `eq_settings`,
    `compression_settings`) inside an otherwise camelCase body.

    """

    gain_db: float
    """ Gain change in dB. The −60 lower bound comes only from RoEx's AUDIO_EFFECTS_GUIDE. """
    track_url: str
    """ The `trackURL` of a track of the preview request. """
    compression_settings: CompressionSettings | Unset = UNSET
    """ Compression override for a track in the final mix. """
    eq_settings: EqSettings | Unset = UNSET
    """ Six-band parametric EQ; any subset of bands may be given. """
    panning_settings: PanningSettings | Unset = UNSET
    """ Stereo position. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gain_db = self.gain_db

        track_url = self.track_url

        compression_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compression_settings, Unset):
            compression_settings = self.compression_settings.to_dict()

        eq_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eq_settings, Unset):
            eq_settings = self.eq_settings.to_dict()

        panning_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.panning_settings, Unset):
            panning_settings = self.panning_settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gainDb": gain_db,
                "trackURL": track_url,
            }
        )
        if compression_settings is not UNSET:
            field_dict["compression_settings"] = compression_settings
        if eq_settings is not UNSET:
            field_dict["eq_settings"] = eq_settings
        if panning_settings is not UNSET:
            field_dict["panning_settings"] = panning_settings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.compression_settings import CompressionSettings
        from ..models.eq_settings import EqSettings
        from ..models.panning_settings import PanningSettings

        d = dict(src_dict)
        gain_db = d.pop("gainDb")

        track_url = d.pop("trackURL")

        _compression_settings = d.pop("compression_settings", UNSET)
        compression_settings: CompressionSettings | Unset
        if isinstance(_compression_settings, Unset):
            compression_settings = UNSET
        else:
            compression_settings = CompressionSettings.from_dict(_compression_settings)

        _eq_settings = d.pop("eq_settings", UNSET)
        eq_settings: EqSettings | Unset
        if isinstance(_eq_settings, Unset):
            eq_settings = UNSET
        else:
            eq_settings = EqSettings.from_dict(_eq_settings)

        _panning_settings = d.pop("panning_settings", UNSET)
        panning_settings: PanningSettings | Unset
        if isinstance(_panning_settings, Unset):
            panning_settings = UNSET
        else:
            panning_settings = PanningSettings.from_dict(_panning_settings)

        final_mix_track = cls(
            gain_db=gain_db,
            track_url=track_url,
            compression_settings=compression_settings,
            eq_settings=eq_settings,
            panning_settings=panning_settings,
        )

        final_mix_track.additional_properties = d
        return final_mix_track

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
