from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecombineStatus")


@_attrs_define
class RecombineStatus:
    """200 body of `GET /recombinestatus/{recombineTaskId}`. `error` is true and `info` carries the detail when `status` is
    `failed`.

    """

    status: JobStatus
    """ Status of a separation or recombine job as reported by the status endpoints (lower-case). """
    error: bool | Unset = UNSET
    info: str | Unset = UNSET
    message: str | Unset = UNSET
    recombine_task_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        error = self.error

        info = self.info

        message = self.message

        recombine_task_id = self.recombine_task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if info is not UNSET:
            field_dict["info"] = info
        if message is not UNSET:
            field_dict["message"] = message
        if recombine_task_id is not UNSET:
            field_dict["recombineTaskId"] = recombine_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = JobStatus(d.pop("status"))

        error = d.pop("error", UNSET)

        info = d.pop("info", UNSET)

        message = d.pop("message", UNSET)

        recombine_task_id = d.pop("recombineTaskId", UNSET)

        recombine_status = cls(
            status=status,
            error=error,
            info=info,
            message=message,
            recombine_task_id=recombine_task_id,
        )

        recombine_status.additional_properties = d
        return recombine_status

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
