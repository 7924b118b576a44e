"""Attachment openers: what the text after a signature starts, tried in order.

``_OPENERS`` holds them as named rules (the first that answers decides, and a trace names it):
a label that names its attachment (``附件1：甲清单``), a bare label and the title under it
(``附件2`` ⏎ ``甲县乙办法``), the title of a plan the notice issues (``现将《甲方案》印发给你们``
… ``甲方案``), a title line, an issued name glued into one-line text. ``document.py`` reads the
document each opening starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from policy_parser.segment.annex import _ANNEX_MARK, _ANNEX_NAMED, _ANNEX_NUMBER
from policy_parser.segment.chrome import _is_chrome
from policy_parser.segment.frame import Field
from policy_parser.segment.issued import _issued_at, _issued_in_body
from policy_parser.segment.lines import (
    _MARKER,
    _TOP_MARKER,
    _compact,
    _Ctx,
    _despace,
    _next_content,
)
from policy_parser.segment.signature import _COPY_TO, _NOTE
from policy_parser.segment.title import _Cand, _title_candidate


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
    rule: str = ""  # the opener that decided, for a trace: 'openers:open_named_label'
    title_rule: str = ""  # the title rule that read the title, when one did


def _titled(cand: _Cand, *, named: bool) -> _Step:
    """The step of a label whose title a title rule read (``附件1`` ⏎ ``甲县乙办法``).

    ``nested=False``: '附件1' holds one document; '附件2' is its sibling, not its child.
    """
    return _Step(
        title=cand.title,
        number=cand.doc_number,
        after=cand.after,
        nested=False,
        named=named,
        title_rule=cand.rule,
    )


def _attachment_step(at: _Attaching, pos: int, p: int, i: int) -> _Step:
    """Decide what the text from ``p`` (on line ``i``) does after a signature.

    A note ('（此件公开发布）') or a copy-to line ('抄送：甲局') is skipped; otherwise the first
    of the attachment openers that recognises the line decides. Made up: '附件1：甲表' opens a
    document named 甲表, '附件' alone opens one titled by the next line.
    """
    ln = at.ctx.lines[i]
    s = at.ctx.text[p : ln.end]
    if _NOTE.match(s) or _COPY_TO.search(s):
        return _Step(skip=ln.end, rule="openers:attachment_step")
    for opener in _OPENERS:
        step = opener(at, pos, p, i)
        if step is not None:
            step.rule = "openers:" + opener.__name__.lstrip("_")
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
        return _titled(cand, named=True)
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
        return _titled(cand, named=False)
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
    return _Step(title=cand.title, number=cand.doc_number, after=cand.after, title_rule=cand.rule)


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
