"""The header row of a table that makes up a whole body (序号 工作事项 牵头单位 …)."""

from __future__ import annotations

import regex

from policy_parser.segment.lines import _MARKER, _Ctx, _is_ishy, _line_index
from policy_parser.table_header import TAB_HEADER

_TABLE_HEAD_GLUED = regex.compile(
    r"序号[\p{Han}\s/（）()、]{0,80}?(?=[一二三四五六七八九十]+、|[0-9０-９])"
)


def _table_header(ctx: _Ctx, pos: int, limit: int) -> tuple[int, int] | None:
    """A table header at the body start: '序号改革举措主要内容一、…' or '序号' / '工作事项' / …."""
    text = ctx.text
    if not text.startswith("序号", pos):
        return None
    i = _line_index(ctx, pos)
    ln = ctx.lines[i]
    if pos == ln.start and "\t" in ln.s and TAB_HEADER.fullmatch(ln.s):
        return pos, ln.end  # one row per line, cells separated by tabs (HTML td → tab)
    m = _TABLE_HEAD_GLUED.match(text, pos, min(limit, pos + 200))
    if m is not None and "\n" not in m.group(0):
        return pos, m.end()
    lines = ctx.lines
    if lines[i].s != "序号":
        return None
    j = i + 1
    end = lines[i].end
    while j < len(lines) and lines[j].start < limit:
        s = lines[j].s
        if s:
            if not _is_ishy(s) or len(s) > 16 or regex.match(r"^[0-9０-９]", s) or _MARKER.match(s):
                break
            end = lines[j].end
        j += 1
    return pos, end
