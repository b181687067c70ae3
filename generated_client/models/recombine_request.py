from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.recombine_data import RecombineData


T = TypeVar("T", bound="RecombineRequest")


@_attrs_define
class RecombineRequest:
    """Body of `POST /recombine`."""

    recombine_data: RecombineData
    """ Contents of the `recombineData` wrapper. Give exactly one input mode: `stemJobId` (a completed `sf_…`
    separation job of the same key; its vocal stem and summed drums+bass+other are used) **or** both `vocalStemURL`
    and `backingStemURL` — never a mix of the two, never only one URL. This is expressed by the `allOf[0].oneOf`
    below (each branch lists its required keys and uses `not` to exclude the other mode; wrapped in `allOf` so code
    generators keep the typed object). `musicalStyle` is required; `desiredLoudness` (default MEDIUM) and
    `vocalGainDb` (default 0.0) are optional on the wire but always sent by roex-python 1.6.0. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recombine_data = self.recombine_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recombineData": recombine_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recombine_data import RecombineData

        d = dict(src_dict)
        recombine_data = RecombineData.from_dict(d.pop("recombineData"))

        recombine_request = cls(
            recombine_data=recombine_data,
        )

        recombine_request.additional_properties = d
        return recombine_request

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
