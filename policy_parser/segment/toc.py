"""目录: a table of contents under the title, skipped up to where the body begins.

A 目录 is printed as a label line followed by one entry per line (with or without dot leaders
and page numbers: ``第一章　总则……1``, ``一、发展基础　3``, page chrome ``- 1 -``), or as one line
holding the whole table (``目录　第一章　总则　第二章　附则``). The body starts at the first
heading that repeats the first entry.
"""

from __future__ import annotations

import regex

from policy_parser.segment.chrome import _PAGE_NUMBER
from policy_parser.segment.lines import _MARKER, _compact, _Ctx, _is_ishy

_TOC = regex.compile(r"^目\s*录$")


# The label, then the table on the same line: '目录　第一章　总则　第二章　附则'.
_TOC_LINE = regex.compile(
    r"^目\s*录\s*[：:]?\s*(?=第[一二三四五六七八九十百零〇两\d]+[编章节条]|[一二三四五六七八九十]+、)"
)


# Where the second entry of a one-line table starts: its marker.
_NEXT_ENTRY = regex.compile(
    r"\s*(?:第[一二三四五六七八九十百零〇两\d]+[编章节条]|[一二三四五六七八九十]+、)"
)


# Dot leaders and a page number after an entry: '……1', ' ........ 12', '　3', '-3-'.
_LEADER_PAGE = regex.compile(r"(?:[.．…·•\-—_　 \t]*[(（\-—－]?\s*\d{1,4}\s*[)）\-—－]?)$")


_LEADERS = regex.compile(r"[.．…·•_]{2,}")


def _entry_key(s: str) -> str:
    """An entry or a heading without spaces, dot leaders or page number: '第一章总则'."""
    c = _LEADERS.sub("", _compact(s))
    if _MARKER.match(c) is not None and len(c) > 3:
        c = _LEADER_PAGE.sub("", c) or c
    return c


def _is_entry(s: str) -> bool:
    """A line of a 目录: a short heading, an entry with leaders or a page number, '- 3 -'."""
    if _PAGE_NUMBER.match(s):
        return True
    c = _compact(s)
    if _LEADERS.search(c) or (_MARKER.match(c) and _LEADER_PAGE.search(c) and len(c) < 60):
        return True
    return _is_ishy(s) and len(s) < 40


def _first_entry(ctx: _Ctx, i: int) -> tuple[str, int] | None:
    """The key of the table's first entry and the first line after it that may repeat it."""
    lines = ctx.lines
    on_line = _TOC_LINE.match(lines[i].s)
    if on_line is not None and not _TOC.match(_compact(lines[i].s)):
        rest = lines[i].s[on_line.end() :]
        # '第一章　总则　第二章　附则': the first entry runs up to the second marker.
        nxt = _NEXT_ENTRY.search(rest, 1)
        first = rest[: nxt.start()] if nxt is not None else rest
        return _entry_key(first), i + 1
    j = i + 1
    while j < len(lines) and not lines[j].s:
        j += 1
    if j >= len(lines):
        return None
    return _entry_key(lines[j].s), j + 1


def _skip_toc(ctx: _Ctx, i: int, limit: int) -> int:
    """Skip a 目录 at line ``i``: the body starts where the first entry is written again."""
    lines = ctx.lines
    start = lines[i].start
    got = _first_entry(ctx, i)
    if got is None:
        return lines[i].end
    first, k = got
    while k < len(lines) and lines[k].start < limit:
        key = _entry_key(lines[k].s) if lines[k].s else ""
        if (
            key
            and (key == first or key.startswith(first + "。"))
            and not _LEADERS.search(lines[k].s)
        ):
            ctx.noise.append((start, lines[k].start))
            return lines[k].start
        k += 1
    # No repeat found: skip the lines that read as entries of the table.
    k = i + 1
    while k < len(lines) and (not lines[k].s or _is_entry(lines[k].s)):
        k += 1
    end = lines[k].start if k < len(lines) else lines[-1].end
    ctx.noise.append((start, end))
    return end
