from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.post_prod_task_reference import PostProdTaskReference


T = TypeVar("T", bound="PostProdTaskRequest")


@_attrs_define
class PostProdTaskRequest:
    """Body of `POST /postprod/dialogue-enhancement/retrievepreview`."""

    post_prod_data: PostProdTaskReference
    """ Contents of the `postProdData` wrapper for the retrieve-preview call. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        post_prod_data = self.post_prod_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "postProdData": post_prod_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.post_prod_task_reference import PostProdTaskReference

        d = dict(src_dict)
        post_prod_data = PostProdTaskReference.from_dict(d.pop("postProdData"))

        post_prod_task_request = cls(
            post_prod_data=post_prod_data,
        )

        post_prod_task_request.additional_properties = d
        return post_prod_task_request

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
