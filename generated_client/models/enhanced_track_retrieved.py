from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.revived_track_task_results import RevivedTrackTaskResults


T = TypeVar("T", bound="EnhancedTrackRetrieved")


@_attrs_define
class EnhancedTrackRetrieved:
    """200 body of `/retrieveenhancedtrack` for a finished task."""

    revived_track_task_results: RevivedTrackTaskResults
    """ The `revivedTrackTaskResults` container. While the task runs (HTTP 202) all URL fields are null; when done
    (HTTP 200) at least one of `download_url_preview_revived` / `download_url_revived` is a URL (roex-python 1.6.0
    keeps polling until one is). Older clients read the wrong key `revived_track_tasks_results` (fixed in 1.3.2).
    """
    error: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revived_track_task_results = self.revived_track_task_results.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revivedTrackTaskResults": revived_track_task_results,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.revived_track_task_results import RevivedTrackTaskResults

        d = dict(src_dict)
        revived_track_task_results = RevivedTrackTaskResults.from_dict(
            d.pop("revivedTrackTaskResults")
        )

        error = d.pop("error", UNSET)

        enhanced_track_retrieved = cls(
            revived_track_task_results=revived_track_task_results,
            error=error,
        )

        enhanced_track_retrieved.additional_properties = d
        return enhanced_track_retrieved

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
