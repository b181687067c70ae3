from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_content_type import UploadContentType

T = TypeVar("T", bound="UploadRequest")


@_attrs_define
class UploadRequest:
    """Flat body of `POST /upload` (no wrapper)."""

    content_type: UploadContentType
    """ MIME type of the file to upload: `audio/mpeg` (.mp3), `audio/wav` (.wav), `audio/flac` (.flac). The PUT to
    `signed_url` must send the same `Content-Type`. """
    filename: str
    """ Name for the uploaded file, e.g. `mix.wav`. Keep it simple (no special characters). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type.value

        filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contentType": content_type,
                "filename": filename,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content_type = UploadContentType(d.pop("contentType"))

        filename = d.pop("filename")

        upload_request = cls(
            content_type=content_type,
            filename=filename,
        )

        upload_request.additional_properties = d
        return upload_request

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
