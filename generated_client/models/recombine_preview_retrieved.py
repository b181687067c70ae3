from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recombine_preview import RecombinePreview


T = TypeVar("T", bound="RecombinePreviewRetrieved")


@_attrs_define
class RecombinePreviewRetrieved:
    """200 body of `/retrieverecombinepreview` for a completed task. `recombineTaskId` may be echoed."""

    preview: RecombinePreview
    """ The free preview of a recombine task. """
    error: bool | Unset = UNSET
    recombine_task_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preview = self.preview.to_dict()

        error = self.error

        recombine_task_id = self.recombine_task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "preview": preview,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if recombine_task_id is not UNSET:
            field_dict["recombineTaskId"] = recombine_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recombine_preview import RecombinePreview

        d = dict(src_dict)
        preview = RecombinePreview.from_dict(d.pop("preview"))

        error = d.pop("error", UNSET)

        recombine_task_id = d.pop("recombineTaskId", UNSET)

        recombine_preview_retrieved = cls(
            preview=preview,
            error=error,
            recombine_task_id=recombine_task_id,
        )

        recombine_preview_retrieved.additional_properties = d
        return recombine_preview_retrieved

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
