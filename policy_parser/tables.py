"""Task tables (任务分工表) written one cell per line or one row per line, rebuilt into sections.

A web page or a Word file turned into text gives a table as its cells, one per line, header
first::

    序号 / 工作事项 / 主要内容 / 牵头单位 / 配合单位 / 市卫健委内牵头处室 / 市卫健委内配合处室
    1 / 有序扩大家庭医生来源。 / 现阶段家庭医生包括… / 各区政府 / 市卫生健康委 / 基层处 / 医政处
    根据服务人口… / 各区政府 / 市卫生健康委、市人社局 / 人事处 / 基层处     ← same task, next row
    2 / 不断优化签约服务团队。 / …

A task spans several rows (its 序号 and 工作事项 cells are merged), so a continuation row has
fewer cells; an empty cell is written ``/``. This stage finds how many leading columns are
merged from where the next task number falls, and turns each task into a section: the 序号 is
its marker, the 工作事项 its heading, each 主要内容 cell a row whose role cells are its
牵头单位 (lead) and 配合单位 (cooperate) cells (``table_header.column_roles``). This stage reads
no body: ``duties`` turns each row into a clause and reads the bodies in its role cells, and
only when bodies are asked for.

A table taken from HTML with ``td`` → tab and ``tr`` → newline gives one row per line::

    序号⇥重点任务⇥牵头单位⇥配合单位
    1⇥优化企业开办服务⇥市市场监管局⇥市税务局、市公安局
    根据…⇥各区政府⇥市人社局        ← same task: its merged leading cells are missing

Row boundaries are known there, so empty cells are kept and a continuation row is aligned to
the right. Without a 主要内容 column (``序号/重点任务/牵头单位/配合单位``) the task cell is the
clause and the section has no heading.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from policy_parser.drafts import Draft, RoleCell, TableRow
from policy_parser.models import MarkerKind, Role, Span
from policy_parser.normalize import TrackedText
from policy_parser.numerals import to_int
from policy_parser.table_header import column_roles

__all__ = ["table_drafts"]

_NUMBER = regex.compile(r"[0-9]{1,3}")
# A 序号 cell written as a marker: （一） 一、 (1) 1. — the number inside it.
_MARKED_NUMBER = regex.compile(r"[（(]?([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[）)]?[、.．]?")


def _task_number(text: str) -> int | None:
    """The task number a 序号 cell holds: ``3``, or written as a marker, ``（三）`` / ``三、``."""
    if _NUMBER.fullmatch(text):
        return int(text)
    m = _MARKED_NUMBER.fullmatch(text)
    return to_int(m.group(1)) if m is not None and m.group(0) != m.group(1) else None


_ITEM = regex.compile(r"事项|任务|措施|工作|举措")
_CONTENT = regex.compile(r"内容|措施|要求|具体")
_END_STOP = "。；;"
_DEADLINE_HEAD = regex.compile(r"时限|时间|期限|进度|节点")
_ROLE_HEAD = regex.compile(r"牵头|配合|责任|负责|参与|协助|单位|部门|时限|时间|期限|备注")


class _Cell(NamedTuple):
    text: str
    start: int  # offsets into the body text
    end: int


def _cells(body: str) -> list[_Cell]:
    """The cells of a one-cell-per-line table with their offsets; blank lines are no cells."""
    out: list[_Cell] = []
    pos = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(_Cell(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _rows(cells: list[_Cell], width: int, merged: int) -> list[list[list[_Cell]]] | None:
    """Group cells into tasks, each a list of rows; None if the numbering does not line up."""
    tasks: list[list[list[_Cell]]] = []
    i, expected = 0, 1
    while i < len(cells):
        if cells[i].text != str(expected) or i + width > len(cells):
            return None
        rows = [cells[i : i + width]]
        i += width
        while i < len(cells) and cells[i].text != str(expected + 1):
            row = cells[i : i + width - merged]
            if len(row) < width - merged or any(c.text == str(expected + 1) for c in row):
                return None  # the next task's number inside a row: the count is wrong
            rows.append(row)
            i += width - merged
        tasks.append(rows)
        expected += 1
    return tasks or None


def _tab_rows(body: str, width: int, sep: str = "\t") -> list[list[list[_Cell]]] | None:
    """Group rows (one per line, cells split by ``sep``) into tasks; None if they do not line up.

    A row opens task N when its first cell is N; any other row continues the current task, its
    missing leading cells being the task's merged cells. A line without a ``sep`` continues the
    last cell of the row before it (a cell holding several paragraphs). ``sep`` is a tab
    (HTML td → tab) or two ideographic spaces (a flattened row: 1　　建设平台　　市科协).
    """
    tasks: list[list[list[_Cell]]] = []
    pos = 0
    expected = 1
    for line in body.split("\n"):
        at = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        row: list[_Cell] = []
        off = at
        if sep != "\t":  # 　　1　　建设平台: an indent is no empty first cell
            lead = len(line) - len(line.lstrip(" \u3000"))
            off, line = at + lead, line[lead:]
        for piece in line.split(sep):
            stripped = piece.strip()
            lead = len(piece) - len(piece.lstrip())
            a = off + lead if stripped else off
            row.append(_Cell(stripped, a, a + len(stripped)))
            off += len(piece) + len(sep)
        while len(row) > 1 and not row[-1].text and len(row) > width:
            row.pop()  # a trailing tab
        if len(row) > width:
            return None
        if _task_number(row[0].text) == expected and len(row) >= width - 1:
            row += [_Cell("", row[-1].end, row[-1].end)] * (width - len(row))
            tasks.append([row])
            expected += 1
            continue
        if not tasks:
            return None
        if len(row) == 1:
            last = tasks[-1][-1]
            k = max((i for i, c in enumerate(last) if c.text), default=len(last) - 1)
            cell = last[k]
            last[k] = _Cell(body[cell.start : row[0].end], cell.start, row[0].end)
            continue
        if _task_number(row[0].text) is not None and len(row) >= width - 1:
            return None  # a task number out of order
        tasks[-1].append(row)
    return tasks or None


def _tasks(body: str, width: int, sep: str | None) -> list[list[list[_Cell]]] | None:
    """Group a table body into tasks, each a list of rows; None if it is no numbered table."""
    if sep is not None:
        return _tab_rows(body, width, sep)
    if "\t" in body:
        return _tab_rows(body, width)
    cells = _cells(body)
    # Fewest merged columns first: every count lines up when continuation rows are one cell
    # long, so the first count whose rows meet each next task number is the table's.
    for merged in range(1, width - 1):
        tasks = _rows(cells, width, merged)
        if tasks is not None:
            return tasks
    return None


def _columns(header: list[str]) -> tuple[int | None, int]:
    """Return the heading column (工作事项) or None, and the task column (主要内容)."""
    width = len(header)
    item_col = 1 if width > 3 and _ITEM.search(header[1]) else None
    content_col = next((i for i, h in enumerate(header) if i and _CONTENT.search(h)), None)
    if content_col is None:
        # No 主要内容 column: the first column that is not a role, a date or a note holds the
        # task itself (序号/重点任务/牵头单位/配合单位), which is then the text, not a heading.
        content_col = next(
            (i for i, h in enumerate(header) if i and not _ROLE_HEAD.search(h)), min(2, width - 1)
        )
        if content_col == item_col:
            item_col = None
    return item_col, content_col


class _Columns(NamedTuple):
    """Which column of a task table holds what."""

    item: int | None  # 工作事项: the task's heading
    content: int  # 主要内容: the task, a clause per row
    roles: list[tuple[int, Role]]  # 牵头单位, 配合单位 …
    deadline: int | None  # 完成时限


def table_drafts(
    body: TrackedText, header: list[str], prefix: str = "", sep: str | None = None
) -> list[Draft] | None:
    r"""Rebuild a one-cell-per-line task table into section drafts, or None if it is not one.

    Args:
        body: The table's cells after the header, one per line.
        header: The column names, in order (序号, 工作事项, 主要内容, 牵头单位, …).
        prefix: The path of the enclosing section, if any.
        sep: What separates the cells of a row written on one line (``"\t"``, ``"　　"``);
            None: tabs where the body has any, else one cell per line.

    Returns:
        One draft per task, with its rows (task cell and role cells); None when the cells do
        not line up as numbered tasks under this header.
    """
    header = [c.strip() for h in header for c in h.split(sep or "\t") if c.strip()]
    if len(header) < 3 or "序号" not in header[0]:
        return None
    tasks = _tasks(body.text, len(header), sep)
    if tasks is None:
        return None
    item_col, content_col = _columns(header)
    roles = sorted(column_roles(header).items())
    due = next((i for i, h in enumerate(header) if i and _DEADLINE_HEAD.search(h)), None)
    columns = _Columns(item_col, content_col, roles, due)
    return [_draft(body, rows, columns, prefix) for rows in tasks]


def _draft(
    body: TrackedText,
    rows: list[list[_Cell]],
    columns: _Columns,
    prefix: str,
) -> Draft:
    """One task as a draft: its 序号 the marker, its 工作事项 the heading, its rows."""
    first = rows[0]
    width = len(first)  # a task's first row has every column (_rows, _tab_rows)
    number = _task_number(first[0].text)
    assert number is not None  # (a task opens where its number is read: _rows, _tab_rows)
    item_col, content_col, roles = columns.item, columns.content, columns.roles
    heading = first[item_col].text.rstrip(_END_STOP) if item_col is not None else None
    padded = [rows[0]] + [[*first[: width - len(r)], *r] for r in rows[1:]]
    table_rows: list[TableRow] = []
    for row in padded:
        content = row[content_col] if content_col < len(row) else row[-1]
        if not content.text:
            continue  # an empty content cell (tab tables keep empty cells)
        role_cells = tuple(
            RoleCell(role, body.slice(row[column].start, row[column].end))
            for column, role in roles
            if column < len(row) and row[column].text  # an empty cell names nobody
        )
        due = columns.deadline
        deadline = None
        if due is not None and due < len(row) and row[due].text:
            deadline = body.slice(row[due].start, row[due].end)
        table_rows.append(TableRow(body.slice(content.start, content.end), role_cells, deadline))
    marker = first[0]
    start, _ = body.source_span(marker.start, marker.end)
    last = max((c for r in rows for c in r if c.text), key=lambda c: c.end)
    _, end = body.source_span(last.start, last.end)
    return Draft(
        level=1,
        marker=marker.text,
        kind=MarkerKind.TABLE_ROW,
        number=number,
        heading=heading,
        span=Span(start=start, end=end),
        path=f"{prefix}/{number}" if prefix else str(number),
        own=TrackedText.join([r.content for r in table_rows]),
        run_in=None,
        children=(),
        rows=tuple(table_rows),
    )
