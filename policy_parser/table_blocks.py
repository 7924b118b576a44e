"""Task tables inside a section's text, taken out before lexing and put back as its children.

A plan's section may hold its task-division table (任务分工表) written as flattened rows, cells
separated by runs of ideographic spaces, or one cell per line::

    三、任务分工
    序号　　重点任务　　牵头单位　　配合单位　　完成时限
    1　　（一）　　市科协　　市教委　　2024年底前
    2　　建设科普场馆　　市文旅委　　　　长期坚持

Its cells look like markers to the lexer (``（一）``, ``1``), so the table is cut out of the
body first (:func:`cut_tables`), read by ``tables.table_drafts``, and its rows are given back
as children of the section it stands in (:func:`attach_tables`: 三/1, 三/2). Tables written
one row per line with tabs are left to ``transform``, which reads them inside a section; a
header whose rows do not line up as numbered tasks stays text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

import regex

from policy_parser.drafts import Draft
from policy_parser.models import Span
from policy_parser.normalize import TrackedText
from policy_parser.table_header import column_roles
from policy_parser.tables import table_drafts

__all__ = ["TableBlock", "attach_tables", "cut_tables"]

_FLAT = "\u3000\u3000"
# 序号　　重点任务　　牵头单位: at least three cells split by two or more ideographic spaces.
_FLAT_HEADER = regex.compile(r"序号(?:\u3000{2,}[^\t\n\u3000。；]{1,20}){2,15}\u3000*")
_HEADER_CELL = regex.compile(r"[^\t\n。；，0-9０-９（(一二三四五六七八九十]\S{0,15}")
# Where a one-cell-per-line table ends at the latest: the next 一、, 第X章/条 or 附件.
_AFTER_TABLE = regex.compile(r"[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章节条]|附件")
_MAX_LINES = 600


class TableBlock(NamedTuple):
    """A task table cut out of a body: where it stood in the source and its rows."""

    start: int  # source offsets of the header's start and the last row's end
    end: int
    drafts: list[Draft]


class _Line(NamedTuple):
    text: str  # stripped
    start: int  # offsets into the body text of the stripped line
    end: int


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        out.append(_Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def _flat_table(body: TrackedText, lines: list[_Line], i: int) -> tuple[int, list[Draft]] | None:
    """A flattened table whose header is line ``i``: the index after it and its rows."""
    j = i + 1
    while j < len(lines) and (not lines[j].text or _FLAT in lines[j].text):
        j += 1
    while j > i + 1 and not lines[j - 1].text:
        j -= 1
    if j == i + 1:
        return None
    header = [lines[i].text]
    drafts = table_drafts(body.slice(lines[i + 1].start, lines[j - 1].end), header, sep=_FLAT)
    return (j, drafts) if drafts else None


def _cell_header(lines: list[_Line], i: int) -> int:
    """The index after a one-cell-per-line header opening at line ``i`` (序号), or ``i``."""
    j = i + 1
    while j < len(lines) and _HEADER_CELL.fullmatch(lines[j].text):
        j += 1
    cells = [line.text for line in lines[i:j]]
    return j if len(cells) >= 3 and column_roles(cells) else i


def _cell_table(body: TrackedText, lines: list[_Line], i: int) -> tuple[int, list[Draft]] | None:
    """A one-cell-per-line table whose header opens at line ``i``: the index after it, rows.

    The table ends where its cells stop lining up as numbered tasks: the longest run of
    lines (up to the next 一、 or 附件) that does is the table.
    """
    first = _cell_header(lines, i)
    if first == i:
        return None
    header = [line.text for line in lines[i:first]]
    last = first
    while last < min(len(lines), first + _MAX_LINES) and not _AFTER_TABLE.match(lines[last].text):
        last += 1
    for end in range(last, first + len(header) - 1, -1):
        if not lines[end - 1].text:
            continue
        drafts = table_drafts(body.slice(lines[first].start, lines[end - 1].end), header)
        if drafts:
            return end, drafts
    return None


def cut_tables(body: TrackedText) -> tuple[TrackedText, list[TableBlock]]:
    """Take the flattened and one-cell-per-line task tables out of a body.

    Returns:
        The body without them and the tables, in order; the body unchanged when it has none.
    """
    text = body.text
    if "序号" not in text:  # most bodies hold no table: one scan
        return body, []
    lines = _lines(text)
    blocks: list[TableBlock] = []
    kept: list[TrackedText] = []
    at = 0
    i = 0
    while i < len(lines):
        line = lines[i].text
        found = None
        if line.startswith("序号"):
            if _FLAT_HEADER.fullmatch(line):
                found = _flat_table(body, lines, i)
            elif line == "序号":
                found = _cell_table(body, lines, i)
        if found is None:
            i += 1
            continue
        j, drafts = found
        start, _ = body.source_span(lines[i].start, lines[i].end)
        _, end = body.source_span(lines[j - 1].start, lines[j - 1].end)
        blocks.append(TableBlock(start, end, drafts))
        kept.append(body.slice(at, lines[i].start))
        at = lines[j - 1].end
        i = j
    if not blocks:
        return body, []
    kept.append(body.slice(at, len(text)))
    return TrackedText.join(kept), blocks


def _repath(rows: list[Draft], parent: Draft) -> list[Draft]:
    return [replace(d, level=parent.level + 1, path=f"{parent.path}/{d.number}") for d in rows]


def _attach(drafts: list[Draft], block: TableBlock) -> list[Draft] | None:
    """``drafts`` with the block's rows under the last section opening before it, or None."""
    i = max((k for k, d in enumerate(drafts) if d.span.start < block.start), default=None)
    if i is None:
        return None
    parent = drafts[i]
    inner = _attach(list(parent.children), block)
    if inner is None:
        rows = _repath(block.drafts, parent)
        inner = sorted([*parent.children, *rows], key=lambda d: d.span.start)
    span = Span(start=parent.span.start, end=max(parent.span.end, block.end))
    return [*drafts[:i], replace(parent, children=tuple(inner), span=span), *drafts[i + 1 :]]


def attach_tables(drafts: list[Draft], blocks: list[TableBlock]) -> list[Draft]:
    """Give each cut table's rows back as children of the section it stood in.

    A table before any section stands at the top level, its rows numbered 1, 2 ….
    """
    for block in blocks:
        attached = _attach(drafts, block)
        drafts = attached if attached is not None else [*block.drafts, *drafts]
    return drafts
