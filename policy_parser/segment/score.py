"""How much the text after a title candidate looks like a 公文 header and body."""

from __future__ import annotations

import regex

from policy_parser.segment.addressees import _ADDRESSEE, _addressee_ok
from policy_parser.segment.annex import _after_annex_mark
from policy_parser.segment.chrome import _INFO_END, _is_chrome
from policy_parser.segment.dates import _BRACKET_DATE, _DATE, _ISO_DATE, _META_PASSED, _is_date_line
from policy_parser.segment.doc_number import _DOCNUM_LINE
from policy_parser.segment.lines import _MARKER, _compact, _Ctx, _line_index, _skip_ws
from policy_parser.segment.title import _Cand
from policy_parser.segment.toc import _TOC
from policy_parser.segment.vocabulary import _SELF_KIND

_PARAGRAPH = regex.compile(r"[。；]|[：:]$")  # a sentence, or a line that introduces a list


def _score(ctx: _Ctx, cand: _Cand, cands_at: dict[int, _Cand]) -> int:
    """How much the text after a title candidate looks like a 公文 header and body."""
    score = 3 if cand.markdown else 0
    if "关于" in cand.title.value:
        score += 1
    if cand.doc_number is not None:
        score += 2
    lines = ctx.lines
    seen = 0
    pos = cand.after
    i = _line_index(ctx, pos)
    # The rest of the title's own line (glued sources) counts as the next line.
    rest = ctx.text[_skip_ws(ctx.text, pos, lines[i].end) : lines[i].end]
    first_par = ""
    queue: list[str] = [rest] if rest else []
    j = i + 1
    got_num = cand.doc_number is not None
    while seen < 14:
        if queue:
            s = queue.pop()
        elif j < len(lines):
            if j in cands_at and j != cand.first:
                break
            s = lines[j].s
            j += 1
        else:
            break
        if not s:
            continue
        seen += 1
        if _is_chrome(s) or _INFO_END.match(s):
            continue
        if _DOCNUM_LINE.match(s):
            if not got_num:
                score += 2
                got_num = True
            continue
        if (
            _is_date_line(s)
            or _ISO_DATE.fullmatch(s)
            or (_DATE.match(s) and _META_PASSED.search(s))
            or _BRACKET_DATE.fullmatch(s)
        ):
            continue
        if _TOC.match(_compact(s)):
            score += 1
            continue
        am = _ADDRESSEE.match(s)
        if am and _addressee_ok(am.group(1)):
            score += 3
            tail = s[am.end() :].strip()
            if tail:
                queue.append(tail)
            continue
        if _MARKER.match(s):
            score += 2
            first_par = first_par or s
            break
        if _PARAGRAPH.search(s):
            score += 2
            first_par = s
            break
        if len(s) <= 8:
            continue
        break
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
