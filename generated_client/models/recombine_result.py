from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recombine_processing import RecombineProcessing


T = TypeVar("T", bound="RecombineResult")


@_attrs_define
class RecombineResult:
    """The final recombine master and its measurements."""

    master_url: str
    """ Signed URL of the final master: stereo 44.1 kHz 16-bit PCM WAV, valid ~24 h. """
    bit_depth: int | Unset = UNSET
    """ Bit depth. """
    channels: int | Unset = UNSET
    """ Number of channels. """
    measured_lufs: float | Unset = UNSET
    """ Integrated loudness of the master, LUFS. """
    peak_level: float | Unset = UNSET
    """ Peak level of the master, dBFS (the mock reports its true peak, 4x oversampled). """
    processing: RecombineProcessing | Unset = UNSET
    """ Echo of the processing parameters applied to the final master. """
    sample_rate: int | Unset = UNSET
    """ Sample rate, Hz. """
    track_length_seconds: float | Unset = UNSET
    """ Duration, seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        master_url = self.master_url

        bit_depth = self.bit_depth

        channels = self.channels

        measured_lufs = self.measured_lufs

        peak_level = self.peak_level

        processing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.processing, Unset):
            processing = self.processing.to_dict()

        sample_rate = self.sample_rate

        track_length_seconds = self.track_length_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "master_url": master_url,
            }
        )
        if bit_depth is not UNSET:
            field_dict["bit_depth"] = bit_depth
        if channels is not UNSET:
            field_dict["channels"] = channels
        if measured_lufs is not UNSET:
            field_dict["measured_lufs"] = measured_lufs
        if peak_level is not UNSET:
            field_dict["peak_level"] = peak_level
        if processing is not UNSET:
            field_dict["processing"] = processing
        if sample_rate is not UNSET:
            field_dict["sample_rate"] = sample_rate
        if track_length_seconds is not UNSET:
            field_dict["track_length_seconds"] = track_length_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recombine_processing import RecombineProcessing

        d = dict(src_dict)
        master_url = d.pop("master_url")

        bit_depth = d.pop("bit_depth", UNSET)

        channels = d.pop("channels", UNSET)

        measured_lufs = d.pop("measured_lufs", UNSET)

        peak_level = d.pop("peak_level", UNSET)

        _processing = d.pop("processing", UNSET)
        processing: RecombineProcessing | Unset
        if isinstance(_processing, Unset):
            processing = UNSET
        else:
            processing = RecombineProcessing.from_dict(_processing)

        sample_rate = d.pop("sample_rate", UNSET)

        track_length_seconds = d.pop("track_length_seconds", UNSET)

        recombine_result = cls(
            master_url=master_url,
            bit_depth=bit_depth,
            channels=channels,
            measured_lufs=measured_lufs,
            peak_level=peak_level,
            processing=processing,
            sample_rate=sample_rate,
            track_length_seconds=track_length_seconds,
        )

        recombine_result.additional_properties = d
        return recombine_result

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
