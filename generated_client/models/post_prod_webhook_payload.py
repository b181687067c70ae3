from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_prod_task_state import PostProdTaskState
from ..types import UNSET, Unset

T = TypeVar("T", bound="PostProdWebhookPayload")


@_attrs_define
class PostProdWebhookPayload:
    """JSON POSTed to `webhookURL` for a post-production task."""

    postprod_task_id: str
    state: PostProdTaskState
    """ Post-production task states. """
    download_url_preview: None | str | Unset = UNSET
    """ MP3 preview, on completion. """
    error: bool | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        postprod_task_id = self.postprod_task_id

        state = self.state.value

        download_url_preview: None | str | Unset
        if isinstance(self.download_url_preview, Unset):
            download_url_preview = UNSET
        else:
            download_url_preview = self.download_url_preview

        error = self.error

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "postprodTaskId": postprod_task_id,
                "state": state,
            }
        )
        if download_url_preview is not UNSET:
            field_dict["download_url_preview"] = download_url_preview
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        postprod_task_id = d.pop("postprodTaskId")

        state = PostProdTaskState(d.pop("state"))

        def _parse_download_url_preview(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url_preview = _parse_download_url_preview(
            d.pop("download_url_preview", UNSET)
        )

        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        post_prod_webhook_payload = cls(
            postprod_task_id=postprod_task_id,
            state=state,
            download_url_preview=download_url_preview,
            error=error,
            message=message,
        )

        post_prod_webhook_payload.additional_properties = d
        return post_prod_webhook_payload

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
