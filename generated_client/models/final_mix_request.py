from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.final_mix_data import FinalMixData


T = TypeVar("T", bound="FinalMixRequest")


@_attrs_define
class FinalMixRequest:
    """Body of `POST /retrievefinalmix`: the `applyAudioEffectsData` wrapper."""

    apply_audio_effects_data: FinalMixData
    """ Contents of `applyAudioEffectsData` for `POST /retrievefinalmix`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        apply_audio_effects_data = self.apply_audio_effects_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applyAudioEffectsData": apply_audio_effects_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.final_mix_data import FinalMixData

        d = dict(src_dict)
        apply_audio_effects_data = FinalMixData.from_dict(
            d.pop("applyAudioEffectsData")
        )

        final_mix_request = cls(
            apply_audio_effects_data=apply_audio_effects_data,
        )

        final_mix_request.additional_properties = d
        return final_mix_request

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
