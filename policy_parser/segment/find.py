"""Where the document is on the page: a promulgation order, the best title, or the markers."""

from __future__ import annotations

import datetime
from dataclasses import replace

import regex

from policy_parser.segment.annex import _ANNEX_NOTE
from policy_parser.segment.body_end import _FOREIGN
from policy_parser.segment.chrome import _is_chrome
from policy_parser.segment.dates import _DATE, parse_date
from policy_parser.segment.document import _read_document
from policy_parser.segment.frame import Field, Frame
from policy_parser.segment.lines import (
    _SENTENCE_END,
    _TOP_MARKER,
    _bodies,
    _compact,
    _complement,
    _Ctx,
    _forget,
    _is_ishy,
    _merge,
    _split_lines,
)
from policy_parser.segment.orders import (
    _ORDER,
    _ORDER_NAME,
    _ORDER_NAME_CHARS,
    _ORDER_REACH,
    _ORDER_TAIL,
    _SIGNER,
    _order_issuer,
)
from policy_parser.segment.score import _score
from policy_parser.segment.terms import _defined_terms
from policy_parser.segment.title import _Cand, _title_candidate


def _read_order(ctx: _Ctx) -> Frame | None:
    """A promulgation order (国务院令) followed by the regulation it promulgates.

    The result is the regulation: title = its name, date = the order's date, body = its text.
    """
    text = ctx.text
    head = text[:6000]
    # Search from just before the first '令' that a number follows: the lazy organ prefix makes
    # a search from every position slow, and no match can start earlier (a match's own '令' is
    # one that a number follows, and there is a match at that '令' at the latest).
    tail = _ORDER_TAIL.search(head)  # (a literal '令' first: a fast scan)
    om = _ORDER.search(head, max(0, tail.start() - _ORDER_REACH)) if tail is not None else None
    if om is None:
        return None
    nm = _ORDER_NAME.search(text, om.end(), min(len(text), om.end() + 400))
    if nm is None:
        return None
    name = nm.group("a") or nm.group("b")
    sg = _SIGNER.search(text, nm.end(), min(len(text), nm.end() + 400))
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    search_from = nm.end()
    if sg is not None:
        dm = _DATE.search(text, sg.end(), min(len(text), sg.end() + 60))
        if dm is not None:
            date = parse_date(dm.group(0))
            date_span = (dm.start(), dm.end())
            search_from = dm.end()
    found = _order_title(text, name, om.start(), search_from)
    if found is None:
        return None
    title, after = found
    number = Field(_compact(om.group(0)), om.start(), om.end())
    # The order's lines, then the regulation's name (printed above the order on web pages).
    ctx.claim(min(om.start(), title.start), max(after, title.end), "find:read_order")
    frame, _ = _read_document(ctx, title, None, after, len(text), 0)
    # The order's lines belong to no section: up to the headline, or to the order's date.
    ctx.noise.append((om.start(), title.start if title.start > om.start() else after))
    issuer = _order_issuer(text, om)
    return replace(
        frame,
        title=title,
        doc_number=number,
        issuers=frame.issuers or ([issuer] if issuer is not None else []),
        date=date or frame.date,
        date_span=date_span or frame.date_span,
    )


def _order_title(text: str, name: str, order: int, after: int) -> tuple[Field, int] | None:
    """The headline of the regulation an order promulgates, and where its body may start.

    It is printed after the order's date, or (a web page's heading) right before the order;
    then the regulation's text starts after the order's date. The headline writes a quoted
    name's inner 〈〉 as 《》, and a match right after 《 is a citation. Made up: '甲条例' /
    '某国务院令 第1号' / '现公布《甲条例》' / '总理 某某' / date / '第一条…'.
    """
    chars = (_ORDER_NAME_CHARS.get(c, regex.escape(c)) for c in _compact(name))
    pat = regex.compile(r"(?<!《\s*)" + r"\s*".join(chars))
    tm = pat.search(text, after, min(len(text), after + 600))
    if tm is not None:
        return Field(_compact(tm.group(0)), tm.start(), tm.end()), tm.end()
    # The heading above the order: the last match before it, alone on its line.
    before = [
        m
        for m in pat.finditer(text, max(0, order - 600), order)
        if text[m.end() : order].split("\n", 1)[0].strip() == ""
    ]
    if not before:
        return None
    tm = before[-1]
    return Field(_compact(tm.group(0)), tm.start(), tm.end()), after


