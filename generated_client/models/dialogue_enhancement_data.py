from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sample_rate_integer import SampleRateInteger
from ..models.sample_rate_string import SampleRateString
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dialogue_track import DialogueTrack


T = TypeVar("T", bound="DialogueEnhancementData")


@_attrs_define
class DialogueEnhancementData:
    """Contents of the `postProdData` wrapper for the dialogue-enhancement preview. The docs sample sends the integer
    `sampleRate` 48000.

    """

    track_data: list[DialogueTrack]
    """ Dialogue tracks, at least one. No maximum is documented. """
    sample_rate: SampleRateInteger | SampleRateString | Unset = UNSET
    """ Output sample rate, which also picks the bit depth: "44100" → 44.1 kHz/16-bit, "48000" → 48 kHz/24-bit. Sent
    as a string or an integer; both forms are accepted. """
    webhook_url: str | Unset = UNSET
    """ URL that receives a JSON POST on each state change of the task. Omit the key when there is no webhook: the
    real service answers an empty string with HTTP 500 and `null` with HTTP 400. This document refuses both as
    invalid input (400). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        track_data = []
        for track_data_item_data in self.track_data:
            track_data_item = track_data_item_data.to_dict()
            track_data.append(track_data_item)

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
                "trackData": track_data,
            }
        )
        if sample_rate is not UNSET:
            field_dict["sampleRate"] = sample_rate
        if webhook_url is not UNSET:
            field_dict["webhookURL"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dialogue_track import DialogueTrack

        d = dict(src_dict)
        track_data = []
        _track_data = d.pop("trackData")
        for track_data_item_data in _track_data:
            track_data_item = DialogueTrack.from_dict(track_data_item_data)

            track_data.append(track_data_item)

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

        dialogue_enhancement_data = cls(
            track_data=track_data,
            sample_rate=sample_rate,
            webhook_url=webhook_url,
        )

        dialogue_enhancement_data.additional_properties = d
        return dialogue_enhancement_data

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
