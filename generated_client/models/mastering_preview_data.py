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
    from ..models.mastering_track import MasteringTrack


T = TypeVar("T", bound="MasteringPreviewData")


@_attrs_define
class MasteringPreviewData:
    """Contents of `masteringData` for `POST /masteringpreview`."""

    desired_loudness: DesiredLoudness
    """ Loudness preset: LOW ≈ −14 LUFS, MEDIUM ≈ −10 LUFS, HIGH ≈ −8 LUFS, all with a −1.0 dBFS ceiling. """
    musical_style: MusicalStyle
    """ Musical style for mixing and mastering. Note `HIPHOP_GRIME` here versus `HIP_HOP_GRIME` in
    AnalysisMusicalStyle. """
    track_data: list[MasteringTrack]
    """ Exactly one track. """
    forced_loudness: bool | Unset = UNSET
    """ Use `forcedLoudnessInLUFS` as the target instead of the `desiredLoudness` preset. """
    forced_loudness_in_lufs: int | Unset = UNSET
    """ Explicit integrated-loudness target in LUFS, used only when `forcedLoudness` is true. Allowed range −30 to
    −4. """
    preview_start_time: float | Unset = UNSET
    """ Start of the 30-s preview in seconds; omitted → auto (highest RMS); values past the end are clamped. """
    sample_rate: SampleRateInteger | SampleRateString | Unset = UNSET
    """ Output sample rate, which also picks the bit depth: "44100" → 44.1 kHz/16-bit, "48000" → 48 kHz/24-bit. Sent
    as a string or an integer; both forms are accepted. """
    webhook_url: str | Unset = UNSET
    """ URL that receives a JSON POST on each state change of the task. Omit the key when there is no webhook: the
    real service answers an empty string with HTTP 500 and `null` with HTTP 400. This document refuses both as
    invalid input (400). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        desired_loudness = self.desired_loudness.value

        musical_style = self.musical_style.value

        track_data = []
        for track_data_item_data in self.track_data:
            track_data_item = track_data_item_data.to_dict()
            track_data.append(track_data_item)

        forced_loudness = self.forced_loudness

        forced_loudness_in_lufs = self.forced_loudness_in_lufs

        preview_start_time = self.preview_start_time

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
                "desiredLoudness": desired_loudness,
                "musicalStyle": musical_style,
                "trackData": track_data,
            }
        )
        if forced_loudness is not UNSET:
            field_dict["forcedLoudness"] = forced_loudness
        if forced_loudness_in_lufs is not UNSET:
            field_dict["forcedLoudnessInLUFS"] = forced_loudness_in_lufs
        if preview_start_time is not UNSET:
            field_dict["previewStartTime"] = preview_start_time
        if sample_rate is not UNSET:
            field_dict["sampleRate"] = sample_rate
        if webhook_url is not UNSET:
            field_dict["webhookURL"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mastering_track import MasteringTrack

        d = dict(src_dict)
        desired_loudness = DesiredLoudness(d.pop("desiredLoudness"))

        musical_style = MusicalStyle(d.pop("musicalStyle"))

        track_data = []
        _track_data = d.pop("trackData")
        for track_data_item_data in _track_data:
            track_data_item = MasteringTrack.from_dict(track_data_item_data)

            track_data.append(track_data_item)

        forced_loudness = d.pop("forcedLoudness", UNSET)

        forced_loudness_in_lufs = d.pop("forcedLoudnessInLUFS", UNSET)

        preview_start_time = d.pop("previewStartTime", UNSET)

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

        mastering_preview_data = cls(
            desired_loudness=desired_loudness,
            musical_style=musical_style,
            track_data=track_data,
            forced_loudness=forced_loudness,
            forced_loudness_in_lufs=forced_loudness_in_lufs,
            preview_start_time=preview_start_time,
            sample_rate=sample_rate,
            webhook_url=webhook_url,
        )

        mastering_preview_data.additional_properties = d
        return mastering_preview_data

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
