"""Reading one document from its title: header, body, close, attachments."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import regex

from policy_parser.segment.annex import _ANNEX_MARK, _ANNEX_NAMED, _ANNEX_NUMBER
from policy_parser.segment.authors import _author_at, _author_block, _authors
from policy_parser.segment.body_end import _find_body_end
from policy_parser.segment.chrome import _is_chrome, _panel_issuers
from policy_parser.segment.close import _read_close
from policy_parser.segment.doc_number import _number_before
from policy_parser.segment.formulas import _formula_tail
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
from policy_parser.segment.own_annexes import _APPENDIX_LABEL, _Own, _own_annexes
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
    body_end, close_at = _body_range(ctx, title, body_start, limit)
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
        defined_terms=_defined_terms(text, body_start, body_end),
        excluded=_inside(ctx.noise, body_start, body_end),
        table_header=table_header,
    )
    _claim(ctx, frame)
    return frame, pos


def _body_range(ctx: _Ctx, title: Field | None, start: int, limit: int) -> tuple[int, int]:
    """Return where a body starting at ``start`` ends and where what closes it begins.

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
    if cut < end:
        ctx.noise.append((cut, end))
        end = cut
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
    return max(end, start), close_at


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
            return step.stop
        if step.skip is not None:
            pos = step.skip
            continue
        frame, end = _read_document(
            ctx, step.title, step.number, step.after, limit, depth + 1, step.nested, authors
        )
        if frame.body[1] > frame.body[0] or frame.attachments:
            out.append(frame)
        elif not step.named:
            return pos
        if end <= pos:
            return end
        pos = end


@dataclass
class _Attaching:
    """What every attachment opener reads against: the parent's names and body, the limit."""

    ctx: _Ctx
    limit: int
    issued: list[str]
    parent_body: tuple[int, int]


@dataclass
class _Step:
    """What an opener found: stop at ``stop``, skip to ``skip``, or read a document.

    A ``named`` one ('附件1：名称') that turns out empty does not end the attachments.
    """

    stop: int | None = None
    skip: int | None = None
    title: Field | None = None
    number: Field | None = None
    after: int = 0
    nested: bool = True
    named: bool = False


def _attachment_step(at: _Attaching, pos: int, p: int, i: int) -> _Step:
    """Decide what the text from ``p`` (on line ``i``) does after a signature.

    A note ('（此件公开发布）') or a copy-to line ('抄送：甲局') is skipped; otherwise the first
    of the attachment openers that recognises the line decides. Made up: '附件1：甲表' opens a
    document named 甲表, '附件' alone opens one titled by the next line.
    """
    ln = at.ctx.lines[i]
    s = at.ctx.text[p : ln.end]
    if _NOTE.match(s) or _COPY_TO.search(s):
        return _Step(skip=ln.end)
    for opener in _OPENERS:
        step = opener(at, pos, p, i)
        if step is not None:
            return step
    return _Step(stop=pos)  # (the glued opener always answers)


def _open_named_label(at: _Attaching, pos: int, p: int, i: int) -> _Step | None:
    """A label that names its attachment at a line start: '附件1：名称'.

    The title is the next line's when a title starts there, else the label's name; a label
    right before another label (a picture's caption) is skipped. Made up: '附件2：甲市乙表'
    then '甲市乙表' gives that title; '附录1：流程图' then '附录2：…' skips the first.
    """
    ctx, lines = at.ctx, at.ctx.lines
    ln = lines[i]
    named = _ANNEX_NAMED.match(ctx.text[p : ln.end]) if p == ln.start else None
    if named is None:
        return None
    ctx.noise.append((ln.start, ln.end))
    j = _next_content(ctx, i)
    if j >= len(lines) or lines[j].start >= at.limit:
        return _Step(stop=ln.end)
    t = lines[j]
    if _ANNEX_MARK.match(t.s) or _ANNEX_NAMED.match(t.s):
        return _Step(skip=ln.end)  # '附录1：流程图' (a picture) right before '附录2：竞价指引'
    cand = _title_candidate(ctx, j)
    if cand is not None and cand.first == j:
        return _Step(
            title=cand.title, number=cand.doc_number, after=cand.after, nested=False, named=True
        )
    name = named.group("name").strip()
    k = ln.start + named.start("name")
    title = Field(_despace(name), k, k + len(name))
    return _Step(title=title, after=ln.end, nested=False, named=True)


