"""Reading one document from its title: header, body, close, attachments."""

from __future__ import annotations

import datetime

import regex

from policy_parser.segment.annex import _ANNEX_MARK, _ANNEX_NAMED
from policy_parser.segment.authors import _author_at, _author_block, _authors
from policy_parser.segment.body_end import _find_body_end
from policy_parser.segment.chrome import _is_chrome, _panel_issuers
from policy_parser.segment.close import _read_close
from policy_parser.segment.doc_number import _number_before
from policy_parser.segment.frame import Field, Frame
from policy_parser.segment.header import _read_header
from policy_parser.segment.issued import _issued_at, _issued_in_body, _issued_names
from policy_parser.segment.lines import (
    _MARKER,
    _TOP_MARKER,
    _compact,
    _Ctx,
    _despace,
    _inside,
    _line_index,
    _next_content,
    _skip_ws,
)
from policy_parser.segment.organs import _title_issuers
from policy_parser.segment.signature import _COPY_TO, _NOTE
from policy_parser.segment.terms import _defined_terms
from policy_parser.segment.title import _title_candidate


def _read_document(
    ctx: _Ctx,
    title: Field | None,
    number: Field | None,
    after_title: int,
    limit: int,
    depth: int,
    nested: bool = True,
    authors: tuple[str, ...] = (),
) -> tuple[Frame, int]:
    """Read one document whose title ends at ``after_title``; return it and where it ends.

    ``authors`` are organs the parent names as the authors of what it forwards; one printed
    right under the title is this document's issuer.
    """
    text = ctx.text
    body_start, num2, addressees, mdate, mspan, table_header, order_issuer = _read_header(
        ctx, after_title, limit, title.value if title is not None else ""
    )
    author, block = None, None
    if not addressees:
        body_start, author, block = _under_title(text, body_start, limit, depth, authors)
    number = number or num2
    if number is None and title is not None and depth == 0:
        number = _number_before(ctx, title.start)
    issued = _issued_names(title.value) if title is not None else []
    # A forwarded report glued after the signature ends the body too: '…请贯彻执行。国务院
    # 一九八七年三月十一日关于甲的报告', named in the body ('同意《关于甲的报告》，现转发').
    issued += _issued_in_body(ctx, (body_start, limit))
    body_end, close_at = _find_body_end(ctx, body_start, limit, issued)
    body_end = max(body_end, body_start)
    hint = _title_issuers(title.value) if title is not None else []
    close = _read_close(ctx, close_at, limit, hint)
    if close.headline is not None and title is None:
        title = close.headline
    date, date_span = (close.date, close.date_span) if close.date else (mdate, mspan)
    if date is None and block is not None and block[1] is not None:
        date, date_span = block[1], block[2]
    attachments: list[Frame] = []
    pos = max(close.end, close_at)
    if depth < 3 and nested:
        pos = _read_attachments(
            ctx, pos, limit, depth, attachments, title, close.annex_names, (body_start, body_end)
        )
    if not close.issuers:
        close.issuers.extend(_unsigned_issuers(order_issuer, author, block))
    if not close.issuers and depth == 0:
        close.issuers.extend(_panel_issuers(ctx, (body_start, body_end)))
    frame = Frame(
        title=title,
        doc_number=number,
        issuers=close.issuers,
        addressees=addressees,
        date=date,
        date_span=date_span,
        body=(body_start, body_end),
        attachments=attachments,
        defined_terms=_defined_terms(text, body_start, body_end),
        excluded=_inside(ctx.noise, body_start, body_end),
        table_header=table_header,
    )
    _claim(ctx, frame)
    return frame, pos


def _under_title(
    text: str, pos: int, limit: int, depth: int, authors: tuple[str, ...]
) -> tuple[int, Field | None, tuple[list[Field], datetime.date | None, tuple[int, int]] | None]:
    """Read what an unaddressed document prints right under its title.

    Returns where its body starts, an author line, an author block.

    An author named by the parent (``authors``: 转发《甲局关于…的报告》 names 甲局) printed under
    the title is its issuer; an attached document may print its organs and date in a block
    (甲局 乙局 （2004年10月1日）).
    """
    author = _author_at(text, pos, limit, authors)
    if author is not None:
        return _skip_ws(text, author.end, limit), author, None
    block = _author_block(text, pos, limit) if depth > 0 else None
    if block is not None:
        return _skip_ws(text, block[2][1], limit), None, block
    return pos, None, None


def _unsigned_issuers(
    order_issuer: Field | None,
    author: Field | None,
    block: tuple[list[Field], datetime.date | None, tuple[int, int]] | None,
) -> list[Field]:
    """Return the issuers of a document that signs nothing.

    An order's organ (国务院令 gives 国务院), else an author line under the title, else the
    organs of an author block.
    """
    if order_issuer is not None:
        return [order_issuer]
    if author is not None:
        return [author]
    return list(block[0]) if block is not None else []


