from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.final_mix_loudness import FinalMixLoudness
from ..models.final_mix_sample_rate_integer import FinalMixSampleRateInteger
from ..models.final_mix_sample_rate_string import FinalMixSampleRateString
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.final_mix_track import FinalMixTrack


T = TypeVar("T", bound="FinalMixData")


@_attrs_define
class FinalMixData:
    """Contents of `applyAudioEffectsData` for `POST /retrievefinalmix`."""

    multitrack_task_id: str
    """ `multitrack_task_id` from `/mixpreview`. """
    return_stems: bool
    """ Also return processed stems. roex-python always sends it. """
    track_data: list[FinalMixTrack]
    """ One entry per preview track (≤ 32): each `trackURL` of the preview as many times as the preview lists it
    (one upload may be several tracks), nothing else. The n-th entry for a URL applies to the n-th preview track
    with that URL. """
    create_master: bool | Unset = UNSET
    """ Also master the final mix. """
    desired_loudness: FinalMixLoudness | Unset = UNSET
    """ Loudness of the mastered final mix: LOW ≈ −14 LUFS, MEDIUM ≈ −10 LUFS, HIGH ≈ −8 LUFS, as for mastering;
    QUIET, LOUD and VERY_LOUD (RoEx's audio-effects guide) ≈ −14, −8 and −6 LUFS. All with a −1.0 dBTP ceiling. """
    sample_rate: FinalMixSampleRateInteger | FinalMixSampleRateString | Unset = UNSET
    """ Output sample rate of the final mix, which also picks the bit depth: "44100" → 44.1 kHz/16-bit, "48000",
    "88200" and "96000" → 24-bit at that rate. Sent as a string or an integer; both forms are accepted. """
    webhook_url: str | Unset = UNSET
    """ URL that receives a JSON POST on each state change of the task. Omit the key when there is no webhook: the
    real service answers an empty string with HTTP 500 and `null` with HTTP 400. This document refuses both as
    invalid input (400). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        multitrack_task_id = self.multitrack_task_id

        return_stems = self.return_stems

        track_data = []
        for track_data_item_data in self.track_data:
            track_data_item = track_data_item_data.to_dict()
            track_data.append(track_data_item)

        create_master = self.create_master

        desired_loudness: str | Unset = UNSET
        if not isinstance(self.desired_loudness, Unset):
            desired_loudness = self.desired_loudness.value

        sample_rate: int | str | Unset
        if isinstance(self.sample_rate, Unset):
            sample_rate = UNSET
        elif isinstance(self.sample_rate, FinalMixSampleRateString):
            sample_rate = self.sample_rate.value
        else:
            sample_rate = self.sample_rate.value

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "multitrackTaskId": multitrack_task_id,
                "returnStems": return_stems,
                "trackData": track_data,
            }
        )
        if create_master is not UNSET:
            field_dict["createMaster"] = create_master
        if desired_loudness is not UNSET:
            field_dict["desiredLoudness"] = desired_loudness
        if sample_rate is not UNSET:
            field_dict["sampleRate"] = sample_rate
        if webhook_url is not UNSET:
            field_dict["webhookURL"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.final_mix_track import FinalMixTrack

        d = dict(src_dict)
        multitrack_task_id = d.pop("multitrackTaskId")

        return_stems = d.pop("returnStems")

        track_data = []
        _track_data = d.pop("trackData")
        for track_data_item_data in _track_data:
            track_data_item = FinalMixTrack.from_dict(track_data_item_data)

            track_data.append(track_data_item)

        create_master = d.pop("createMaster", UNSET)

        _desired_loudness = d.pop("desiredLoudness", UNSET)
        desired_loudness: FinalMixLoudness | Unset
        if isinstance(_desired_loudness, Unset):
            desired_loudness = UNSET
        else:
            desired_loudness = FinalMixLoudness(_desired_loudness)

        def _parse_sample_rate(
            data: object,
        ) -> FinalMixSampleRateInteger | FinalMixSampleRateString | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_final_mix_sample_rate_final_mix_sample_rate_string = (
                    FinalMixSampleRateString(data)
                )

                return (
                    componentsschemas_final_mix_sample_rate_final_mix_sample_rate_string
                )
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, int):
                raise TypeError()
            componentsschemas_final_mix_sample_rate_final_mix_sample_rate_integer = (
                FinalMixSampleRateInteger(data)
            )

            return componentsschemas_final_mix_sample_rate_final_mix_sample_rate_integer

        sample_rate = _parse_sample_rate(d.pop("sampleRate", UNSET))

        webhook_url = d.pop("webhookURL", UNSET)

        final_mix_data = cls(
            multitrack_task_id=multitrack_task_id,
            return_stems=return_stems,
            track_data=track_data,
            create_master=create_master,
            desired_loudness=desired_loudness,
            sample_rate=sample_rate,
            webhook_url=webhook_url,
        )

        final_mix_data.additional_properties = d
        return final_mix_data

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
