from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dialogue_enhancement_data import DialogueEnhancementData


T = TypeVar("T", bound="DialogueEnhancementRequest")


@_attrs_define
class DialogueEnhancementRequest:
    """Body of `POST /postprod/dialogue-enhancement/preview`."""

    post_prod_data: DialogueEnhancementData
    """ Contents of the `postProdData` wrapper for the dialogue-enhancement preview. The docs sample sends the
    integer `sampleRate` 48000. """
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
        from ..models.dialogue_enhancement_data import DialogueEnhancementData

        d = dict(src_dict)
        post_prod_data = DialogueEnhancementData.from_dict(d.pop("postProdData"))

        dialogue_enhancement_request = cls(
            post_prod_data=post_prod_data,
        )

        dialogue_enhancement_request.additional_properties = d
        return dialogue_enhancement_request

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
