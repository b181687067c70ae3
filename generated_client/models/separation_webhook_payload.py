from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_job_status import WebhookJobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.four_stems import FourStems
    from ..models.two_stems import TwoStems


T = TypeVar("T", bound="SeparationWebhookPayload")


@_attrs_define
class SeparationWebhookPayload:
    """JSON POSTed to `webhookURL` for a separation job, with one of the statuses pending, started, completed or failed."""

    status: WebhookJobStatus
    """ Status values announced in separation/recombine webhook notifications. Note they differ from JobStatus. """
    stemflow_task_id: str
    error: bool | Unset = UNSET
    message: str | Unset = UNSET
    stems: FourStems | TwoStems | Unset = UNSET
    """ Stem URLs on `completed`; left out otherwise. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.four_stems import FourStems

        status = self.status.value

        stemflow_task_id = self.stemflow_task_id

        error = self.error

        message = self.message

        stems: dict[str, Any] | Unset
        if isinstance(self.stems, Unset):
            stems = UNSET
        elif isinstance(self.stems, FourStems):
            stems = self.stems.to_dict()
        else:
            stems = self.stems.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "stemflowTaskId": stemflow_task_id,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message
        if stems is not UNSET:
            field_dict["stems"] = stems

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.four_stems import FourStems
        from ..models.two_stems import TwoStems

        d = dict(src_dict)
        status = WebhookJobStatus(d.pop("status"))

        stemflow_task_id = d.pop("stemflowTaskId")

        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        def _parse_stems(data: object) -> FourStems | TwoStems | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stems_type_0 = FourStems.from_dict(data)

                return stems_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            stems_type_1 = TwoStems.from_dict(data)

            return stems_type_1

        stems = _parse_stems(d.pop("stems", UNSET))

        separation_webhook_payload = cls(
            status=status,
            stemflow_task_id=stemflow_task_id,
            error=error,
            message=message,
            stems=stems,
        )

        separation_webhook_payload.additional_properties = d
        return separation_webhook_payload

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
