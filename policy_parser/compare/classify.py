"""Name what became of each section once the two versions are paired (:mod:`.align`).

A paired section is ``moved`` when its place changed: its parent is not the partner of its old
parent (第八条 taken from 第二章 into 第三章), or it left the order of its siblings (old 一 二 三,
new 一 三 二: 二 moved). The siblings that keep their order are the longest increasing run of
their new positions taken in old order, so one article moved to the end is one ``moved`` row,
not a row for every article it jumped over. Otherwise it is ``renumbered`` when its own marker
counts another number (the old 第五条 is the new 第四条 after a deletion); a section whose
marker stayed but whose parent was renumbered (第四条/（一） under the new 第五条) is not: the
parent's row says it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from policy_parser.compare.align import Node
from policy_parser.compare.result import ChangeKind, SectionChange, TextEdit
from policy_parser.models.kinds import path_key

__all__ = ["Side", "ordered_sides", "section_changes"]


def _in_order(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """The old indices of a longest run of ``pairs`` (old, new) whose new indices increase."""
    ordered = sorted(pairs)
    tails: list[int] = []  # tails[k]: the smallest new index ending a run of length k + 1
    tail_at: list[int] = []  # the position in ``ordered`` of that tail
    previous = [-1] * len(ordered)
    for position, (_, new) in enumerate(ordered):
        k = bisect_left(tails, new)
        if k == len(tails):
            tails.append(new)
            tail_at.append(position)
        else:
            tails[k] = new
            tail_at[k] = position
        previous[position] = tail_at[k - 1] if k else -1
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(ordered[position][0])
        position = previous[position]
    return kept


def _moved(old: Sequence[Node], new: Sequence[Node], pairs: dict[int, int]) -> set[int]:
    """The old indices of the paired sections that changed place."""
    moved: set[int] = set()
    siblings: dict[int | str, list[tuple[int, int]]] = defaultdict(list)
    for a, b in pairs.items():
        old_parent, new_parent = old[a].parent, new[b].parent
        if isinstance(old_parent, int) and isinstance(new_parent, int):
            stayed = pairs.get(old_parent) == new_parent
        else:
            stayed = old_parent == new_parent
        if stayed:
            siblings[new_parent].append((a, b))
        else:
            moved.add(a)
    for group in siblings.values():
        kept = _in_order(group)
        moved.update(a for a, _ in group if a not in kept)
    return moved


# Edits closer than this many unchanged characters are one edit: 收养法 → 民法典 is one
# replacement, not 收养 → 民 and +典 around the 法 they share.
_EDIT_GAP = 2


def _edits(old: str, new: str) -> tuple[TextEdit, ...]:
    """The edits turning ``old`` into ``new``, near ones merged (see ``_EDIT_GAP``)."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    spans: list[list[int]] = []  # [i1, i2, j1, j2] of each merged edit
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= _EDIT_GAP:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return tuple(_edit(old[i1:i2], new[j1:j2]) for i1, i2, j1, j2 in spans)


def _edit(old: str, new: str) -> TextEdit:
    op = "replace" if old and new else "delete" if old else "insert"
    return TextEdit(op=op, old=old, new=new)


def _paired_row(a: Node, b: Node, similarity: float, moved: bool) -> SectionChange:
    text_changed = a.content != b.content
    if moved:
        kind = ChangeKind.MOVED
    elif path_key(a.section.marker) != path_key(b.section.marker):
        kind = ChangeKind.RENUMBERED
    elif text_changed:
        kind = ChangeKind.CHANGED
    else:
        kind = ChangeKind.UNCHANGED
    return SectionChange(
        kind=kind,
        old_path=a.path,
        new_path=b.path,
        old_number=a.section.number,
        new_number=b.section.number,
        heading=b.section.heading,
        similarity=round(similarity, 4) if text_changed else 1.0,
        text_changed=text_changed,
        old_span=a.section.span,
        new_span=b.section.span,
        edits=_edits(a.content, b.content) if text_changed else (),
    )


def _one_sided(node: Node, kind: ChangeKind) -> SectionChange:
    removed = kind is ChangeKind.REMOVED
    # The whole heading and text, struck out or put in: the summary shows what it said.
    if removed:
        edit = TextEdit(op="delete", old=node.content, new="")
    else:
        edit = TextEdit(op="insert", old="", new=node.content)
    return SectionChange(
        kind=kind,
        old_path=node.path if removed else None,
        new_path=None if removed else node.path,
        old_number=node.section.number if removed else None,
        new_number=None if removed else node.section.number,
        heading=node.section.heading,
        similarity=0.0,
        text_changed=True,
        old_span=node.section.span if removed else None,
        new_span=None if removed else node.section.span,
        edits=(edit,) if node.content else (),
    )


Side = tuple[Node | None, Node | None]


def ordered_sides(
    old: Sequence[Node], new: Sequence[Node], pairs: dict[int, tuple[int, float]]
) -> list[Side]:
    """(old node, new node) for every section of either version, in the new version's order.

    A removed section (new node None) comes right after the new place of the old section
    before it in pre-order; an added one has old node None.
    """
    partner = {a: b for a, (b, _) in pairs.items()}
    back = {b: a for a, b in partner.items()}
    keyed: list[tuple[tuple[int, int, int], Side]] = []
    for node in new:
        a = back.get(node.index)
        keyed.append(((node.index, 0, 0), (None if a is None else old[a], node)))
    anchor = -1
    for node in old:
        if node.index in partner:
            anchor = partner[node.index]
        else:
            keyed.append(((anchor, 1, node.index), (node, None)))
    keyed.sort(key=lambda item: item[0])
    return [side for _, side in keyed]


def section_changes(
    old: Sequence[Node],
    new: Sequence[Node],
    pairs: dict[int, tuple[int, float]],
    sides: Sequence[Side],
) -> tuple[SectionChange, ...]:
    """One row per (old, new) of ``sides`` (:func:`ordered_sides`), in that order."""
    moved = _moved(old, new, {a: b for a, (b, _) in pairs.items()})
    rows = []
    for a, b in sides:
        if a is None and b is not None:
            rows.append(_one_sided(b, ChangeKind.ADDED))
        elif b is None and a is not None:
            rows.append(_one_sided(a, ChangeKind.REMOVED))
        elif a is not None and b is not None:
            rows.append(_paired_row(a, b, pairs[a.index][1], a.index in moved))
    return tuple(rows)
