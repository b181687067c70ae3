from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mix_analysis_payload import MixAnalysisPayload


T = TypeVar("T", bound="MixAnalysisResults")


@_attrs_define
class MixAnalysisResults:
    """The `mixDiagnosisResults` container."""

    payload: MixAnalysisPayload
    """ The diagnosis metrics. Which of `if_mix_loudness`/`if_mix_drc` and `if_master_loudness`/`if_master_drc` are
    present may depend on `isMaster`, so none of them is required. """
    completion_time: str | Unset = UNSET
    """ When the analysis finished, written `YYYY-MM-DD HH:MM:SS` without a time zone; no pattern is enforced. """
    error: bool | Unset = UNSET
    info: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payload = self.payload.to_dict()

        completion_time = self.completion_time

        error = self.error

        info = self.info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payload": payload,
            }
        )
        if completion_time is not UNSET:
            field_dict["completion_time"] = completion_time
        if error is not UNSET:
            field_dict["error"] = error
        if info is not UNSET:
            field_dict["info"] = info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mix_analysis_payload import MixAnalysisPayload

        d = dict(src_dict)
        payload = MixAnalysisPayload.from_dict(d.pop("payload"))

        completion_time = d.pop("completion_time", UNSET)

        error = d.pop("error", UNSET)

        info = d.pop("info", UNSET)

        mix_analysis_results = cls(
            payload=payload,
            completion_time=completion_time,
            error=error,
            info=info,
        )

        mix_analysis_results.additional_properties = d
        return mix_analysis_results

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
