from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instrument_group import InstrumentGroup
from ..models.pan_preference import PanPreference
from ..models.presence_setting import PresenceSetting
from ..models.reverb_preference import ReverbPreference
from ..types import UNSET, Unset

T = TypeVar("T", bound="MixTrack")


@_attrs_define
class MixTrack:
    """One input track of a multitrack mix. The four required fields are the ones roex-python's `TrackData` requires;
    `reverbPreference` has a client default (`NONE`) and is always sent.

    """

    instrument_group: InstrumentGroup
    """ Instrument group of a multitrack-mix track. """
    pan_preference: PanPreference
    """ Preferred stereo placement of the track. """
    presence_setting: PresenceSetting
    """ How prominent the track should be in the mix. """
    track_url: str
    """ Publicly readable URL of a WAV or FLAC track (≤ 8 min), e.g. an `/upload` `readable_url`. """
    is_stem: bool | Unset = UNSET
    """ Legacy field of the old `/multitrackmix` endpoint: accepted and ignored. """
    reverb_preference: ReverbPreference | Unset = UNSET
    """ Amount of reverb for the track. roex-python defaults to `NONE` and always sends it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrument_group = self.instrument_group.value

        pan_preference = self.pan_preference.value

        presence_setting = self.presence_setting.value

        track_url = self.track_url

        is_stem = self.is_stem

        reverb_preference: str | Unset = UNSET
        if not isinstance(self.reverb_preference, Unset):
            reverb_preference = self.reverb_preference.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrumentGroup": instrument_group,
                "panPreference": pan_preference,
                "presenceSetting": presence_setting,
                "trackURL": track_url,
            }
        )
        if is_stem is not UNSET:
            field_dict["isStem"] = is_stem
        if reverb_preference is not UNSET:
            field_dict["reverbPreference"] = reverb_preference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        instrument_group = InstrumentGroup(d.pop("instrumentGroup"))

        pan_preference = PanPreference(d.pop("panPreference"))

        presence_setting = PresenceSetting(d.pop("presenceSetting"))

        track_url = d.pop("trackURL")

        is_stem = d.pop("isStem", UNSET)

        _reverb_preference = d.pop("reverbPreference", UNSET)
        reverb_preference: ReverbPreference | Unset
        if isinstance(_reverb_preference, Unset):
            reverb_preference = UNSET
        else:
            reverb_preference = ReverbPreference(_reverb_preference)

        mix_track = cls(
            instrument_group=instrument_group,
            pan_preference=pan_preference,
            presence_setting=presence_setting,
            track_url=track_url,
            is_stem=is_stem,
            reverb_preference=reverb_preference,
        )

        mix_track.additional_properties = d
        return mix_track

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
