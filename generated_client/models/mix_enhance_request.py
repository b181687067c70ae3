from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mix_enhance_data import MixEnhanceData


T = TypeVar("T", bound="MixEnhanceRequest")


@_attrs_define
class MixEnhanceRequest:
    """Body of `POST /mixenhancepreview` and `POST /mixenhance`."""

    mix_revive_data: MixEnhanceData
    """ Contents of the `mixReviveData` wrapper for `/mixenhancepreview` and `/mixenhance`. `required` lists the
    fields roex-python 1.6.0 always sends, except `loudnessPreference` (server default `NO_CHANGE`) and
    `getProcessedStems`, which stay optional. `applyDrumEnhancement` and `applyVocalEnhancement` are required by the
    server. `fixDRCIssues` is not supported by the server: it is accepted and ignored, like any other unknown field.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mix_revive_data = self.mix_revive_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mixReviveData": mix_revive_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mix_enhance_data import MixEnhanceData

        d = dict(src_dict)
        mix_revive_data = MixEnhanceData.from_dict(d.pop("mixReviveData"))

        mix_enhance_request = cls(
            mix_revive_data=mix_revive_data,
        )

        mix_enhance_request.additional_properties = d
        return mix_enhance_request

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
