from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostProdTaskCreated")


@_attrs_define
class PostProdTaskCreated:
    """200 body of a post-production preview request: the camelCase `postprodTaskId`, optionally with `error`/`message`."""

    postprod_task_id: str
    """ Task id (a UUID). """
    error: bool | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        postprod_task_id = self.postprod_task_id

        error = self.error

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "postprodTaskId": postprod_task_id,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        postprod_task_id = d.pop("postprodTaskId")

        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        post_prod_task_created = cls(
            postprod_task_id=postprod_task_id,
            error=error,
            message=message,
        )

        post_prod_task_created.additional_properties = d
        return post_prod_task_created

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
