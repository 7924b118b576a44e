"""A task's deadline (完成时限) as written and as the last day it allows."""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum

from policy_parser.errors import Span
from policy_parser.models.base import _Frozen, _trusted

__all__ = ["Deadline", "DeadlineKind", "make_deadline"]


class DeadlineKind(StrEnum):
    """What a deadline asks: done by a date, kept up, or done again and again."""

    BY_DATE = "by-date"  # 2025年底前, 2024年6月底前, 2023年12月31日前, 2024年上半年
    ONGOING = "ongoing"  # 长期坚持, 持续推进
    RECURRING = "recurring"  # 每年, 每季度


class Deadline(_Frozen):
    """When a task is due, as ``Clause.deadline`` and ``Responsibility.deadline`` (docs/bodies.md).

    Read from a 完成时限 cell or label, an annotation or a date with 前 (``docs/bodies.md``);
    ``date`` is the last day the phrase allows (2025年底前 → 2025-12-31, 2024年6月底前 →
    2024-06-30, 2024年上半年 → 2024-06-30) and None for ``ongoing`` (长期坚持, 持续推进) and
    ``recurring`` (每年) work; ``span`` points at the phrase in ``Document.source``.

    Attributes:
        text: The phrase as written: '2025年底前', '长期坚持', '每年'.
        span: Where the phrase stands in the source.
        date: The last day the phrase allows (2025年底前 → 2025-12-31, 2024年6月底前 →
            2024-06-30, 2024年上半年 → 2024-06-30); None for ongoing and recurring work.
        kind: ``by-date``, ``ongoing`` or ``recurring``.
    """

    text: str
    span: Span
    date: _dt.date | None = None
    kind: DeadlineKind


def make_deadline(text: str, span: Span, date: _dt.date | None, kind: DeadlineKind) -> Deadline:
    """Build a :class:`Deadline` from pipeline values, without validation (see ``_trusted``)."""
    return _trusted(Deadline, {"text": text, "span": span, "date": date, "kind": kind})
