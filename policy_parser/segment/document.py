"""Reading one document from its title: header, body, close, attachments."""

from __future__ import annotations

import datetime

from policy_parser.segment.authors import _author_at, _author_block, _authors
from policy_parser.segment.body_end import _find_body_end
from policy_parser.segment.chrome import _panel_issuers
from policy_parser.segment.close import _read_close
from policy_parser.segment.doc_number import _number_before
from policy_parser.segment.formulas import _formula_tail
from policy_parser.segment.frame import Field, Frame
from policy_parser.segment.header import _read_header
from policy_parser.segment.issued import _issued_in_body, _issued_names
from policy_parser.segment.lines import (
    _Ctx,
    _inside,
    _line_index,
    _skip_ws,
)
from policy_parser.segment.openers import _Attaching, _attachment_step, _Step
from policy_parser.segment.organs import _title_issuers
from policy_parser.segment.own_annexes import _APPENDIX_LABEL, _Own, _own_annexes
from policy_parser.segment.terms import _defined_terms


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
    body_start, num2, addressees, mdate, mspan, table_header, order_issuer = _read_header(
        ctx, after_title, limit, title.value if title is not None else ""
    )
    author, block = None, None
    if not addressees:
        body_start, author, block = _under_title(ctx, body_start, limit, depth, authors)
    number = number or num2
    if number is None and title is not None and depth == 0:
        number = _number_above(ctx, title)
    body_end, close_at, formula = _body_range(ctx, title, body_start, limit)
    hint = _title_issuers(title.value) if title is not None else []
    close = _read_close(ctx, close_at, limit, hint)
    if close.headline is not None and title is None:
        title = close.headline
    date, date_span = (close.date, close.date_span) if close.date else (mdate, mspan)
    if date is None and block is not None and block[1] is not None:
        date, date_span = block[1], block[2]
    attachments: list[Frame] = []
    pos = max(close.end, close_at)
    own = _Own() if nested else _own_annexes(ctx, title, close.annex_names)
    if depth < 3 and own is not None:
        body = (body_start, body_end)
        pos = _read_attachments(
            ctx, pos, limit, depth, attachments, title, close.annex_names, body, own
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
        defined_terms=_defined_terms(ctx.text, body_start, body_end),
        excluded=_inside(ctx.noise, body_start, body_end),
        table_header=table_header,
        formula=formula or close.formula,
    )
    _claim(ctx, frame)
    return frame, pos


def _number_above(ctx: _Ctx, title: Field) -> Field | None:
    """Return the 发文字号 printed above a top document's title, and claim its line."""
    number = _number_before(ctx, title.start)
    if number is not None:
        line_start = ctx.lines[_line_index(ctx, number.start)].start
        ctx.claim(line_start, number.end, "doc_number:number_before")
    return number


def _body_range(
    ctx: _Ctx, title: Field | None, start: int, limit: int
) -> tuple[int, int, Field | None]:
    """Return where a body starting at ``start`` ends, where what closes it begins, the formula.

    The documents the notice issues end it too: a title 关于印发《甲办法》的通知 names 甲办法, and a
    forwarded report glued after the signature (``…请贯彻执行。乙局 2001年1月1日关于丙的报告``)
    is named in the body (``同意《关于丙的报告》，现转发``). A closing formula ending the last
    line (``…认真落实。特此通知。``) is cut off.
    """
    issued = _issued_names(title.value) if title is not None else []
    issued += _issued_in_body(ctx, (start, limit))
    end, close_at = _find_body_end(ctx, start, limit, issued)
    # '…请认真落实。特此通知。': the closing formula ends the last line but is no body text.
    cut = _formula_tail(ctx.text, start, end)
    formula = None
    if cut < end:
        ctx.noise.append((cut, end))
        formula = Field(ctx.text[cut:end].strip(), cut, end)
        end = cut
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
    return max(end, start), close_at, formula


def _under_title(
    ctx: _Ctx, pos: int, limit: int, depth: int, authors: tuple[str, ...]
) -> tuple[int, Field | None, tuple[list[Field], datetime.date | None, tuple[int, int]] | None]:
    """Read what an unaddressed document prints right under its title.

    Returns where its body starts, an author line, an author block.

    An author named by the parent (``authors``: 转发《甲局关于…的报告》 names 甲局) printed under
    the title is its issuer; an attached document may print its organs and date in a block
    (甲局 乙局 （2004年10月1日）).
    """
    text = ctx.text
    author = _author_at(text, pos, limit, authors)
    if author is not None:
        ctx.claim(pos, author.end, "authors:author_at")
        return _skip_ws(text, author.end, limit), author, None
    block = _author_block(text, pos, limit) if depth > 0 else None
    if block is not None:
        ctx.claim(pos, block[2][1], "authors:author_block")
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
    own: _Own | None = None,
) -> int:
    """Read the documents that follow a signature: '附件1' + title, or a title line."""
    issued = _issued_names(parent_title.value if parent_title else "") + annex_names
    issued += _issued_in_body(ctx, parent_body)
    authors = _authors(ctx, parent_title, parent_body)
    at = _Attaching(ctx, limit, issued, parent_body)
    own = own or _Own()
    while True:
        p = _skip_ws(ctx.text, pos, limit)
        if p >= limit or (own.count is not None and len(out) >= own.count):
            return pos
        if own.appendix_only and not _APPENDIX_LABEL.match(ctx.text, p, min(limit, p + 4)):
            return pos
        step = _attachment_step(at, pos, p, _line_index(ctx, p))
        if step.stop is not None:
            ctx.claim(p, step.stop, step.rule)
            return step.stop
        if step.skip is not None:
            ctx.claim(p, step.skip, step.rule)
            pos = step.skip
            continue
        mark = ctx.mark()
        _claim_opening(ctx, p, step)
        frame, end = _read_document(
            ctx, step.title, step.number, step.after, limit, depth + 1, step.nested, authors
        )
        if frame.body[1] > frame.body[0] or frame.attachments:
            out.append(frame)
        elif not step.named:
            ctx.rollback(mark)  # (no attachment after all: nothing was claimed for one)
            return pos
        if end <= pos:
            return end
        pos = end


def _claim_opening(ctx: _Ctx, p: int, step: _Step) -> None:
    """Record what an opener took from ``p``: its label line, then the title's lines.

    Made up: '附件2' is claimed by ``openers:open_bare_label`` and the title line '甲县乙办法'
    under it by the title rule that read it (``title:title_like``).
    """
    if step.title is None:
        return
    first = max(p, ctx.lines[_line_index(ctx, step.title.start)].start)
    ctx.claim(p, first, step.rule)
    ctx.claim(first, step.after, step.title_rule or step.rule)
