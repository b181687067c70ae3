from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mix_task_state import MixTaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mix_stem_urls import MixStemUrls


T = TypeVar("T", bound="MixWebhookPayload")


@_attrs_define
class MixWebhookPayload:
    """JSON body POSTed to a mix task's `webhookURL` on state changes. Not signed."""

    multitrack_task_id: str
    state: MixTaskState
    """ State of a multitrack-mix task. Preview: `MIX_TASK_PENDING` → `MIX_TASK_ANALYSIS` → `MIX_TASK_APPLY_FX` →
    `MIX_TASK_PREVIEW_COMPLETED`; the final mix ends in `MIX_TASK_COMPLETED`; failure is `MIX_TASK_FAILED`. """
    download_url_mixed: str | Unset = UNSET
    """ On `MIX_TASK_COMPLETED` (final mix). """
    download_url_preview_mixed: str | Unset = UNSET
    """ On `MIX_TASK_PREVIEW_COMPLETED`. """
    error: bool | Unset = UNSET
    """ true on `MIX_TASK_FAILED`. """
    message: str | Unset = UNSET
    """ Failure reason. """
    stems: MixStemUrls | Unset = UNSET
    """ Processed stems of a mix: stem/track name → signed download URL (WAV). Key names are not documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        multitrack_task_id = self.multitrack_task_id

        state = self.state.value

        download_url_mixed = self.download_url_mixed

        download_url_preview_mixed = self.download_url_preview_mixed

        error = self.error

        message = self.message

        stems: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stems, Unset):
            stems = self.stems.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "multitrack_task_id": multitrack_task_id,
                "state": state,
            }
        )
        if download_url_mixed is not UNSET:
            field_dict["download_url_mixed"] = download_url_mixed
        if download_url_preview_mixed is not UNSET:
            field_dict["download_url_preview_mixed"] = download_url_preview_mixed
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message
        if stems is not UNSET:
            field_dict["stems"] = stems

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mix_stem_urls import MixStemUrls

        d = dict(src_dict)
        multitrack_task_id = d.pop("multitrack_task_id")

        state = MixTaskState(d.pop("state"))

        download_url_mixed = d.pop("download_url_mixed", UNSET)

        download_url_preview_mixed = d.pop("download_url_preview_mixed", UNSET)

        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        _stems = d.pop("stems", UNSET)
        stems: MixStemUrls | Unset
        if isinstance(_stems, Unset):
            stems = UNSET
        else:
            stems = MixStemUrls.from_dict(_stems)

        mix_webhook_payload = cls(
            multitrack_task_id=multitrack_task_id,
            state=state,
            download_url_mixed=download_url_mixed,
            download_url_preview_mixed=download_url_preview_mixed,
            error=error,
            message=message,
            stems=stems,
        )

        mix_webhook_payload.additional_properties = d
        return mix_webhook_payload

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
