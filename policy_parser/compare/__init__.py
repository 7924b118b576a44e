r"""Compare two versions of a document.

Which sections were added, removed, moved, renumbered or changed, and which bodies gained or
lost a task.

>>> import policy_parser as pp
>>> old = pp.parse("第一条　甲部门负责登记。\n第二条　乙部门负责审核。")
>>> new = pp.parse("第一条　甲部门负责登记。\n第二条　丙部门负责备案。\n第三条　乙部门负责审核。")
>>> [(row.kind.value, row.old_path, row.new_path) for row in pp.diff(old, new).changes]
[('added', None, '第二条'), ('renumbered', '第二条', '第三条')]

How sections are paired is in :mod:`policy_parser.compare.align`, how a pair is named in
:mod:`policy_parser.compare.classify`, the responsibility rows in
:mod:`policy_parser.compare.duties`.
"""

from __future__ import annotations

from policy_parser.compare.align import flatten, pair
from policy_parser.compare.classify import ordered_sides, section_changes
from policy_parser.compare.duties import responsibility_changes
from policy_parser.compare.frame import frame_changes
from policy_parser.compare.report import to_text
from policy_parser.compare.result import (
    ChangeKind,
    DocumentDiff,
    DutyChangeKind,
    FieldChange,
    ResponsibilityChange,
    SectionChange,
    TextEdit,
)
from policy_parser.models import Document

__all__ = [
    "DEFAULT_THRESHOLD",
    "ChangeKind",
    "DocumentDiff",
    "DutyChangeKind",
    "FieldChange",
    "ResponsibilityChange",
    "SectionChange",
    "TextEdit",
    "diff",
    "to_text",
]

# Two sections this alike are one section edited. Far above one half, so a section has at most
# one good partner and the greedy pairing is the best one; low enough for an article with one
# clause rewritten (示例单位应当在三十日内报告。→ 示例单位应当在十五日内报告并公告。is 0.84).
DEFAULT_THRESHOLD = 0.6


def diff(old: Document, new: Document, *, threshold: float = DEFAULT_THRESHOLD) -> DocumentDiff:
    """Compare two versions of a document.

    Args:
        old: The earlier version, as :func:`policy_parser.parse` returns it.
        new: The later version.
        threshold: The least similarity (0–1, :class:`difflib.SequenceMatcher` ratio of the
            heading and own text) at which two sections at different places are taken for one.

    Returns:
        A :class:`DocumentDiff`: a row per section of either version, the responsibility
        changes and the frame fields that differ. ``diff(d, d).is_empty`` is True.

    Raises:
        ValueError: ``threshold`` is not in (0, 1].
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    old_nodes, new_nodes = flatten(old), flatten(new)
    pairs = pair(old_nodes, new_nodes, threshold)
    sides = ordered_sides(old_nodes, new_nodes, pairs)
    return DocumentDiff(
        sections=section_changes(old_nodes, new_nodes, pairs, sides),
        responsibilities=responsibility_changes(sides),
        frame=frame_changes(old, new),
        threshold=threshold,
    )
