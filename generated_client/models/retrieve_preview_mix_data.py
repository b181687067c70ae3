from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RetrievePreviewMixData")


@_attrs_define
class RetrievePreviewMixData:
    """Contents of `multitrackData` for `POST /retrievepreviewmix`."""

    multitrack_task_id: str
    """ `multitrack_task_id` from `/mixpreview`. """
    retrieve_fx_settings: bool
    """ Also return the AI-chosen per-track FX settings (`mix_output_settings`). `true` consumes credits (amount not
    published). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        multitrack_task_id = self.multitrack_task_id

        retrieve_fx_settings = self.retrieve_fx_settings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "multitrackTaskId": multitrack_task_id,
                "retrieveFXSettings": retrieve_fx_settings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        multitrack_task_id = d.pop("multitrackTaskId")

        retrieve_fx_settings = d.pop("retrieveFXSettings")

        retrieve_preview_mix_data = cls(
            multitrack_task_id=multitrack_task_id,
            retrieve_fx_settings=retrieve_fx_settings,
        )

        retrieve_preview_mix_data.additional_properties = d
        return retrieve_preview_mix_data

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