def _open_bare_label(at: _Attaching, pos: int, p: int, i: int) -> _Step | None:
    """A bare label at a line start ('附件', '附件2') whose next non-blank line is the title.

    The label may follow the notice's 发文字号 ('甲发〔2023〕1号附件') or have its number on the
    next line ('附件' / '1'). Chrome, a section marker or a paragraph after the label ends
    the attachments. Made up:
    '附件2' then '甲县乙办法' gives the title '甲县乙办法'; '附件' then '一、总则' stops.
    """
    ctx, lines = at.ctx, at.ctx.lines
    ln = lines[i]
    mark = _ANNEX_MARK.match(ctx.text[p : ln.end])
    if mark is None or p != ln.start:
        return None
    ctx.noise.append((ln.start, ln.end))
    j = _next_content(ctx, i)
    if j < len(lines) and _ANNEX_NUMBER.match(lines[j].s) and mark.group(1) is None:
        ctx.noise.append((lines[j].start, lines[j].end))  # '附件' / '1': the label's number
        j = _next_content(ctx, j)
    if j >= len(lines) or lines[j].start >= at.limit:
        return _Step(stop=ln.end)
    t = lines[j]
    # (nested=False: '附件1' holds one document; '附件2' is its sibling, not its child.)
    if _is_chrome(t.s) or _MARKER.match(t.s) or len(t.s) > 130:
        return _Step(stop=pos)
    cand = _title_candidate(ctx, j)
    if cand is not None and cand.first == j:
        return _Step(title=cand.title, number=cand.doc_number, after=cand.after, nested=False)
    return _Step(title=Field(_despace(t.s), t.start, t.end), after=t.end, nested=False)


def _open_issued_title(at: _Attaching, pos: int, p: int, i: int) -> _Step | None:
    """A title line that repeats the name the notice issues, also wrapped over lines.

    A notice that issues a plan without a 附件 label (现将《甲市乙方案（2023—2025年）》印发给你们)
    prints the plan's title after its signature and date; the title may be wrapped and its
    bracket set on a line of its own. Made up: '甲市乙方案' / '（2023—2025年）' after that
    preamble gives the title '甲市乙方案（2023—2025年）'.
    """
    lines = at.ctx.lines
    if p != lines[i].start or not at.issued:
        return None
    wanted = {c for c in map(_compact, at.issued) if c}
    got, j = "", i
    for _ in range(3):
        got += _compact(lines[j].s)
        if got in wanted:
            title = Field(got, lines[i].start, lines[j].end)
            return _Step(title=title, after=lines[j].end)
        j = _next_content(at.ctx, j)
        if (
            j >= len(lines)
            or lines[j].start >= at.limit
            or not any(w.startswith(got) for w in wanted)
        ):
            return None
    return None


def _open_title_line(at: _Attaching, pos: int, p: int, i: int) -> _Step | None:
    """A title right at a line start, with no label: '甲局关于乙的通知' after a signature."""
    ln = at.ctx.lines[i]
    cand = _title_candidate(at.ctx, i) if p == ln.start else None
    if cand is None:
        return None
    return _Step(title=cand.title, number=cand.doc_number, after=cand.after)


def _open_glued_issued(at: _Attaching, pos: int, p: int, i: int) -> _Step | None:
    """A document the parent issues, named where it starts in glued text, else a stop.

    One-line sources run the label and the name on ('…（此件公开发布）附件甲典型做法（共计2项）');
    a section marker right after the signature starts the issued text without a title line,
    named after the notice. Made up: after '关于印发《甲办法》的通知', '附件甲办法第一条…' gives
    '甲办法'.
    """
    ctx, text = at.ctx, at.ctx.text
    ln = ctx.lines[i]
    s = text[p : ln.end]
    # Glued sources: '…（此件公开发布）附件部分地方…典型做法（共计28项）序号…'.
    gm = regex.match(
        r"附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?\s*",
        text[p : ln.end],
    )
    q = p + gm.end() if gm is not None else p
    hit = _issued_at(text, q, ln.end, at.issued)
    if hit is None and p == ln.start and _TOP_MARKER.match(s):
        # The issued text right after the signature without its title line
        # ('…现印发实施。' / 某某局 / date / '第一条…'): named after the notice.
        names = at.issued + _issued_in_body(ctx, at.parent_body)
        if names:
            hit = Field(_compact(names[0]), p, p)
    if hit is None:
        return _Step(stop=pos)
    sm = regex.match(r"[（(][^（）()]{1,16}[）)]", text[hit.end : hit.end + 20])
    if sm is not None:
        t_end = hit.end + sm.end()
        hit = Field(hit.value + text[hit.end : t_end], hit.start, t_end)
    return _Step(title=hit, after=hit.end)


# The attachment openers, tried in order on the text after a signature (the first that
# answers decides): a named label, a bare label, the issued name as a title line (maybe
# wrapped), a title line, a glued issued name.
_OPENERS: tuple[Callable[[_Attaching, int, int, int], _Step | None], ...] = (
    _open_named_label,
    _open_bare_label,
    _open_issued_title,
    _open_title_line,
    _open_glued_issued,
)
