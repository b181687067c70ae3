from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.four_stems import FourStems
    from ..models.two_stems import TwoStems


T = TypeVar("T", bound="StemsRetrieved")


@_attrs_define
class StemsRetrieved:
    """200 body of `/retrievestems` for a completed separation."""

    stems: FourStems | TwoStems
    """ Four stems or two stems, depending on `separationMode`. """
    error: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.four_stems import FourStems

        stems: dict[str, Any]
        if isinstance(self.stems, FourStems):
            stems = self.stems.to_dict()
        else:
            stems = self.stems.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stems": stems,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.four_stems import FourStems
        from ..models.two_stems import TwoStems

        d = dict(src_dict)

        def _parse_stems(data: object) -> FourStems | TwoStems:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stems_type_0 = FourStems.from_dict(data)

                return stems_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            stems_type_1 = TwoStems.from_dict(data)

            return stems_type_1

        stems = _parse_stems(d.pop("stems"))

        error = d.pop("error", UNSET)

        stems_retrieved = cls(
            stems=stems,
            error=error,
        )

        stems_retrieved.additional_properties = d
        return stems_retrieved

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
