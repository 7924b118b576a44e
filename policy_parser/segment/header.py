"""What follows a title: 发文字号, metadata, 目录, 主送机关, a table header."""

from __future__ import annotations

import datetime

import regex

from policy_parser.segment.addressees import _addressee_at
from policy_parser.segment.chrome import _INFO_END, _is_chrome
from policy_parser.segment.dates import (
    _BRACKET_DATE,
    _DATE,
    _EFFECTIVE_ONLY,
    _META_PASSED,
    parse_date,
)
from policy_parser.segment.doc_number import _DOCNUM_AT, _DOCNUM_LINE
from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _compact, _Ctx, _line_index, _skip_ws
from policy_parser.segment.orders import _MEETING_ORGAN, _ORDER, _order_issuer
from policy_parser.segment.table_head import _table_header
from policy_parser.segment.toc import _TOC, _skip_toc
from policy_parser.segment.vocabulary import _ORG_END

_REVISION_NOTE = regex.compile(
    r"[（(][^（）()]{0,600}?(?:发布|修订|公布|通过|修正)[^（）()]{0,80}[）)]"
)


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
    text = ctx.text
    lines = ctx.lines
    number: Field | None = None
    addressees: list[Field] = []
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    table_header: tuple[int, int] | None = None
    order_issuer: Field | None = None
    for _ in range(40):
        pos = _skip_ws(text, pos, limit)
        if pos >= limit:
            break
        i = _line_index(ctx, pos)
        ln = lines[i]
        at_start = pos <= ln.start
        s = text[pos : ln.end]
        if at_start and (
            _is_chrome(s) or _INFO_END.match(s) or (title and _compact(s) == _compact(title))
        ):
            # Page chrome, or the title printed again (a web page heading, then the document).
            ctx.noise.append((ln.start, ln.end))
            pos = ln.end
            continue
        dn = _DOCNUM_LINE.match(s) if at_start else None
        if dn is None and number is None:
            dn = _DOCNUM_AT.match(s)
            if dn is not None and (
                dn.start() != 0 or (at_start and not _header_after(ctx, pos + dn.end(), ln.end))
            ):
                # At a line start, a number glued to what follows ('国办发〔2015〕94号各省…：')
                # only when a header part follows it, not a sentence citing it.
                dn = None
        if dn is not None and number is None:
            a = pos + dn.start(1)
            number = Field(_compact(dn.group(1)), a, pos + dn.end(1))
            pos = pos + dn.end()
            continue
        if at_start and _DATE.match(s) and _META_PASSED.search(s):
            if date is not None and _EFFECTIVE_ONLY.search(s):
                # '2021年9月1日 施行' after '2021年7月30日 …令第45号公布': the effective date
                # is not the 成文日期.
                pos = ln.end
                continue
            # '2021年11月25日 上海市第十五届人民代表大会常务委员会第三十七次会议通过'
            # '2022年6月6日 中华人民共和国国家安全部令第2号公布': the organ before 令 issues it.
            # The order number is the document's number when no 发文字号 was printed.
            dm = _DATE.match(s)
            om = _ORDER.search(text, pos + (dm.end() if dm is not None else 0), ln.end)
            if om is not None and order_issuer is None:
                order_issuer = _order_issuer(text, om)
            mm = _MEETING_ORGAN.search(text, pos, ln.end) if om is None else None
            if mm is not None and order_issuer is None and _ORG_END.search(mm.group("o")):
                order_issuer = Field(mm.group("o"), mm.start("o"), mm.end("o"))
            if om is not None and number is None:
                number = Field(_compact(om.group(0)), om.start(), om.end())
            date = parse_date(s)
            if dm is not None:
                date_span = (pos + dm.start(), pos + dm.end())
            pos = ln.end
            continue
        bd = _BRACKET_DATE.match(text, pos, min(limit, pos + 40))
        if bd is not None and date is None:
            # 成文日期 in brackets under the title or after the number: '（一九九〇年十二月五日）'.
            date = parse_date(bd.group(1))
            date_span = (bd.start(), bd.end())
            pos = bd.end()
            continue
        rv = _REVISION_NOTE.match(text, pos, min(limit, pos + 800))
        if rv is not None and at_start and rv.end() >= ln.end - 1:
            # '（1994年1月28日中华人民共和国国务院令第142号发布　根据…第四次修订）'
            ctx.noise.append((rv.start(), rv.end()))
            pos = rv.end()
            continue
        if at_start and _TOC.match(_compact(s)):
            pos = _skip_toc(ctx, i, limit)
            continue
        if not addressees:
            got = _addressee_at(ctx, pos)
            if got is not None:
                addressees, pos = got
                continue
        th = _table_header(ctx, pos, limit)
        if th is not None:
            table_header = th
            pos = th[1]
            continue
        break
    return pos, number, addressees, date, date_span, table_header, order_issuer


def _header_after(ctx: _Ctx, pos: int, end: int) -> bool:
    """Whether a header part starts at ``pos``: the line's end, 主送机关, a bracketed date."""
    pos = _skip_ws(ctx.text, pos, end)
    if pos >= end:
        return True
    return (
        _addressee_at(ctx, pos) is not None or _BRACKET_DATE.match(ctx.text, pos, end) is not None
    )
