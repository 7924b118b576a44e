"""A full amended text appended to a 修改决定: its title, its history in brackets, its text."""

from __future__ import annotations

from policy_parser.segment.dates import _REVISION_NOTE
from policy_parser.segment.lines import _MARKER, _Ctx, _next_content
from policy_parser.segment.title import _title_like
from policy_parser.segment.toc import _TOC


def _amended_text_at(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` is the title of a full text printed after the body that amends it.

    A 修改决定 is often followed by the whole revised regulation: its title, a bracketed
    history that fills a line, then its 第一章 / 第一条 (or its 目录). That text is the
    decision's attachment, not its last section. Made up: '…重新公布。' / '甲条例' /
    '（2020年1月2日某会议通过　根据2023年5月6日某决定修正）' / '第一章　总则'.
    """
    lines = ctx.lines
    if not _title_like(lines[i].s):
        return False
    j = _next_content(ctx, i)
    if j >= len(lines) or _REVISION_NOTE.fullmatch(lines[j].s) is None:
        return False
    k = _next_content(ctx, j)
    return k < len(lines) and (
        _MARKER.match(lines[k].s) is not None or _TOC.match("".join(lines[k].s.split())) is not None
    )