def _by_markers(ctx: _Ctx) -> Frame:
    """No title found: anchor the document on its run of top-level markers (一、 … 二、 …)."""
    lines = ctx.lines
    first = -1
    for i, ln in enumerate(lines):
        m = _TOP_MARKER.match(ln.s)
        if m and (m.group(1) == "一" or m.group(2) == "一"):
            nxt = "二、" if m.group(1) else ("第二" if m.group(2) else "")
            if any(x.s.lstrip("# ").startswith(nxt) for x in lines[i + 1 : i + 400]):
                first = i
                break
    if first < 0:
        if any(_ANNEX_NOTE.match(ln.s) for ln in lines):
            # A 附件说明 list ('附件：1．X 2．Y') closes the body: its items are not sections.
            frame, _ = _read_document(ctx, None, None, 0, len(ctx.text), 0)
            return frame
        body = (0, len(ctx.text))
        return Frame(body=body, defined_terms=_defined_terms(ctx.text, 0, len(ctx.text)))
    # The preamble: sentence paragraphs just before the first marker, back to a headline.
    start = lines[first].start
    k = first - 1
    taken = 0
    while k >= 0 and taken < 4:
        s = lines[k].s
        if not s:
            k -= 1
            continue
        if _is_ishy(s) or _is_chrome(s) or _FOREIGN.match(s) or not _SENTENCE_END.search(s):
            break
        start = lines[k].start
        taken += 1
        k -= 1
    frame, _ = _read_document(ctx, None, None, start, len(ctx.text), 0)
    return frame


def segment(text: str, trace: bool = False) -> Frame:
    r"""Find the policy document in ``text`` and read its 公文 frame.

    Args:
        text: the normalised source: lines separated by ``\\n``, hard wraps repaired. One-line
            sources (a whole notice glued on one line) work too.
        trace: Record what each frame rule claimed in the top frame's ``claims``.

    Returns:
        The top document. ``body`` is the range of its preamble and sections; a notice that
        issues a document carries it in ``attachments``. Missing parts are ``None``/empty.
        Never raises.
    """
    try:
        return _segment(text, trace)
    except Exception:  # pragma: no cover - a bug must not make parse() raise on user input
        return Frame(body=(0, len(text)))
    finally:
        _forget()


def _segment(text: str, trace: bool) -> Frame:
    lines, starts = _split_lines(text)
    ctx = _Ctx(text, lines, starts, claims=[] if trace else None)
    frame = _read_order(ctx)
    if frame is None:
        cands: dict[int, _Cand] = {}
        for i, ln in enumerate(lines):
            c = _title_candidate(ctx, i) if ln.s else None  # (a blank line opens no title)
            if c is not None:
                cands[i] = c
        best: _Cand | None = None
        for c in cands.values():
            c.score = _score(ctx, c, cands)
            if best is None or c.score > best.score:
                best = c
        if best is not None and best.score >= 2:
            ctx.claim(lines[best.first].start, best.after, best.rule)
            frame, _ = _read_document(ctx, best.title, best.doc_number, best.after, len(text), 0)
        else:
            frame = _by_markers(ctx)
    # Whatever the frames' bodies hold is the document's, even when no frame line claimed it
    # (a bare excerpt '一、总体要求' has no title, signature or date to claim it).
    excluded = _complement([*ctx.claimed, *_bodies(frame)], text)
    noise = sorted(set(ctx.noise) | set(excluded))
    return replace(frame, excluded=_merge(noise), claims=ctx.claims or [])
