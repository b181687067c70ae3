from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analysis_musical_style import AnalysisMusicalStyle

T = TypeVar("T", bound="MixAnalysisData")


@_attrs_define
class MixAnalysisData:
    """Contents of the `mixDiagnosisData` wrapper. All three fields are required and always sent by roex-python 1.6.0. No
    `webhookURL`: the analysis is synchronous.

    """

    audio_file_location: str
    """ Publicly readable URL of the mixed or mastered track (WAV, FLAC or MP3; ≤ 10 min), e.g. the `readable_url`
    from `/upload`. """
    is_master: bool
    """ true if the file is a master (the `if_master_*` verdicts apply), false if it is a mix (the `if_mix_*`
    verdicts apply). """
    musical_style: AnalysisMusicalStyle
    """ Musical style reference for mix analysis (38 values). Note `HIP_HOP_GRIME` here versus `HIPHOP_GRIME` in
    MusicalStyle. Matched without regard to letter case: `rock` and `Rock` are read as `ROCK`; the analysis echoes
    the style in lower case. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_file_location = self.audio_file_location

        is_master = self.is_master

        musical_style = self.musical_style.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audioFileLocation": audio_file_location,
                "isMaster": is_master,
                "musicalStyle": musical_style,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        audio_file_location = d.pop("audioFileLocation")

        is_master = d.pop("isMaster")

        musical_style = AnalysisMusicalStyle(d.pop("musicalStyle"))

        mix_analysis_data = cls(
            audio_file_location=audio_file_location,
            is_master=is_master,
            musical_style=musical_style,
        )

        mix_analysis_data.additional_properties = d
        return mix_analysis_data

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
