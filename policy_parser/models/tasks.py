"""Which section of a plan a task-table row or a listed task is the work of.

A plan often ends with a 任务分工表, or an attachment lists its tasks again, each with its
牵头单位 and 完成时限. A row names the section whose work it divides, by its number or by its
heading::

    二、重点任务
    （三）加强科普人才培养。……
    附件：任务分工表
    序号⇥重点任务⇥牵头单位
    1⇥（三）⇥市科协                   ← by number: the section marked （三）
    2⇥加强科普人才培养⇥市教委          ← by heading: the section headed 加强科普人才培养

:func:`task_paths` maps each such row to the path of the section it names; the
responsibility table (``Document.responsibilities``) reports it as ``task_path``.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from policy_parser.models.kinds import MarkerKind, path_key
from policy_parser.models.sections import Section

__all__ = ["task_paths"]

# A task cell opening with a section's marker: （三）, (3), 三、, 3. 3． 3、
_MARKER = regex.compile(
    r"\s*(?P<m>[（(][一二三四五六七八九十百零〇0-9０-９]{1,4}[）)]|[一二三四五六七八九十百]{1,4}、"
    r"|[0-9０-９]{1,3}(?:[.．、](?![0-9０-９])))\s*"
)
_PUNCT = regex.compile(r"[\s。；;，,：:！!（）()“”\"]+")
_MIN_PREFIX = 4  # a shorter shared opening (加强, 推进) says nothing


def _plain(text: str) -> str:
    """A heading as compared, without spaces or punctuation: '加强人才培养。' → '加强人才培养'."""
    return _PUNCT.sub("", text)


def _task_text(section: Section) -> str:
    """What a row says its task is: its heading, else its first clause (the task cell)."""
    if section.heading:
        return section.heading
    if section.clauses:
        return section.clauses[0].text
    return section.text


def _by_heading(task: str, targets: list[tuple[str, Section]]) -> str | None:
    """The target headed as the task is written, exactly, else as its opening or extension."""
    want = _plain(task)
    if len(want) < 2:
        return None
    headed = [(p, _plain(s.heading)) for p, s in targets if s.heading]
    for path, heading in headed:
        if heading == want:
            return path
    if len(want) < _MIN_PREFIX:
        return None
    for path, heading in headed:
        if len(heading) >= _MIN_PREFIX and (heading.startswith(want) or want.startswith(heading)):
            return path
    return None


def _by_number(task: str, targets: list[tuple[str, Section]]) -> str | None:
    """The target whose marker the task cell opens with; its heading decides among several."""
    m = _MARKER.match(task)
    if m is None:
        return None
    key = path_key(m["m"]).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    marked = [(p, s) for p, s in targets if path_key(s.marker) == key]
    if len(marked) > 1 and task[m.end() :].strip():
        named = _by_heading(task[m.end() :], marked)
        if named is not None:
            return named
    return marked[0][0] if marked else None


def task_paths(
    sections: Iterable[tuple[str, Section]], listed: Iterable[tuple[str, Section]]
) -> dict[str, str]:
    """Map the path of each task row to the path of the section it names.

    Args:
        sections: Every (full path, section) of the document tree, attachments included.
        listed: The (full path, section) pairs that list tasks of other sections: task-table
            rows and the sections of attachments other than the plan itself.

    Returns:
        ``{row path: named section path}`` for the rows that name a section; a row names
        one by the marker its task cell opens with (``（三）``, ``3.``), else by a heading
        written the same (spaces and punctuation aside) or opening the same way; a listed
        task that is no table row, last, by its own marker (（三） names the plan's （三）).
    """
    listed = list(listed)
    rows = {p for p, _ in listed}
    targets = [(p, s) for p, s in sections if s.kind is not MarkerKind.TABLE_ROW and p not in rows]
    out: dict[str, str] = {}
    for path, section in listed:
        # A row never names the section it stands in (二/1 under 二、重点任务).
        others = [(p, s) for p, s in targets if p != path and not path.startswith(p + "/")]
        task = _task_text(section)
        named = _by_number(task, others) or _by_heading(task, others)
        if named is None and section.kind is not MarkerKind.TABLE_ROW:
            # A task list written with the plan's own markers: （三）落实… names （三）.
            named = _by_number(section.marker, others)
        if named is not None:
            out[path] = named
    return out
