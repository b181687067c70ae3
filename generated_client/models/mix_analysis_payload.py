from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clipping_verdict import ClippingVerdict
from ..models.dynamics_verdict import DynamicsVerdict
from ..models.loudness_verdict import LoudnessVerdict
from ..models.stereo_field_verdict import StereoFieldVerdict
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mix_analysis_summary import MixAnalysisSummary
    from ..models.tonal_profile import TonalProfile


T = TypeVar("T", bound="MixAnalysisPayload")


@_attrs_define
class MixAnalysisPayload:
    """The diagnosis metrics. Which of `if_mix_loudness`/`if_mix_drc` and `if_master_loudness`/`if_master_drc` are present
    may depend on `isMaster`, so none of them is required.

    """

    bit_depth: int
    """ Bit depth of the analysed file. """
    clipping: ClippingVerdict
    """ Amount of clipping detected: `NONE` no clipping, `MINOR` some clipped samples, `MAJOR` audible/extensive
    clipping. """
    integrated_loudness_lufs: float
    """ Integrated loudness, LUFS. """
    mono_compatible: bool
    """ true if the track survives a mono fold-down. """
    peak_loudness_dbfs: float
    """ Peak level, dBFS (can exceed 0 when clipping). """
    phase_issues: bool
    """ true if phase problems were detected. """
    sample_rate: int
    """ Sample rate of the analysed file, Hz. """
    stereo_field: StereoFieldVerdict
    """ Stereo-image verdict: `BALANCED` healthy width, `WIDE` too wide, `NARROW` too narrow, `MONO` effectively
    mono, `STEREO_UPMIX` mono material widened/up-mixed to stereo. `STEREO` is a possible further value. """
    tonal_profile: TonalProfile
    """ Per-band tonal balance. """
    if_master_drc: DynamicsVerdict | Unset = UNSET
    """ Dynamic-range-compression (DRC) verdict: `OPTIMAL` right amount of compression; `LESS` too compressed, use
    less compression; `MORE` not compressed enough, use more. """
    if_master_loudness: LoudnessVerdict | Unset = UNSET
    """ Loudness verdict for the chosen style: `OPTIMAL` loudness is right; `LESS` the track is too loud and should
    have less loudness; `MORE` the track is too quiet and should be louder; `LESS_APPLE` (masters only) fine for
    Spotify but too loud for Apple Music. """
    if_mix_drc: DynamicsVerdict | Unset = UNSET
    """ Dynamic-range-compression (DRC) verdict: `OPTIMAL` right amount of compression; `LESS` too compressed, use
    less compression; `MORE` not compressed enough, use more. """
    if_mix_loudness: LoudnessVerdict | Unset = UNSET
    """ Loudness verdict for the chosen style: `OPTIMAL` loudness is right; `LESS` the track is too loud and should
    have less loudness; `MORE` the track is too quiet and should be louder; `LESS_APPLE` (masters only) fine for
    Spotify but too loud for Apple Music. """
    mix_style: str | Unset = UNSET
    """ Read by roex-python; its meaning and vocabulary are not documented. """
    musical_style: str | Unset = UNSET
    """ Echo of the requested style. A RoEx sample echoes it in lowercase (`hip_hop_grime`), so it is a free string
    here. """
    summary: MixAnalysisSummary | Unset = UNSET
    """ Human-readable text for each aspect of the report (twelve keys). Keys for verdicts that do not apply (mix vs
    master) may be absent or empty. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bit_depth = self.bit_depth

        clipping = self.clipping.value

        integrated_loudness_lufs = self.integrated_loudness_lufs

        mono_compatible = self.mono_compatible

        peak_loudness_dbfs = self.peak_loudness_dbfs

        phase_issues = self.phase_issues

        sample_rate = self.sample_rate

        stereo_field = self.stereo_field.value

        tonal_profile = self.tonal_profile.to_dict()

        if_master_drc: str | Unset = UNSET
        if not isinstance(self.if_master_drc, Unset):
            if_master_drc = self.if_master_drc.value

        if_master_loudness: str | Unset = UNSET
        if not isinstance(self.if_master_loudness, Unset):
            if_master_loudness = self.if_master_loudness.value

        if_mix_drc: str | Unset = UNSET
        if not isinstance(self.if_mix_drc, Unset):
            if_mix_drc = self.if_mix_drc.value

        if_mix_loudness: str | Unset = UNSET
        if not isinstance(self.if_mix_loudness, Unset):
            if_mix_loudness = self.if_mix_loudness.value

        mix_style = self.mix_style

        musical_style = self.musical_style

        summary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summary, Unset):
            summary = self.summary.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bit_depth": bit_depth,
                "clipping": clipping,
                "integrated_loudness_lufs": integrated_loudness_lufs,
                "mono_compatible": mono_compatible,
                "peak_loudness_dbfs": peak_loudness_dbfs,
                "phase_issues": phase_issues,
                "sample_rate": sample_rate,
                "stereo_field": stereo_field,
                "tonal_profile": tonal_profile,
            }
        )
        if if_master_drc is not UNSET:
            field_dict["if_master_drc"] = if_master_drc
        if if_master_loudness is not UNSET:
            field_dict["if_master_loudness"] = if_master_loudness
        if if_mix_drc is not UNSET:
            field_dict["if_mix_drc"] = if_mix_drc
        if if_mix_loudness is not UNSET:
            field_dict["if_mix_loudness"] = if_mix_loudness
        if mix_style is not UNSET:
            field_dict["mix_style"] = mix_style
        if musical_style is not UNSET:
            field_dict["musical_style"] = musical_style
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mix_analysis_summary import MixAnalysisSummary
        from ..models.tonal_profile import TonalProfile

        d = dict(src_dict)
        bit_depth = d.pop("bit_depth")

        clipping = ClippingVerdict(d.pop("clipping"))

        integrated_loudness_lufs = d.pop("integrated_loudness_lufs")

        mono_compatible = d.pop("mono_compatible")

        peak_loudness_dbfs = d.pop("peak_loudness_dbfs")

        phase_issues = d.pop("phase_issues")

        sample_rate = d.pop("sample_rate")

        stereo_field = StereoFieldVerdict(d.pop("stereo_field"))

        tonal_profile = TonalProfile.from_dict(d.pop("tonal_profile"))

        _if_master_drc = d.pop("if_master_drc", UNSET)
        if_master_drc: DynamicsVerdict | Unset
        if isinstance(_if_master_drc, Unset):
            if_master_drc = UNSET
        else:
            if_master_drc = DynamicsVerdict(_if_master_drc)

        _if_master_loudness = d.pop("if_master_loudness", UNSET)
        if_master_loudness: LoudnessVerdict | Unset
        if isinstance(_if_master_loudness, Unset):
            if_master_loudness = UNSET
        else:
            if_master_loudness = LoudnessVerdict(_if_master_loudness)

        _if_mix_drc = d.pop("if_mix_drc", UNSET)
        if_mix_drc: DynamicsVerdict | Unset
        if isinstance(_if_mix_drc, Unset):
            if_mix_drc = UNSET
        else:
            if_mix_drc = DynamicsVerdict(_if_mix_drc)

        _if_mix_loudness = d.pop("if_mix_loudness", UNSET)
        if_mix_loudness: LoudnessVerdict | Unset
        if isinstance(_if_mix_loudness, Unset):
            if_mix_loudness = UNSET
        else:
            if_mix_loudness = LoudnessVerdict(_if_mix_loudness)

        mix_style = d.pop("mix_style", UNSET)

        musical_style = d.pop("musical_style", UNSET)

        _summary = d.pop("summary", UNSET)
        summary: MixAnalysisSummary | Unset
        if isinstance(_summary, Unset):
            summary = UNSET
        else:
            summary = MixAnalysisSummary.from_dict(_summary)

        mix_analysis_payload = cls(
            bit_depth=bit_depth,
            clipping=clipping,
            integrated_loudness_lufs=integrated_loudness_lufs,
            mono_compatible=mono_compatible,
            peak_loudness_dbfs=peak_loudness_dbfs,
            phase_issues=phase_issues,
            sample_rate=sample_rate,
            stereo_field=stereo_field,
            tonal_profile=tonal_profile,
            if_master_drc=if_master_drc,
            if_master_loudness=if_master_loudness,
            if_mix_drc=if_mix_drc,
            if_mix_loudness=if_mix_loudness,
            mix_style=mix_style,
            musical_style=musical_style,
            summary=summary,
        )

        mix_analysis_payload.additional_properties = d
        return mix_analysis_payload

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
