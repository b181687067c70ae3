from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mix_analysis_data import MixAnalysisData


T = TypeVar("T", bound="MixAnalysisRequest")


@_attrs_define
class MixAnalysisRequest:
    """Body of `POST /mixanalysis`."""

    mix_diagnosis_data: MixAnalysisData
    """ Contents of the `mixDiagnosisData` wrapper. All three fields are required and always sent by roex-python
    1.6.0. No `webhookURL`: the analysis is synchronous. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mix_diagnosis_data = self.mix_diagnosis_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mixDiagnosisData": mix_diagnosis_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mix_analysis_data import MixAnalysisData

        d = dict(src_dict)
        mix_diagnosis_data = MixAnalysisData.from_dict(d.pop("mixDiagnosisData"))

        mix_analysis_request = cls(
            mix_diagnosis_data=mix_diagnosis_data,
        )

        mix_analysis_request.additional_properties = d
        return mix_analysis_request

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
