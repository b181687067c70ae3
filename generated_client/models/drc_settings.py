from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DrcSettings")


@_attrs_define
class DrcSettings:
    """Dynamic range compression the AI applied. Units are not documented (the sample attack/release values look like
    seconds), so no ranges are imposed.

    """

    attack_ms: float | Unset = UNSET
    ratio: float | Unset = UNSET
    release_ms: float | Unset = UNSET
    threshold: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attack_ms = self.attack_ms

        ratio = self.ratio

        release_ms = self.release_ms

        threshold = self.threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if attack_ms is not UNSET:
            field_dict["attack_ms"] = attack_ms
        if ratio is not UNSET:
            field_dict["ratio"] = ratio
        if release_ms is not UNSET:
            field_dict["release_ms"] = release_ms
        if threshold is not UNSET:
            field_dict["threshold"] = threshold

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attack_ms = d.pop("attack_ms", UNSET)

        ratio = d.pop("ratio", UNSET)

        release_ms = d.pop("release_ms", UNSET)

        threshold = d.pop("threshold", UNSET)

        drc_settings = cls(
            attack_ms=attack_ms,
            ratio=ratio,
            release_ms=release_ms,
            threshold=threshold,
        )

        drc_settings.additional_properties = d
        return drc_settings

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