def _claim(ctx: _Ctx, frame: Frame) -> None:
    """Record the ranges a document's frame takes, so that no later reading takes them again."""
    for f in [frame.title, frame.doc_number, *frame.issuers, *frame.addressees]:
        if f is not None:
            ctx.claimed.append((f.start, f.end))
    if frame.date_span is not None:
        ctx.claimed.append(frame.date_span)
    ctx.claimed.append(frame.body)


def _read_attachments(
    ctx: _Ctx,
    pos: int,
    limit: int,
    depth: int,
    out: list[Frame],
    parent_title: Field | None,
    annex_names: list[str],
    parent_body: tuple[int, int] = (0, 0),
) -> int:
    """Read the documents that follow a signature: '附件1' + title, or a title line."""
    text = ctx.text
    lines = ctx.lines
    issued = _issued_names(parent_title.value if parent_title else "") + annex_names
    issued += _issued_in_body(ctx, parent_body)
    authors = _authors(ctx, parent_title, parent_body)
    while True:
        p = _skip_ws(text, pos, limit)
        if p >= limit:
            return pos
        i = _line_index(ctx, p)
        ln = lines[i]
        s = text[p : ln.end]
        title: Field | None = None
        number: Field | None = None
        after = 0
        nested = True
        if _NOTE.match(s) or _COPY_TO.search(s):
            pos = ln.end
            continue
        named = _ANNEX_NAMED.match(s) if p == ln.start else None
        if named is not None:
            ctx.noise.append((ln.start, ln.end))
            j = _next_content(ctx, i)
            if j >= len(lines) or lines[j].start >= limit:
                return ln.end
            t = lines[j]
            if _ANNEX_MARK.match(t.s) or _ANNEX_NAMED.match(t.s):
                pos = ln.end  # '附录1：流程图' (a picture) right before '附录2：竞价指引'
                continue
            nested = False
            cand = _title_candidate(ctx, j)
            if cand is not None and cand.first == j:
                title, number, after = cand.title, cand.doc_number, cand.after
            else:
                name = named.group("name").strip()
                k = ln.start + named.start("name")
                title, after = Field(_despace(name), k, k + len(name)), ln.end
            frame, end = _read_document(
                ctx, title, number, after, limit, depth + 1, nested, authors
            )
            if frame.body[1] > frame.body[0] or frame.attachments:
                out.append(frame)
            if end <= pos:
                return end
            pos = end
            continue
        mark = _ANNEX_MARK.match(s)
        if mark is not None and p == ln.start:
            ctx.noise.append((ln.start, ln.end))
            j = i + 1
            while j < len(lines) and not lines[j].s:
                j += 1
            if j >= len(lines) or lines[j].start >= limit:
                return ln.end
            t = lines[j]
            nested = False  # '附件1' holds one document; '附件2' is its sibling, not its child
            if _is_chrome(t.s) or _MARKER.match(t.s) or len(t.s) > 130:
                return pos
            cand = _title_candidate(ctx, j)
            if cand is not None and cand.first == j:
                title, number, after = cand.title, cand.doc_number, cand.after
            else:
                title, after = Field(_despace(t.s), t.start, t.end), t.end
        else:
            cand = _title_candidate(ctx, i) if p == ln.start else None
            if cand is not None:
                title, number, after = cand.title, cand.doc_number, cand.after
            else:
                # Glued sources: '…（此件公开发布）附件部分地方…典型做法（共计28项）序号…'.
                gm = regex.match(
                    r"附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?\s*",
                    text[p : ln.end],
                )
                q = p + gm.end() if gm is not None else p
                hit = _issued_at(text, q, ln.end, issued)
                if hit is None and p == ln.start and _TOP_MARKER.match(s):
                    # The issued text right after the signature without its title line
                    # ('…现印发实施。' / 某某局 / date / '第一条…'): named after the notice.
                    names = issued + _issued_in_body(ctx, parent_body)
                    if names:
                        hit = Field(_compact(names[0]), p, p)
                if hit is None:
                    return pos
                sm = regex.match(r"[（(][^（）()]{1,16}[）)]", text[hit.end : hit.end + 20])
                if sm is not None:
                    t_end = hit.end + sm.end()
                    hit = Field(hit.value + text[hit.end : t_end], hit.start, t_end)
                title, after = hit, hit.end
        frame, end = _read_document(ctx, title, number, after, limit, depth + 1, nested, authors)
        if frame.body[1] <= frame.body[0] and not frame.attachments:
            return pos
        out.append(frame)
        if end <= pos:
            return end
        pos = end
