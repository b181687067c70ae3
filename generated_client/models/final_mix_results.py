from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mix_output_settings import MixOutputSettings
    from ..models.mix_stem_urls import MixStemUrls


T = TypeVar("T", bound="FinalMixResults")


@_attrs_define
class FinalMixResults:
    """Results of the final mix."""

    download_url_mixed: str
    """ Signed URL of the full-length mix (WAV). """
    mix_output_settings: MixOutputSettings | Unset = UNSET
    """ Per-track FX settings keyed by the basename of each `trackURL` (e.g. `bass.wav`). """
    stems: MixStemUrls | Unset = UNSET
    """ Processed stems of a mix: stem/track name → signed download URL (WAV). Key names are not documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        download_url_mixed = self.download_url_mixed

        mix_output_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mix_output_settings, Unset):
            mix_output_settings = self.mix_output_settings.to_dict()

        stems: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stems, Unset):
            stems = self.stems.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "download_url_mixed": download_url_mixed,
            }
        )
        if mix_output_settings is not UNSET:
            field_dict["mix_output_settings"] = mix_output_settings
        if stems is not UNSET:
            field_dict["stems"] = stems

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mix_output_settings import MixOutputSettings
        from ..models.mix_stem_urls import MixStemUrls

        d = dict(src_dict)
        download_url_mixed = d.pop("download_url_mixed")

        _mix_output_settings = d.pop("mix_output_settings", UNSET)
        mix_output_settings: MixOutputSettings | Unset
        if isinstance(_mix_output_settings, Unset):
            mix_output_settings = UNSET
        else:
            mix_output_settings = MixOutputSettings.from_dict(_mix_output_settings)

        _stems = d.pop("stems", UNSET)
        stems: MixStemUrls | Unset
        if isinstance(_stems, Unset):
            stems = UNSET
        else:
            stems = MixStemUrls.from_dict(_stems)

        final_mix_results = cls(
            download_url_mixed=download_url_mixed,
            mix_output_settings=mix_output_settings,
            stems=stems,
        )

        final_mix_results.additional_properties = d
        return final_mix_results

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
