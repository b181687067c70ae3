from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recombine_result import RecombineResult


T = TypeVar("T", bound="RecombineRetrieved")


@_attrs_define
class RecombineRetrieved:
    """200 body of `/retrieverecombine` for a completed task."""

    result: RecombineResult
    """ The final recombine master and its measurements. """
    error: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recombine_result import RecombineResult

        d = dict(src_dict)
        result = RecombineResult.from_dict(d.pop("result"))

        error = d.pop("error", UNSET)

        recombine_retrieved = cls(
            result=result,
            error=error,
        )

        recombine_retrieved.additional_properties = d
        return recombine_retrieved

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
