from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MasteringTaskFailed")


@_attrs_define
class MasteringTaskFailed:
    """A mastering task that ended in `MASTERING_TASK_FAILED`: HTTP 200 with Tonn's error envelope plus the state. Contains
    no result container, so roex-python keeps polling or returns an empty result.

    """

    error: bool
    message: str
    status: Literal["MASTERING_TASK_FAILED"]
    info: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        status = self.status

        info = self.info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "status": status,
            }
        )
        if info is not UNSET:
            field_dict["info"] = info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        status = cast(Literal["MASTERING_TASK_FAILED"], d.pop("status"))
        if status != "MASTERING_TASK_FAILED":
            raise ValueError(
                f"status must match const 'MASTERING_TASK_FAILED', got '{status}'"
            )

        info = d.pop("info", UNSET)

        mastering_task_failed = cls(
            error=error,
            message=message,
            status=status,
            info=info,
        )

        mastering_task_failed.additional_properties = d
        return mastering_task_failed

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
