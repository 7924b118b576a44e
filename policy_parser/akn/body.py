"""The section tree as Akoma Ntoso hierarchy: ``chapter`` / ``article`` / ``paragraph`` / ``point``.

Each section becomes one element (see :mod:`policy_parser.akn.ids` for which) with its marker
in ``num``, its heading in ``heading``, and its own text in ``content`` (a leaf) or ``intro``
(before its children), one ``p`` per paragraph. The bodies the parser found in a clause are
marked where the text names them (``<organization refersTo="#org_3" class="lead">甲局``), so
that who must do what stays readable in place and points at ``meta/references``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from policy_parser.akn.ids import EIds, element_of
from policy_parser.akn.meta import Organizations
from policy_parser.akn.xml import clean, sub
from policy_parser.views import Mention, Section

__all__ = ["paragraphs", "sections"]


def _place(lines: list[str], mentions: Sequence[Mention]) -> list[list[tuple[int, Mention]]]:
    """Return, per line, where each mention's name stands in it, left to right.

    Taken in source order, each mention is looked for after the previous one: in
    ``甲局牵头，乙局、甲局配合`` the second 甲局 is the later one. A name that cannot be found
    (a shared suffix spelled out: 甲、乙局 gives 甲局) stays unmarked here and is still listed
    in ``references``.
    """
    found: list[list[tuple[int, Mention]]] = [[] for _ in lines]
    line, offset = 0, 0
    for mention in sorted(mentions, key=lambda m: m.span.start):
        for index in range(line, len(lines)):
            at = lines[index].find(mention.name, offset if index == line else 0)
            if at >= 0:
                found[index].append((at, mention))
                line, offset = index, at + len(mention.name)
                break
    return found


def paragraphs(
    parent: Any, text: str, orgs: Organizations, mentions: Sequence[Mention] = ()
) -> None:
    """Append one ``p`` per non-blank line of ``text``, marking the ``mentions`` in it.

    An empty text still gives one empty ``p``: ``content`` must hold a block.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()] or [""]
    for line, marks in zip(lines, _place(lines, mentions), strict=True):
        p = sub(parent, "p")
        last, cursor = None, 0  # the element the next run of text follows, and where it starts
        for at, mention in marks:
            _append_text(p, last, line[cursor:at])
            refers = f"#{orgs.ref(mention.name)}"
            last = sub(p, "organization", mention.name, refersTo=refers, class_=mention.role.value)
            cursor = at + len(mention.name)
        _append_text(p, last, line[cursor:])


def _append_text(p: Any, last: Any, text: str) -> None:
    # Mixed content in lxml: the text before the first child is p.text, after a child its tail.
    if last is None:
        p.text = clean(text)
    else:
        last.tail = clean(text)


def _section(
    parent: Any, section: Section, parent_eid: str, ids: EIds, orgs: Organizations
) -> None:
    kind = element_of(section)
    eid = ids.of(section, parent_eid)
    # Every body of the section's own clauses, found in its text or not (a task table's
    # 牵头单位 column, 市、区有关部门 read as 市有关部门), is referenced by the element itself.
    refs = " ".join(dict.fromkeys(f"#{orgs.ref(b.name)}" for b in section.bodies)) or None
    el = sub(parent, kind.tag, eId=eid, name=kind.name, class_=section.kind.value, refersTo=refs)
    sub(el, "num", section.marker.strip())
    if section.heading:
        sub(el, "heading", section.heading)
    if not section.children:
        paragraphs(sub(el, "content"), section.text, orgs, section.bodies)
        return
    if section.text.strip():
        paragraphs(sub(el, "intro"), section.text, orgs, section.bodies)
    for child in section.children:
        _section(el, child, eid, ids, orgs)


def sections(
    parent: Any, items: Sequence[Section], prefix: str, ids: EIds, orgs: Organizations
) -> None:
    """Append the sections ``items`` (and their descendants) to ``parent``.

    Args:
        parent: ``body`` or ``mainBody``.
        items: the top-level sections of one document.
        prefix: the ``eId`` of the attachment holding them (``att_1``), or ``""``.
        ids: the ``eId`` values handed out so far in this file.
        orgs: the organs named so far in this document.
    """
    for section in items:
        _section(parent, section, prefix, ids, orgs)
