from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_master_task_results import PreviewMasterTaskResults


T = TypeVar("T", bound="MasteringPreviewRetrieved")


@_attrs_define
class MasteringPreviewRetrieved:
    """HTTP 200 body of a finished mastering preview."""

    preview_master_task_results: PreviewMasterTaskResults
    """ Results of a finished mastering preview. """
    error: bool | Unset = UNSET
    info: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preview_master_task_results = self.preview_master_task_results.to_dict()

        error = self.error

        info = self.info

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "previewMasterTaskResults": preview_master_task_results,
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
        from ..models.preview_master_task_results import PreviewMasterTaskResults

        d = dict(src_dict)
        preview_master_task_results = PreviewMasterTaskResults.from_dict(
            d.pop("previewMasterTaskResults")
        )

        error = d.pop("error", UNSET)

        info = d.pop("info", UNSET)

        message = d.pop("message", UNSET)

        mastering_preview_retrieved = cls(
            preview_master_task_results=preview_master_task_results,
            error=error,
            info=info,
            message=message,
        )

        mastering_preview_retrieved.additional_properties = d
        return mastering_preview_retrieved

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
