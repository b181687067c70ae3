from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MixAnalysisSummary")


@_attrs_define
class MixAnalysisSummary:
    """Human-readable text for each aspect of the report (twelve keys). Keys for verdicts that do not apply (mix vs master)
    may be absent or empty.

    """

    clipping: str | Unset = UNSET
    intro: str | Unset = UNSET
    master_drc: str | Unset = UNSET
    master_loudness: str | Unset = UNSET
    mix_drc: str | Unset = UNSET
    mix_loudness: str | Unset = UNSET
    mono_compatibility: str | Unset = UNSET
    outro: str | Unset = UNSET
    phase_issues: str | Unset = UNSET
    stereo_field: str | Unset = UNSET
    summary: str | Unset = UNSET
    tonal_profile: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clipping = self.clipping

        intro = self.intro

        master_drc = self.master_drc

        master_loudness = self.master_loudness

        mix_drc = self.mix_drc

        mix_loudness = self.mix_loudness

        mono_compatibility = self.mono_compatibility

        outro = self.outro

        phase_issues = self.phase_issues

        stereo_field = self.stereo_field

        summary = self.summary

        tonal_profile = self.tonal_profile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if clipping is not UNSET:
            field_dict["clipping"] = clipping
        if intro is not UNSET:
            field_dict["intro"] = intro
        if master_drc is not UNSET:
            field_dict["master_drc"] = master_drc
        if master_loudness is not UNSET:
            field_dict["master_loudness"] = master_loudness
        if mix_drc is not UNSET:
            field_dict["mix_drc"] = mix_drc
        if mix_loudness is not UNSET:
            field_dict["mix_loudness"] = mix_loudness
        if mono_compatibility is not UNSET:
            field_dict["mono_compatibility"] = mono_compatibility
        if outro is not UNSET:
            field_dict["outro"] = outro
        if phase_issues is not UNSET:
            field_dict["phase_issues"] = phase_issues
        if stereo_field is not UNSET:
            field_dict["stereo_field"] = stereo_field
        if summary is not UNSET:
            field_dict["summary"] = summary
        if tonal_profile is not UNSET:
            field_dict["tonal_profile"] = tonal_profile

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        clipping = d.pop("clipping", UNSET)

        intro = d.pop("intro", UNSET)

        master_drc = d.pop("master_drc", UNSET)

        master_loudness = d.pop("master_loudness", UNSET)

        mix_drc = d.pop("mix_drc", UNSET)

        mix_loudness = d.pop("mix_loudness", UNSET)

        mono_compatibility = d.pop("mono_compatibility", UNSET)

        outro = d.pop("outro", UNSET)

        phase_issues = d.pop("phase_issues", UNSET)

        stereo_field = d.pop("stereo_field", UNSET)

        summary = d.pop("summary", UNSET)

        tonal_profile = d.pop("tonal_profile", UNSET)

        mix_analysis_summary = cls(
            clipping=clipping,
            intro=intro,
            master_drc=master_drc,
            master_loudness=master_loudness,
            mix_drc=mix_drc,
            mix_loudness=mix_loudness,
            mono_compatibility=mono_compatibility,
            outro=outro,
            phase_issues=phase_issues,
            stereo_field=stereo_field,
            summary=summary,
            tonal_profile=tonal_profile,
        )

        mix_analysis_summary.additional_properties = d
        return mix_analysis_summary

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
