"""Quotations that run over several lines: the text they quote holds no section marker.

A 修改决定 quotes the new text of the articles it amends, and that text has markers of its
own: ``一、将第三条修改为：“第三条　主管部门负责…`` ⏎ ``“（一）制定规划；`` ⏎ ``“（二）组织实施。”``
⏎ ``二、删去第五条。`` The quotation is text of item 一、 and 二、 continues the items. Inside one
line, bracket depth already drops a quoted candidate (``lookalikes.bracket_depths``); this
module carries the quotation's state across lines, so that a line inside it is quoted text
too, whether it reopens with “ (the usual way: every paragraph reopens, only the last one
closes) or not (a quotation wrapped over lines, or a source that dropped the reopening “).

An opening “ that is never closed is a typo, not a quotation of the rest of the text: a
quotation is carried only to a ” that closes it, within :data:`MAX_BARE_LINES` lines unless
each of its lines reopens with “.
"""

from __future__ import annotations

import regex

__all__ = ["MAX_BARE_LINES", "MAX_LINES", "quoted_spans"]

OPEN, CLOSE = "“", "”"
MAX_BARE_LINES = 12  # a quotation whose lines do not reopen with “ closes within this many
MAX_LINES = 400  # one that reopens every line: a whole regulation quoted, not a whole book
_SPACE = " \t\u3000"
_QUOTE = regex.compile("[“”]")


def _depth_change(line: str, depth: int, start: int = 0) -> tuple[int, int | None]:
    """Scan ``line`` from ``start`` at quote ``depth``: the depth after it, where it hit 0."""
    closed: int | None = None
    for m in _QUOTE.finditer(line, start):
        if m.group() == OPEN:
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and closed is None:
                closed = m.end()
    return depth, closed


def _reopens(line: str) -> bool:
    """Whether a line inside a quotation reopens it: ``“（一）制定规划；``."""
    return line.lstrip(_SPACE).startswith(OPEN)


def _carry(lines: list[str], i: int, depth: int) -> tuple[int, int] | None:
    """Where the quotation left open at the end of ``lines[i]`` closes: (line, column).

    None when it does not close soon enough to be a quotation (see the module docstring).
    """
    bare = 0
    for j in range(i + 1, min(len(lines), i + 1 + MAX_LINES)):
        line = lines[j]
        start = 0
        if _reopens(line):
            start = len(line) - len(line.lstrip(_SPACE)) + 1  # the reopening “ nests nothing
        else:
            bare += 1
            if bare > MAX_BARE_LINES:
                return None
        depth, closed = _depth_change(line, depth, start)
        if closed is not None:
            return j, closed
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` quoted by a quotation opened on an earlier line.

    Each span runs from the start of the line after the quotation opens to its closing ”
    (the opening line's own quoted part is left to bracket depth). Made-up example: in
    ``一、修改为：“第三条　甲。`` ⏎ ``（一）乙。”`` ⏎ ``二、丙`` the span is ``（一）乙。”``.
    """
    lines = text.split("\n")
    if OPEN not in text:
        return []  # most texts quote nothing over a line
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int]] = []
    i, column = 0, 0
    while i < len(lines):
        if OPEN not in lines[i]:
            i, column = i + 1, 0
            continue  # most lines open no quotation
        depth, _ = _depth_change(lines[i], 0, column)
        end = _carry(lines, i, depth) if depth else None
        if end is None:
            i, column = i + 1, 0
            continue
        j, close = end
        spans.append((starts[i + 1], starts[j] + close))
        i, column = j, close  # the closing line may open the next quotation after its ”
    return spans
