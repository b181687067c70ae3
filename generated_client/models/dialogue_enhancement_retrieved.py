from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_prod_task_state import PostProdTaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dialogue_enhancement_preview_results import (
        DialogueEnhancementPreviewResults,
    )


T = TypeVar("T", bound="DialogueEnhancementRetrieved")


@_attrs_define
class DialogueEnhancementRetrieved:
    """200 body of the dialogue-enhancement retrieve-preview call when the preview is ready."""

    preview_results: DialogueEnhancementPreviewResults
    """ Preview result of a dialogue-enhancement task. """
    error: bool | Unset = UNSET
    postprod_task_id: str | Unset = UNSET
    status: PostProdTaskState | Unset = UNSET
    """ Post-production task states. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preview_results = self.preview_results.to_dict()

        error = self.error

        postprod_task_id = self.postprod_task_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "previewResults": preview_results,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if postprod_task_id is not UNSET:
            field_dict["postprodTaskId"] = postprod_task_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dialogue_enhancement_preview_results import (
            DialogueEnhancementPreviewResults,
        )

        d = dict(src_dict)
        preview_results = DialogueEnhancementPreviewResults.from_dict(
            d.pop("previewResults")
        )

        error = d.pop("error", UNSET)

        postprod_task_id = d.pop("postprodTaskId", UNSET)

        _status = d.pop("status", UNSET)
        status: PostProdTaskState | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PostProdTaskState(_status)

        dialogue_enhancement_retrieved = cls(
            preview_results=preview_results,
            error=error,
            postprod_task_id=postprod_task_id,
            status=status,
        )

        dialogue_enhancement_retrieved.additional_properties = d
        return dialogue_enhancement_retrieved

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
