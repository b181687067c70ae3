from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_job_status import WebhookJobStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecombineWebhookPayload")


@_attrs_define
class RecombineWebhookPayload:
    """JSON POSTed to `webhookURL` for a recombine job, with one of the statuses pending, started, completed or failed.
    Results are fetched with `/retrieverecombinepreview` and `/retrieverecombine`.

    """

    recombine_task_id: str
    status: WebhookJobStatus
    """ Status values announced in separation/recombine webhook notifications. Note they differ from JobStatus. """
    error: bool | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recombine_task_id = self.recombine_task_id

        status = self.status.value

        error = self.error

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recombineTaskId": recombine_task_id,
                "status": status,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        recombine_task_id = d.pop("recombineTaskId")

        status = WebhookJobStatus(d.pop("status"))

        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        recombine_webhook_payload = cls(
            recombine_task_id=recombine_task_id,
            status=status,
            error=error,
            message=message,
        )

        recombine_webhook_payload.additional_properties = d
        return recombine_webhook_payload

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
