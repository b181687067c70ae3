from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.desired_loudness import DesiredLoudness
from ..models.musical_style import MusicalStyle
from ..models.sample_rate_integer import SampleRateInteger
from ..models.sample_rate_string import SampleRateString
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mix_track import MixTrack


T = TypeVar("T", bound="MixPreviewData")


@_attrs_define
class MixPreviewData:
    """Contents of `multitrackData` for `POST /mixpreview`."""

    musical_style: MusicalStyle
    """ Musical style for mixing and mastering. Note `HIPHOP_GRIME` here versus `HIP_HOP_GRIME` in
    AnalysisMusicalStyle. """
    track_data: list[MixTrack]
    """ 2 to 32 tracks. """
    create_master: bool | Unset = UNSET
    """ Also master the mix. """
    desired_loudness: DesiredLoudness | Unset = UNSET
    """ Loudness preset: LOW ≈ −14 LUFS, MEDIUM ≈ −10 LUFS, HIGH ≈ −8 LUFS, all with a −1.0 dBFS ceiling. """
    return_stems: bool | Unset = False
    """ Also return processed-stem URLs. roex-python always sends it (default false). """
    return_unmixed_track: bool | Unset = UNSET
    """ Also return an unmixed version. """
    sample_rate: SampleRateInteger | SampleRateString | Unset = UNSET
    """ Output sample rate, which also picks the bit depth: "44100" → 44.1 kHz/16-bit, "48000" → 48 kHz/24-bit. Sent
    as a string or an integer; both forms are accepted. """
    webhook_url: str | Unset = UNSET
    """ URL that receives a JSON POST on each state change of the task. Omit the key when there is no webhook: the
    real service answers an empty string with HTTP 500 and `null` with HTTP 400. This document refuses both as
    invalid input (400). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        musical_style = self.musical_style.value

        track_data = []
        for track_data_item_data in self.track_data:
            track_data_item = track_data_item_data.to_dict()
            track_data.append(track_data_item)

        create_master = self.create_master

        desired_loudness: str | Unset = UNSET
        if not isinstance(self.desired_loudness, Unset):
            desired_loudness = self.desired_loudness.value

        return_stems = self.return_stems

        return_unmixed_track = self.return_unmixed_track

        sample_rate: int | str | Unset
        if isinstance(self.sample_rate, Unset):
            sample_rate = UNSET
        elif isinstance(self.sample_rate, SampleRateString):
            sample_rate = self.sample_rate.value
        else:
            sample_rate = self.sample_rate.value

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "musicalStyle": musical_style,
                "trackData": track_data,
            }
        )
        if create_master is not UNSET:
            field_dict["createMaster"] = create_master
        if desired_loudness is not UNSET:
            field_dict["desiredLoudness"] = desired_loudness
        if return_stems is not UNSET:
            field_dict["returnStems"] = return_stems
        if return_unmixed_track is not UNSET:
            field_dict["returnUnmixedTrack"] = return_unmixed_track
        if sample_rate is not UNSET:
            field_dict["sampleRate"] = sample_rate
        if webhook_url is not UNSET:
            field_dict["webhookURL"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mix_track import MixTrack

        d = dict(src_dict)
        musical_style = MusicalStyle(d.pop("musicalStyle"))

        track_data = []
        _track_data = d.pop("trackData")
        for track_data_item_data in _track_data:
            track_data_item = MixTrack.from_dict(track_data_item_data)

            track_data.append(track_data_item)

        create_master = d.pop("createMaster", UNSET)

        _desired_loudness = d.pop("desiredLoudness", UNSET)
        desired_loudness: DesiredLoudness | Unset
        if isinstance(_desired_loudness, Unset):
            desired_loudness = UNSET
        else:
            desired_loudness = DesiredLoudness(_desired_loudness)

        return_stems = d.pop("returnStems", UNSET)

        return_unmixed_track = d.pop("returnUnmixedTrack", UNSET)

        def _parse_sample_rate(
            data: object,
        ) -> SampleRateInteger | SampleRateString | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_sample_rate_sample_rate_string = SampleRateString(
                    data
                )

                return componentsschemas_sample_rate_sample_rate_string
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, int):
                raise TypeError()
            componentsschemas_sample_rate_sample_rate_integer = SampleRateInteger(data)

            return componentsschemas_sample_rate_sample_rate_integer

        sample_rate = _parse_sample_rate(d.pop("sampleRate", UNSET))

        webhook_url = d.pop("webhookURL", UNSET)

        mix_preview_data = cls(
            musical_style=musical_style,
            track_data=track_data,
            create_master=create_master,
            desired_loudness=desired_loudness,
            return_stems=return_stems,
            return_unmixed_track=return_unmixed_track,
            sample_rate=sample_rate,
            webhook_url=webhook_url,
        )

        mix_preview_data.additional_properties = d
        return mix_preview_data

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
