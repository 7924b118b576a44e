"""What follows a title: 发文字号, metadata, 目录, 主送机关, a table header.

The header is read by trying an ordered tuple of named rules (:data:`_HEADER_RULES`) at
each position; the first rule that consumes something wins and the loop starts again,
and when no rule applies the body begins.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from policy_parser.segment.addressees import _addressee_at
from policy_parser.segment.chrome import _INFO_END, _is_chrome
from policy_parser.segment.dates import (
    _BRACKET_DATE,
    _DATE,
    _EFFECTIVE_ONLY,
    _META_PASSED,
    _REVISION_NOTE,
    parse_date,
)
from policy_parser.segment.doc_number import _DOCNUM_AT, _DOCNUM_LINE
from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _compact, _Ctx, _line_index, _skip_ws
from policy_parser.segment.orders import _MEETING_ORGAN, _ORDER, _order_issuer
from policy_parser.segment.table_head import _table_header
from policy_parser.segment.toc import _TOC, _TOC_LINE, _skip_toc
from policy_parser.segment.vocabulary import _ORG_END

_PASSED_ONCE = regex.compile(r"(?:通过|批准)\s*[）)]$")


@dataclass
class _Head:
    """The state of reading a header: where it stands and what was read so far."""

    ctx: _Ctx
    pos: int
    limit: int
    title: str
    i: int = 0  # index of the line holding ``pos``
    at_start: bool = False  # ``pos`` is at the start of its line
    s: str = ""  # the rest of the line from ``pos``
    number: Field | None = None
    addressees: list[Field] = field(default_factory=list)
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    table_header: tuple[int, int] | None = None
    order_issuer: Field | None = None


def _chrome(h: _Head) -> bool:
    """Skip page chrome, or the title printed again, as noise.

    A web page prints its own lines ('分享到：', '字号：大 中 小') or repeats the heading
    before the document, e.g. '关于做好某事的通知' printed twice: the second copy and the
    chrome lines are noise, not header parts.
    """
    ln = h.ctx.lines[h.i]
    s = h.s
    if h.at_start and (
        _is_chrome(s) or _INFO_END.match(s) or (h.title and _compact(s) == _compact(h.title))
    ):
        # Page chrome, or the title printed again (a web page heading, then the document).
        h.ctx.noise.append((ln.start, ln.end))
        h.pos = ln.end
        return True
    return False


def _doc_number(h: _Head) -> bool:
    """Read the 发文字号 on its own line, or glued to a header part that follows it.

    E.g. '某办发〔2020〕1号' alone on a line, or '某办发〔2020〕1号各区县：' where the
    addressees follow on the same line; a sentence citing a number is not one.
    """
    ctx, pos, s, at_start = h.ctx, h.pos, h.s, h.at_start
    ln = ctx.lines[h.i]
    dn = _DOCNUM_LINE.match(s) if at_start else None
    if dn is None and h.number is None:
        dn = _DOCNUM_AT.match(s)
        if dn is not None and (
            dn.start() != 0 or (at_start and not _header_after(ctx, pos + dn.end(), ln.end))
        ):
            # At a line start, a number glued to what follows ('国办发〔2015〕94号各省…：')
            # only when a header part follows it, not a sentence citing it.
            dn = None
    if dn is not None and h.number is None:
        a = pos + dn.start(1)
        h.number = Field(_compact(dn.group(1)), a, pos + dn.end(1))
        h.pos = pos + dn.end()
        return True
    return False


def _promulgation(h: _Head) -> bool:
    """Read a promulgation line: a date, then the meeting or order that passed the text.

    E.g. '2020年1月2日 某市人民代表大会常务委员会第三次会议通过' or '2020年1月2日
    某部令第3号公布': the date is the 成文日期, the organ before 令 (or the meeting's
    organ) issues it, and the order number stands for a missing 发文字号. A later
    '2020年3月1日 施行' is the effective date and is skipped.
    """
    text, pos, s = h.ctx.text, h.pos, h.s
    ln = h.ctx.lines[h.i]
    if not (h.at_start and _DATE.match(s) and _META_PASSED.search(s)):
        return False
    if h.date is not None and _EFFECTIVE_ONLY.search(s):
        # '2021年9月1日 施行' after '2021年7月30日 …令第45号公布': the effective date
        # is not the 成文日期.
        h.pos = ln.end
        return True
    # '2021年11月25日 上海市第十五届人民代表大会常务委员会第三十七次会议通过'
    # '2022年6月6日 中华人民共和国国家安全部令第2号公布': the organ before 令 issues it.
    # The order number is the document's number when no 发文字号 was printed.
    dm = _DATE.match(s)
    om = _ORDER.search(text, pos + (dm.end() if dm is not None else 0), ln.end)
    if om is not None and h.order_issuer is None:
        h.order_issuer = _order_issuer(text, om)
    mm = _MEETING_ORGAN.search(text, pos, ln.end) if om is None else None
    if mm is not None and h.order_issuer is None and _ORG_END.search(mm.group("o")):
        h.order_issuer = Field(mm.group("o"), mm.start("o"), mm.end("o"))
    if om is not None and h.number is None:
        h.number = Field(_compact(om.group(0)), om.start(), om.end())
    h.date = parse_date(s)
    if dm is not None:
        h.date_span = (pos + dm.start(), pos + dm.end())
    h.pos = ln.end
    return True


def _bracket_date(h: _Head) -> bool:
    """Read a 成文日期 in brackets under the title or after the number.

    E.g. '（二〇二〇年一月二日）' on the line after '某某办法'; only the first date counts.
    """
    bd = _BRACKET_DATE.match(h.ctx.text, h.pos, min(h.limit, h.pos + 40))
    if bd is not None and h.date is None:
        # 成文日期 in brackets under the title or after the number: '（一九九〇年十二月五日）'.
        h.date = parse_date(bd.group(1))
        h.date_span = (bd.start(), bd.end())
        h.pos = bd.end()
        return True
    return False


def _revision_note(h: _Head) -> bool:
    """Skip a bracketed revision history that fills the line, as noise.

    E.g. '（2000年1月2日某部令第1号发布 根据2010年3月4日某部令第5号修订）' under the
    title of a regulation: it tells the text's history, not its 成文日期. A note of one
    event that passed the text ('（2020年1月2日某会议通过）' under a 决定) gives the date.
    """
    ln = h.ctx.lines[h.i]
    rv = _REVISION_NOTE.match(h.ctx.text, h.pos, min(h.limit, h.pos + 800))
    if rv is not None and h.at_start and rv.end() >= ln.end - 1:
        # '（1994年1月28日中华人民共和国国务院令第142号发布　根据…第四次修订）'
        h.ctx.noise.append((rv.start(), rv.end()))
        h.pos = rv.end()
        dates = list(_DATE.finditer(h.ctx.text, rv.start(), rv.end()))
        if h.date is None and len(dates) == 1 and _PASSED_ONCE.search(rv.group(0)):
            # One event, the text passed on that day ('（2023年5月6日某会议通过）'): a
            # decision's 成文日期. A history of revisions gives none.
            h.date = parse_date(dates[0].group(0))
            h.date_span = (dates[0].start(), dates[0].end())
        return True
    return False


def _toc(h: _Head) -> bool:
    """Skip a 目录 (table of contents) printed before the body.

    E.g. '目  录' followed by '第一章 总则' and '第二章 附则' lines that repeat the
    chapter headings later printed in the body.
    """
    if h.at_start and (_TOC.match(_compact(h.s)) or _TOC_LINE.match(h.s)):
        h.pos = _skip_toc(h.ctx, h.i, h.limit)
        return True
    return False


def _addressees(h: _Head) -> bool:
    """Read the 主送机关, the organs the document is sent to, once.

    E.g. '各区县人民政府，市政府各部门：' on the line before the body.
    """
    if not h.addressees:
        got = _addressee_at(h.ctx, h.pos)
        if got is not None:
            h.addressees, h.pos = got
            return True
    return False


def _table_head(h: _Head) -> bool:
    """Read the header row of a table that makes up the body.

    E.g. '序号' / '任务' / '责任单位' on lines of their own, or glued to the first row
    ('序号任务责任单位一、…'), when a work plan is published as a table.
    """
    th = _table_header(h.ctx, h.pos, h.limit)
    if th is not None:
        h.table_header = th
        h.pos = th[1]
        return True
    return False


_HEADER_RULES: tuple[tuple[str, Callable[[_Head], bool]], ...] = (
    ("chrome", _chrome),
    ("doc_number", _doc_number),
    ("promulgation", _promulgation),
    ("bracket_date", _bracket_date),
    ("revision_note", _revision_note),
    ("toc", _toc),
    ("addressees", _addressees),
    ("table_header", _table_head),
)
"""The header rules in the order they are tried at each position."""


def _read_header(
    ctx: _Ctx, pos: int, limit: int, title: str = ""
) -> tuple[
    int,
    Field | None,
    list[Field],
    datetime.date | None,
    tuple[int, int] | None,
    tuple[int, int] | None,
    Field | None,
]:
    """Read what follows a title: 发文字号, metadata, 目录, 主送机关, a table header.

    Returns the body start and what was read.
    """
    h = _Head(ctx, pos, limit, title)
    for _ in range(40):
        h.pos = _skip_ws(ctx.text, h.pos, limit)
        if h.pos >= limit:
            break
        h.i = _line_index(ctx, h.pos)
        ln = ctx.lines[h.i]
        h.at_start = h.pos <= ln.start
        h.s = ctx.text[h.pos : ln.end]
        start = h.pos
        name = next((name for name, rule in _HEADER_RULES if rule(h)), None)
        if name is None:
            break
        ctx.claim(start, h.pos, "header:" + name)
    return h.pos, h.number, h.addressees, h.date, h.date_span, h.table_header, h.order_issuer


def _header_after(ctx: _Ctx, pos: int, end: int) -> bool:
    """Whether a header part starts at ``pos``: the line's end, 主送机关, a bracketed date."""
    pos = _skip_ws(ctx.text, pos, end)
    if pos >= end:
        return True
    return (
        _addressee_at(ctx, pos) is not None or _BRACKET_DATE.match(ctx.text, pos, end) is not None
    )
