from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadFailed")


@_attrs_define
class UploadFailed:
    """Application error delivered with HTTP 200: `error` true, a `message`, and null URLs."""

    error: bool
    message: str
    info: str | Unset = UNSET
    readable_url: None | Unset = UNSET
    signed_url: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        info = self.info

        readable_url = self.readable_url

        signed_url = self.signed_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
            }
        )
        if info is not UNSET:
            field_dict["info"] = info
        if readable_url is not UNSET:
            field_dict["readable_url"] = readable_url
        if signed_url is not UNSET:
            field_dict["signed_url"] = signed_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        info = d.pop("info", UNSET)

        readable_url = d.pop("readable_url", UNSET)

        signed_url = d.pop("signed_url", UNSET)

        upload_failed = cls(
            error=error,
            message=message,
            info=info,
            readable_url=readable_url,
            signed_url=signed_url,
        )

        upload_failed.additional_properties = d
        return upload_failed

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
