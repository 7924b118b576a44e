"""The frame fields of two versions that differ: title, 发文字号, issuers, date."""

from __future__ import annotations

from policy_parser.compare.result import FieldChange
from policy_parser.models import Document

__all__ = ["frame_changes"]

_FIELDS = ("title", "doc_number", "issuers", "addressees", "date", "preamble", "closing")


def _shown(value: object) -> str | None:
    # Lists as the document writes them (国务院、财政部); an empty list is no value.
    if isinstance(value, list):
        return "、".join(str(item) for item in value) or None
    return None if value is None else str(value)


def frame_changes(old: Document, new: Document) -> tuple[FieldChange, ...]:
    """The fields of ``_FIELDS`` whose values differ, old and new as text (None when absent).

    A 修改决定's revised text keeps its title but gets a new date:
    ``FieldChange(field='date', old='2018-12-18', new='2024-12-06')``.
    """
    rows = []
    for name in _FIELDS:
        before, after = _shown(getattr(old, name)), _shown(getattr(new, name))
        if before != after:
            rows.append(FieldChange(field=name, old=before, new=after))
    return tuple(rows)
