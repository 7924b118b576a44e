"""How much the text after a title candidate looks like a 公文 header and body."""

from __future__ import annotations

from typing import NamedTuple

import regex

from policy_parser.segment.addressees import _ADDRESSEE, _addressee_ok
from policy_parser.segment.annex import _after_annex_mark
from policy_parser.segment.chrome import _INFO_END, _is_chrome
from policy_parser.segment.dates import (
    _BRACKET_DATE,
    _DATE,
    _ISO_DATE,
    _META_PASSED,
    _REVISION_NOTE,
    _is_date_line,
)
from policy_parser.segment.doc_number import _DOCNUM_LINE
from policy_parser.segment.lines import _MARKER, _compact, _Ctx, _line_index, _skip_ws
from policy_parser.segment.title import _Cand
from policy_parser.segment.toc import _TOC, _TOC_LINE
from policy_parser.segment.vocabulary import _SELF_KIND

_PARAGRAPH = regex.compile(r"[。；]|[：:]$")  # a sentence, or a line that introduces a list


class _Weight(NamedTuple):
    """What one line after a title candidate says about it."""

    points: int
    stop: bool = False  # the header ends here: a marker or a first paragraph
    tail: str = ""  # the rest of the line after a 主送机关, read as the next line
    number: bool = False  # a 发文字号 line


_SKIP = _Weight(0)


def _weigh_line(s: str, got_num: bool) -> _Weight:
    """Weigh one header line: 发文字号 +2 (once), 目录 +1, 主送机关 +3, a marker or paragraph +2.

    Chrome, metadata, date lines and a bracketed history (``（2020年1月2日某会议通过）``)
    weigh nothing and the reading goes on; a short line
    (``（试行）``) too; any other line ends the header with nothing.
    """
    if _is_chrome(s) or _INFO_END.match(s):
        return _SKIP
    if _DOCNUM_LINE.match(s):
        return _Weight(0 if got_num else 2, number=True)
    if (
        _is_date_line(s)
        or _ISO_DATE.fullmatch(s)
        or (_DATE.match(s) and _META_PASSED.search(s))
        or _BRACKET_DATE.fullmatch(s)
        or _REVISION_NOTE.fullmatch(s)
    ):
        return _SKIP
    if _TOC.match(_compact(s)) or _TOC_LINE.match(s):
        return _Weight(1)
    am = _ADDRESSEE.match(s)
    if am and _addressee_ok(am.group(1)):
        return _Weight(3, tail=s[am.end() :].strip())
    if _MARKER.match(s) or _PARAGRAPH.search(s):
        return _Weight(2, stop=True)
    return _SKIP if len(s) <= 8 else _Weight(0, stop=True)


def _header_score(ctx: _Ctx, cand: _Cand, cands_at: dict[int, _Cand]) -> tuple[int, str]:
    """Weigh up to 14 lines after a title candidate; return the points and the first paragraph.

    The reading stops at the next title candidate, at a marker or paragraph (the body), or at a
    line that is none of a header's parts.
    """
    lines = ctx.lines
    score, seen, got_num = 0, 0, cand.doc_number is not None
    i = _line_index(ctx, cand.after)
    # The rest of the title's own line (glued sources) counts as the next line.
    rest = ctx.text[_skip_ws(ctx.text, cand.after, lines[i].end) : lines[i].end]
    queue: list[str] = [rest] if rest else []
    j = i + 1
    while seen < 14:
        if queue:
            s = queue.pop()
        elif j < len(lines) and not (j in cands_at and j != cand.first):
            s = lines[j].s
            j += 1
        else:
            break
        if not s:
            continue
        seen += 1
        weight = _weigh_line(s, got_num)
        score += weight.points
        got_num = got_num or weight.number
        if weight.tail:
            queue.append(weight.tail)
        if weight.stop:
            return score, s if weight.points else ""
    return score, ""


def _score(ctx: _Ctx, cand: _Cand, cands_at: dict[int, _Cand]) -> int:
    """How much the text after a title candidate looks like a 公文 header and body."""
    score = 3 if cand.markdown else 0
    if "关于" in cand.title.value:
        score += 1
    if cand.doc_number is not None:
        score += 2
    header, first_par = _header_score(ctx, cand, cands_at)
    score += header
    if _after_annex_mark(ctx, cand.first):
        # The title of an appendix ('附录2：竞价指引' / '某某竞价指引') after a numbered body:
        # the document is the body before it, the appendix is its attachment.
        score -= 4
    if first_par:
        # '…制定本实施方案。' names the kind of its own document; a headline that names another
        # kind ('…顶岗培养计划', a news headline before the plan) is not this document's title.
        own = _SELF_KIND.search(first_par[:600])
        if own and own.group(1) not in cand.title.value:
            score -= 4
    return score
