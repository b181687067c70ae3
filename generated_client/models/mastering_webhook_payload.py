from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastering_task_state import MasteringTaskState
from ..types import UNSET, Unset

T = TypeVar("T", bound="MasteringWebhookPayload")


@_attrs_define
class MasteringWebhookPayload:
    """JSON body POSTed to a mastering task's `webhookURL` on state changes. Not signed."""

    mastering_task_id: str
    state: MasteringTaskState
    """ State of a mastering task. """
    completion_time: str | Unset = UNSET
    """ When the task finished; same format as `creation_time`. """
    creation_time: str | Unset = UNSET
    """ When the task was created, `YYYY-MM-DD HH:MM:SS`. """
    download_url_mastered: str | Unset = UNSET
    """ On `MASTERING_TASK_FINAL_COMPLETED`: the full-length master. """
    download_url_mastered_preview: str | Unset = UNSET
    """ On `MASTERING_TASK_PREVIEW_COMPLETED`. """
    error: bool | Unset = UNSET
    """ true on `MASTERING_TASK_FAILED`. """
    message: str | Unset = UNSET
    """ Failure reason. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mastering_task_id = self.mastering_task_id

        state = self.state.value

        completion_time = self.completion_time

        creation_time = self.creation_time

        download_url_mastered = self.download_url_mastered

        download_url_mastered_preview = self.download_url_mastered_preview

        error = self.error

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mastering_task_id": mastering_task_id,
                "state": state,
            }
        )
        if completion_time is not UNSET:
            field_dict["completion_time"] = completion_time
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if download_url_mastered is not UNSET:
            field_dict["download_url_mastered"] = download_url_mastered
        if download_url_mastered_preview is not UNSET:
            field_dict["download_url_mastered_preview"] = download_url_mastered_preview
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mastering_task_id = d.pop("mastering_task_id")

        state = MasteringTaskState(d.pop("state"))

        completion_time = d.pop("completion_time", UNSET)

        creation_time = d.pop("creation_time", UNSET)

        download_url_mastered = d.pop("download_url_mastered", UNSET)

        download_url_mastered_preview = d.pop("download_url_mastered_preview", UNSET)

        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        mastering_webhook_payload = cls(
            mastering_task_id=mastering_task_id,
            state=state,
            completion_time=completion_time,
            creation_time=creation_time,
            download_url_mastered=download_url_mastered,
            download_url_mastered_preview=download_url_mastered_preview,
            error=error,
            message=message,
        )

        mastering_webhook_payload.additional_properties = d
        return mastering_webhook_payload

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
