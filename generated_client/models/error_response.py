from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Tonn's error envelope: `error` true, a human-readable `message`, and optional `info` with detail. Gateway-generated
    auth errors also carry a numeric `code`.

        Example:
            {'error': True, 'info': 'Bad Request', 'message': "Invalid request body: masteringData.desiredLoudness: 'LOUD'
                is not one of ['LOW', 'MEDIUM', 'HIGH']"}

    """

    error: bool
    message: str
    code: int | Unset = UNSET
    """ HTTP status echoed by the gateway on auth errors. """
    info: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        code = self.code

        info = self.info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if info is not UNSET:
            field_dict["info"] = info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        code = d.pop("code", UNSET)

        info = d.pop("info", UNSET)

        error_response = cls(
            error=error,
            message=message,
            code=code,
            info=info,
        )

        error_response.additional_properties = d
        return error_response

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
