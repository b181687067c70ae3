from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mix_revive_task_state import MixReviveTaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enhance_stem_download_urls import EnhanceStemDownloadUrls


T = TypeVar("T", bound="MixEnhanceWebhookPayload")


@_attrs_define
class MixEnhanceWebhookPayload:
    """JSON POSTed to `webhookURL` on each state change of a mix-enhance task. Only the id and `state` are present on
    progress deliveries; URLs appear on completion.

    """

    mixrevive_task_id: str
    state: MixReviveTaskState
    """ Mix-enhance ("mix revive") task states. A preview task ends in `MIXREVIVE_TASK_PREVIEW_COMPLETED`; a full
    `/mixenhance` task passes `MIXREVIVE_TASK_PREVIEW_COMPLETED` and ends in `MIXREVIVE_TASK_COMPLETED`; failure is
    `MIXREVIVE_TASK_FAILED`. """
    download_url_preview_revived: None | str | Unset = UNSET
    """ MP3 preview. """
    download_url_preview_revived_matched: None | str | Unset = UNSET
    """ "Matched loudness" variant of the preview. """
    download_url_revived: None | str | Unset = UNSET
    """ Full-length WAV (full `/mixenhance` tasks). """
    error: bool | None | str | Unset = UNSET
    """ Failure reason on `MIXREVIVE_TASK_FAILED`; may be a flag or a reason string. """
    message: None | str | Unset = UNSET
    stems_download_urls: EnhanceStemDownloadUrls | Unset = UNSET
    """ Stem URLs keyed by stem name in a mix-enhance webhook delivery. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mixrevive_task_id = self.mixrevive_task_id

        state = self.state.value

        download_url_preview_revived: None | str | Unset
        if isinstance(self.download_url_preview_revived, Unset):
            download_url_preview_revived = UNSET
        else:
            download_url_preview_revived = self.download_url_preview_revived

        download_url_preview_revived_matched: None | str | Unset
        if isinstance(self.download_url_preview_revived_matched, Unset):
            download_url_preview_revived_matched = UNSET
        else:
            download_url_preview_revived_matched = (
                self.download_url_preview_revived_matched
            )

        download_url_revived: None | str | Unset
        if isinstance(self.download_url_revived, Unset):
            download_url_revived = UNSET
        else:
            download_url_revived = self.download_url_revived

        error: bool | None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        stems_download_urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stems_download_urls, Unset):
            stems_download_urls = self.stems_download_urls.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mixrevive_task_id": mixrevive_task_id,
                "state": state,
            }
        )
        if download_url_preview_revived is not UNSET:
            field_dict["download_url_preview_revived"] = download_url_preview_revived
        if download_url_preview_revived_matched is not UNSET:
            field_dict["download_url_preview_revived_matched"] = (
                download_url_preview_revived_matched
            )
        if download_url_revived is not UNSET:
            field_dict["download_url_revived"] = download_url_revived
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message
        if stems_download_urls is not UNSET:
            field_dict["stems_download_urls"] = stems_download_urls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enhance_stem_download_urls import EnhanceStemDownloadUrls

        d = dict(src_dict)
        mixrevive_task_id = d.pop("mixrevive_task_id")

        state = MixReviveTaskState(d.pop("state"))

        def _parse_download_url_preview_revived(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url_preview_revived = _parse_download_url_preview_revived(
            d.pop("download_url_preview_revived", UNSET)
        )

        def _parse_download_url_preview_revived_matched(
            data: object,
        ) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url_preview_revived_matched = (
            _parse_download_url_preview_revived_matched(
                d.pop("download_url_preview_revived_matched", UNSET)
            )
        )

        def _parse_download_url_revived(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url_revived = _parse_download_url_revived(
            d.pop("download_url_revived", UNSET)
        )

        def _parse_error(data: object) -> bool | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        _stems_download_urls = d.pop("stems_download_urls", UNSET)
        stems_download_urls: EnhanceStemDownloadUrls | Unset
        if isinstance(_stems_download_urls, Unset):
            stems_download_urls = UNSET
        else:
            stems_download_urls = EnhanceStemDownloadUrls.from_dict(
                _stems_download_urls
            )

        mix_enhance_webhook_payload = cls(
            mixrevive_task_id=mixrevive_task_id,
            state=state,
            download_url_preview_revived=download_url_preview_revived,
            download_url_preview_revived_matched=download_url_preview_revived_matched,
            download_url_revived=download_url_revived,
            error=error,
            message=message,
            stems_download_urls=stems_download_urls,
        )

        mix_enhance_webhook_payload.additional_properties = d
        return mix_enhance_webhook_payload

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
