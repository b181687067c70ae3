from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_mix_task_results import PreviewMixTaskResults


T = TypeVar("T", bound="MixPreviewRetrieved")


@_attrs_define
class MixPreviewRetrieved:
    """HTTP 200 body of a finished mix preview. The top-level `status` copy is required: roex-python's first check reads
    it.

    """

    preview_mix_task_results: PreviewMixTaskResults
    """ Results of a completed mix preview. roex-python keeps polling until this object's `status` is
    `MIX_TASK_PREVIEW_COMPLETED`. """
    status: Literal["MIX_TASK_PREVIEW_COMPLETED"]
    error: bool | Unset = UNSET
    info: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preview_mix_task_results = self.preview_mix_task_results.to_dict()

        status = self.status

        error = self.error

        info = self.info

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "previewMixTaskResults": preview_mix_task_results,
                "status": status,
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
        from ..models.preview_mix_task_results import PreviewMixTaskResults

        d = dict(src_dict)
        preview_mix_task_results = PreviewMixTaskResults.from_dict(
            d.pop("previewMixTaskResults")
        )

        status = cast(Literal["MIX_TASK_PREVIEW_COMPLETED"], d.pop("status"))
        if status != "MIX_TASK_PREVIEW_COMPLETED":
            raise ValueError(
                f"status must match const 'MIX_TASK_PREVIEW_COMPLETED', got '{status}'"
            )

        error = d.pop("error", UNSET)

        info = d.pop("info", UNSET)

        message = d.pop("message", UNSET)

        mix_preview_retrieved = cls(
            preview_mix_task_results=preview_mix_task_results,
            status=status,
            error=error,
            info=info,
            message=message,
        )

        mix_preview_retrieved.additional_properties = d
        return mix_preview_retrieved

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
