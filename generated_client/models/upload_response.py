from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadResponse")


@_attrs_define
class UploadResponse:
    """Signed upload URL and the readable URL to use as `trackURL`/`audioFileLocation`. Both URLs are valid for about 1
    hour.

    """

    readable_url: str
    """ URL of the uploaded file for later processing calls. """
    signed_url: str
    """ Google Cloud Storage signed URL: `PUT` the raw file bytes here with the same `Content-Type`, no API key. """
    error: bool | Unset = UNSET
    """ `false` on success (optional). """
    info: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        readable_url = self.readable_url

        signed_url = self.signed_url

        error = self.error

        info = self.info

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "readable_url": readable_url,
                "signed_url": signed_url,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if info is not UNSET:
            field_dict["info"] = info
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        readable_url = d.pop("readable_url")

        signed_url = d.pop("signed_url")

        error = d.pop("error", UNSET)

        info = d.pop("info", UNSET)

        message = d.pop("message", UNSET)

        upload_response = cls(
            readable_url=readable_url,
            signed_url=signed_url,
            error=error,
            info=info,
            message=message,
        )

        upload_response.additional_properties = d
        return upload_response

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
