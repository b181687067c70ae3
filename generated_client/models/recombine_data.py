from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.desired_loudness import DesiredLoudness
from ..models.recombine_musical_style import RecombineMusicalStyle
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecombineData")


@_attrs_define
class RecombineData:
    """Contents of the `recombineData` wrapper. Give exactly one input mode: `stemJobId` (a completed `sf_…` separation job
    of the same key; its vocal stem and summed drums+bass+other are used) **or** both `vocalStemURL` and
    `backingStemURL` — never a mix of the two, never only one URL. This is expressed by the `allOf[0].oneOf` below (each
    branch lists its required keys and uses `not` to exclude the other mode; wrapped in `allOf` so code generators keep
    the typed object). `musicalStyle` is required; `desiredLoudness` (default MEDIUM) and `vocalGainDb` (default 0.0)
    are optional on the wire but always sent by roex-python 1.6.0.

    """

    musical_style: RecombineMusicalStyle
    """ Musical style for recombine (20 values, a wider set than MusicalStyle). """
    backing_stem_url: str | Unset = UNSET
    """ URL of the backing/instrumental track; must be paired with `vocalStemURL`. """
    desired_loudness: DesiredLoudness | Unset = UNSET
    """ Loudness preset: LOW ≈ −14 LUFS, MEDIUM ≈ −10 LUFS, HIGH ≈ −8 LUFS, all with a −1.0 dBFS ceiling. """
    stem_job_id: str | Unset = UNSET
    """ `stemflowTaskId` of a completed separation job. Unknown or another key's → 404; not complete or invalid →
    400. """
    vocal_gain_db: float | Unset = 0.0
    """ Gain applied to the vocal, dB, −6.0…+6.0. """
    vocal_stem_url: str | Unset = UNSET
    """ URL of an isolated vocal track; must be paired with `backingStemURL`. """
    webhook_url: str | Unset = UNSET
    """ URL that receives a JSON POST on each state change of the task. Omit the key when there is no webhook: the
    real service answers an empty string with HTTP 500 and `null` with HTTP 400. This document refuses both as
    invalid input (400). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        musical_style = self.musical_style.value

        backing_stem_url = self.backing_stem_url

        desired_loudness: str | Unset = UNSET
        if not isinstance(self.desired_loudness, Unset):
            desired_loudness = self.desired_loudness.value

        stem_job_id = self.stem_job_id

        vocal_gain_db = self.vocal_gain_db

        vocal_stem_url = self.vocal_stem_url

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "musicalStyle": musical_style,
            }
        )
        if backing_stem_url is not UNSET:
            field_dict["backingStemURL"] = backing_stem_url
        if desired_loudness is not UNSET:
            field_dict["desiredLoudness"] = desired_loudness
        if stem_job_id is not UNSET:
            field_dict["stemJobId"] = stem_job_id
        if vocal_gain_db is not UNSET:
            field_dict["vocalGainDb"] = vocal_gain_db
        if vocal_stem_url is not UNSET:
            field_dict["vocalStemURL"] = vocal_stem_url
        if webhook_url is not UNSET:
            field_dict["webhookURL"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        musical_style = RecombineMusicalStyle(d.pop("musicalStyle"))

        backing_stem_url = d.pop("backingStemURL", UNSET)

        _desired_loudness = d.pop("desiredLoudness", UNSET)
        desired_loudness: DesiredLoudness | Unset
        if isinstance(_desired_loudness, Unset):
            desired_loudness = UNSET
        else:
            desired_loudness = DesiredLoudness(_desired_loudness)

        stem_job_id = d.pop("stemJobId", UNSET)

        vocal_gain_db = d.pop("vocalGainDb", UNSET)

        vocal_stem_url = d.pop("vocalStemURL", UNSET)

        webhook_url = d.pop("webhookURL", UNSET)

        recombine_data = cls(
            musical_style=musical_style,
            backing_stem_url=backing_stem_url,
            desired_loudness=desired_loudness,
            stem_job_id=stem_job_id,
            vocal_gain_db=vocal_gain_db,
            vocal_stem_url=vocal_stem_url,
            webhook_url=webhook_url,
        )

        recombine_data.additional_properties = d
        return recombine_data

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
