from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mix_revive_task_state import MixReviveTaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enhanced_stems import EnhancedStems


T = TypeVar("T", bound="RevivedTrackTaskResults")


@_attrs_define
class RevivedTrackTaskResults:
    """The `revivedTrackTaskResults` container. While the task runs (HTTP 202) all URL fields are null; when done (HTTP
    200) at least one of `download_url_preview_revived` / `download_url_revived` is a URL (roex-python 1.6.0 keeps
    polling until one is). Older clients read the wrong key `revived_track_tasks_results` (fixed in 1.3.2).

    """

    download_url_preview_revived: None | str | Unset = UNSET
    """ Signed URL of the 30-s MP3 preview. """
    download_url_revived: None | str | Unset = UNSET
    """ Signed URL of the full-length enhanced WAV; only for full `/mixenhance` tasks. """
    preview_start_time: float | None | Unset = UNSET
    """ Offset (s) of the preview within the input. """
    status: MixReviveTaskState | Unset = UNSET
    """ Mix-enhance ("mix revive") task states. A preview task ends in `MIXREVIVE_TASK_PREVIEW_COMPLETED`; a full
    `/mixenhance` task passes `MIXREVIVE_TASK_PREVIEW_COMPLETED` and ends in `MIXREVIVE_TASK_COMPLETED`; failure is
    `MIXREVIVE_TASK_FAILED`. """
    stems: EnhancedStems | Unset = UNSET
    """ Processed-stem URLs of a full enhance task run with `getProcessedStems`/`stemProcessing`. Note the singular
    `vocal`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        download_url_preview_revived: None | str | Unset
        if isinstance(self.download_url_preview_revived, Unset):
            download_url_preview_revived = UNSET
        else:
            download_url_preview_revived = self.download_url_preview_revived

        download_url_revived: None | str | Unset
        if isinstance(self.download_url_revived, Unset):
            download_url_revived = UNSET
        else:
            download_url_revived = self.download_url_revived

        preview_start_time: float | None | Unset
        if isinstance(self.preview_start_time, Unset):
            preview_start_time = UNSET
        else:
            preview_start_time = self.preview_start_time

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        stems: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stems, Unset):
            stems = self.stems.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if download_url_preview_revived is not UNSET:
            field_dict["download_url_preview_revived"] = download_url_preview_revived
        if download_url_revived is not UNSET:
            field_dict["download_url_revived"] = download_url_revived
        if preview_start_time is not UNSET:
            field_dict["preview_start_time"] = preview_start_time
        if status is not UNSET:
            field_dict["status"] = status
        if stems is not UNSET:
            field_dict["stems"] = stems

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enhanced_stems import EnhancedStems

        d = dict(src_dict)

        def _parse_download_url_preview_revived(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url_preview_revived = _parse_download_url_preview_revived(
            d.pop("download_url_preview_revived", UNSET)
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

        def _parse_preview_start_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        preview_start_time = _parse_preview_start_time(
            d.pop("preview_start_time", UNSET)
        )

        _status = d.pop("status", UNSET)
        status: MixReviveTaskState | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MixReviveTaskState(_status)

        _stems = d.pop("stems", UNSET)
        stems: EnhancedStems | Unset
        if isinstance(_stems, Unset):
            stems = UNSET
        else:
            stems = EnhancedStems.from_dict(_stems)

        revived_track_task_results = cls(
            download_url_preview_revived=download_url_preview_revived,
            download_url_revived=download_url_revived,
            preview_start_time=preview_start_time,
            status=status,
            stems=stems,
        )

        revived_track_task_results.additional_properties = d
        return revived_track_task_results

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
