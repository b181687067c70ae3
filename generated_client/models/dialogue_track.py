from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dialogue_enhancement_mode import DialogueEnhancementMode
from ..models.dialogue_track_type import DialogueTrackType

T = TypeVar("T", bound="DialogueTrack")


@_attrs_define
class DialogueTrack:
    """One entry of `trackData`."""

    dialogue_enhancement_mode: DialogueEnhancementMode
    """ Dialogue enhancement mode. """
    track_type: DialogueTrackType
    """ Role of a dialogue track. """
    track_url: str
    """ Publicly readable URL of the dialogue recording. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dialogue_enhancement_mode = self.dialogue_enhancement_mode.value

        track_type = self.track_type.value

        track_url = self.track_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dialogueEnhancementMode": dialogue_enhancement_mode,
                "trackType": track_type,
                "trackURL": track_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dialogue_enhancement_mode = DialogueEnhancementMode(
            d.pop("dialogueEnhancementMode")
        )

        track_type = DialogueTrackType(d.pop("trackType"))

        track_url = d.pop("trackURL")

        dialogue_track = cls(
            dialogue_enhancement_mode=dialogue_enhancement_mode,
            track_type=track_type,
            track_url=track_url,
        )

        dialogue_track.additional_properties = d
        return dialogue_track

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
