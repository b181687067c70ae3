from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.final_master_task_results import FinalMasterTaskResults


T = TypeVar("T", bound="FinalMasterRetrieved")


@_attrs_define
class FinalMasterRetrieved:
    """HTTP 200 body of `/retrievefinalmaster`. `finalMasterTaskResults` is either an object `{download_url_mastered}` or
    the URL as a plain string; the object form is what the official client needs and what the mock returns.

    """

    final_master_task_results: FinalMasterTaskResults | str
    error: bool | Unset = UNSET
    info: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.final_master_task_results import FinalMasterTaskResults

        final_master_task_results: dict[str, Any] | str
        if isinstance(self.final_master_task_results, FinalMasterTaskResults):
            final_master_task_results = self.final_master_task_results.to_dict()
        else:
            final_master_task_results = self.final_master_task_results

        error = self.error

        info = self.info

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "finalMasterTaskResults": final_master_task_results,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if info is not UNSET:
            field_dict["info"] = info
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.final_master_task_results import FinalMasterTaskResults

        d = dict(src_dict)

        def _parse_final_master_task_results(
            data: object,
        ) -> FinalMasterTaskResults | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                final_master_task_results_type_0 = FinalMasterTaskResults.from_dict(
                    data
                )

                return final_master_task_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FinalMasterTaskResults | str, data)

        final_master_task_results = _parse_final_master_task_results(
            d.pop("finalMasterTaskResults")
        )

        error = d.pop("error", UNSET)

        info = d.pop("info", UNSET)

        message = d.pop("message", UNSET)

        final_master_retrieved = cls(
            final_master_task_results=final_master_task_results,
            error=error,
            info=info,
            message=message,
        )

        final_master_retrieved.additional_properties = d
        return final_master_retrieved

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
