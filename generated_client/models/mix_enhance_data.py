from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enhance_musical_style import EnhanceMusicalStyle
from ..models.loudness_preference import LoudnessPreference
from ..types import UNSET, Unset

T = TypeVar("T", bound="MixEnhanceData")


@_attrs_define
class MixEnhanceData:
    """Contents of the `mixReviveData` wrapper for `/mixenhancepreview` and `/mixenhance`. `required` lists the fields
    roex-python 1.6.0 always sends, except `loudnessPreference` (server default `NO_CHANGE`) and `getProcessedStems`,
    which stay optional. `applyDrumEnhancement` and `applyVocalEnhancement` are required by the server. `fixDRCIssues`
    is not supported by the server: it is accepted and ignored, like any other unknown field.

    """

    apply_drum_enhancement: bool
    """ Enhance drums (client default true). Required by the server. """
    apply_mastering: bool
    """ Master the enhanced result (client default true). """
    apply_vocal_enhancement: bool
    """ Enhance vocals (client default true). Required by the server. """
    audio_file_location: str
    """ Publicly readable URL of the stereo mix (WAV, FLAC or MP3; ≤ 10 min). """
    fix_clipping_issues: bool
    """ Repair clipping (client default true). """
    fix_loudness_issues: bool
    """ Repair loudness problems (client default true). """
    fix_stereo_width_issues: bool
    """ Repair stereo-width problems (client default true). """
    fix_tonal_profile_issues: bool
    """ Repair tonal-balance problems (client default true). """
    is_master: bool
    """ true if the input is already mastered (client default false). """
    musical_style: EnhanceMusicalStyle
    """ Musical style or sound character for mix enhancement (18 values). `TECHNO` is not valid here. """
    stem_processing: bool
    """ Use stem-based enhancement (client default false). """
    fix_drc_issues: bool | Unset = UNSET
    """ Not supported by the server: accepted and ignored. """
    get_processed_stems: bool | Unset = UNSET
    """ Also return the processed stems `vocal`, `bass`, `drums`, `other` (client default false). """
    loudness_preference: LoudnessPreference | Unset = UNSET
    """ Loudness target for mix enhancement: `STREAMING_LOUDNESS` ≈ −14 LUFS, `CD_LOUDNESS` louder (about −9 LUFS),
    `NO_CHANGE` keep the input loudness (server default). """
    preview_start_time: float | Unset = UNSET
    """ Start of the 30-s preview in seconds; omitted → chosen automatically (highest RMS); values past the end are
    clamped. """
    webhook_url: str | Unset = UNSET
    """ URL that receives a JSON POST on each state change of the task. Omit the key when there is no webhook: the
    real service answers an empty string with HTTP 500 and `null` with HTTP 400. This document refuses both as
    invalid input (400). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        apply_drum_enhancement = self.apply_drum_enhancement

        apply_mastering = self.apply_mastering

        apply_vocal_enhancement = self.apply_vocal_enhancement

        audio_file_location = self.audio_file_location

        fix_clipping_issues = self.fix_clipping_issues

        fix_loudness_issues = self.fix_loudness_issues

        fix_stereo_width_issues = self.fix_stereo_width_issues

        fix_tonal_profile_issues = self.fix_tonal_profile_issues

        is_master = self.is_master

        musical_style = self.musical_style.value

        stem_processing = self.stem_processing

        fix_drc_issues = self.fix_drc_issues

        get_processed_stems = self.get_processed_stems

        loudness_preference: str | Unset = UNSET
        if not isinstance(self.loudness_preference, Unset):
            loudness_preference = self.loudness_preference.value

        preview_start_time = self.preview_start_time

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applyDrumEnhancement": apply_drum_enhancement,
                "applyMastering": apply_mastering,
                "applyVocalEnhancement": apply_vocal_enhancement,
                "audioFileLocation": audio_file_location,
                "fixClippingIssues": fix_clipping_issues,
                "fixLoudnessIssues": fix_loudness_issues,
                "fixStereoWidthIssues": fix_stereo_width_issues,
                "fixTonalProfileIssues": fix_tonal_profile_issues,
                "isMaster": is_master,
                "musicalStyle": musical_style,
                "stemProcessing": stem_processing,
            }
        )
        if fix_drc_issues is not UNSET:
            field_dict["fixDRCIssues"] = fix_drc_issues
        if get_processed_stems is not UNSET:
            field_dict["getProcessedStems"] = get_processed_stems
        if loudness_preference is not UNSET:
            field_dict["loudnessPreference"] = loudness_preference
        if preview_start_time is not UNSET:
            field_dict["previewStartTime"] = preview_start_time
        if webhook_url is not UNSET:
            field_dict["webhookURL"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        apply_drum_enhancement = d.pop("applyDrumEnhancement")

        apply_mastering = d.pop("applyMastering")

        apply_vocal_enhancement = d.pop("applyVocalEnhancement")

        audio_file_location = d.pop("audioFileLocation")

        fix_clipping_issues = d.pop("fixClippingIssues")

        fix_loudness_issues = d.pop("fixLoudnessIssues")

        fix_stereo_width_issues = d.pop("fixStereoWidthIssues")

        fix_tonal_profile_issues = d.pop("fixTonalProfileIssues")

        is_master = d.pop("isMaster")

        musical_style = EnhanceMusicalStyle(d.pop("musicalStyle"))

        stem_processing = d.pop("stemProcessing")

        fix_drc_issues = d.pop("fixDRCIssues", UNSET)

        get_processed_stems = d.pop("getProcessedStems", UNSET)

        _loudness_preference = d.pop("loudnessPreference", UNSET)
        loudness_preference: LoudnessPreference | Unset
        if isinstance(_loudness_preference, Unset):
            loudness_preference = UNSET
        else:
            loudness_preference = LoudnessPreference(_loudness_preference)

        preview_start_time = d.pop("previewStartTime", UNSET)

        webhook_url = d.pop("webhookURL", UNSET)

        mix_enhance_data = cls(
            apply_drum_enhancement=apply_drum_enhancement,
            apply_mastering=apply_mastering,
            apply_vocal_enhancement=apply_vocal_enhancement,
            audio_file_location=audio_file_location,
            fix_clipping_issues=fix_clipping_issues,
            fix_loudness_issues=fix_loudness_issues,
            fix_stereo_width_issues=fix_stereo_width_issues,
            fix_tonal_profile_issues=fix_tonal_profile_issues,
            is_master=is_master,
            musical_style=musical_style,
            stem_processing=stem_processing,
            fix_drc_issues=fix_drc_issues,
            get_processed_stems=get_processed_stems,
            loudness_preference=loudness_preference,
            preview_start_time=preview_start_time,
            webhook_url=webhook_url,
        )

        mix_enhance_data.additional_properties = d
        return mix_enhance_data

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
