"""Authors of an attached document: organ lines under its title, named by the parent."""

from __future__ import annotations

import datetime

import regex

from policy_parser.segment.dates import _MD, _Y, parse_date
from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _compact, _Ctx, _skip_ws
from policy_parser.segment.vocabulary import _ORG_END
from policy_parser.wordlists import words

# Authors and a bracketed date under an attachment's title: '公安部　中央综治办' / '(2004年10月)'.
_AUTHOR_BLOCK = regex.compile(
    r"(?P<names>[\p{Han}（）]{2,30}(?:[\s\u3000]+[\p{Han}（）]{2,30}){0,11}?)[\s\u3000]*"
    rf"[（(]\s*(?P<date>{_Y}\s*年\s*{_MD}\s*月(?:\s*{_MD}\s*日)?)\s*[）)]"
)


# Where two organs were glued by a lost line break: '国土资源部中国石油天然气集团公司'.
_SEAM_CHARS = "".join(words("organ_suffixes", "seam"))
_ORGAN_SEAM = regex.compile(rf"(?<=[{regex.escape(_SEAM_CHARS)}])(?=中国|国家|中央|国务院)")


def _author_block(
    text: str, pos: int, limit: int
) -> tuple[list[Field], datetime.date | None, tuple[int, int]] | None:
    """Organ names, then the date in brackets, right under an attached document's title.

    A month without a day ('(二○○四年十月)') still closes the block but gives no date.
    """
    m = _AUTHOR_BLOCK.match(text, pos, limit)
    if m is None:
        return None
    date = parse_date(m.group("date"))
    names = [n for tok in m.group("names").split() for n in _ORGAN_SEAM.split(tok) if n]
    if not all(len(n) <= 20 and _ORG_END.search(n) for n in names):
        return None
    fields: list[Field] = []
    at = m.start("names")
    for n in names:
        k = text.find(n, at, m.end("names"))
        fields.append(Field(n, k, k + len(n)))
        at = k + len(n)
    return fields, date, (m.start("date"), m.end())


# An organ written right before a forwarded document's name: '转发发展改革委关于…意见的通知',
# '发展改革委《关于…的意见》已经国务院同意'. _author_runs finds what
# ``regex.finditer(r"[\p{Han}]{2,30}(?=《|关于)", s)`` finds, without a regex that backtracks
# 30 characters at every position of the window: it starts only from the few anchors.
_AUTHOR_MAX = 30


# The Han characters right before an offset (a reverse match ends at its endpos) and after it.
_HAN_BEFORE = regex.compile(rf"(?r)\p{{Han}}{{0,{_AUTHOR_MAX}}}")


_HAN_AFTER = regex.compile(rf"\p{{Han}}{{0,{_AUTHOR_MAX}}}")


# What follows an organ that opens a sentence rather than an author line.
_AUTHOR_SENTENCE = regex.compile(r"[要应将会负已和、与及等的为在对是：:，,。（(]")


def _authors(
    ctx: _Ctx, parent_title: Field | None, parent_body: tuple[int, int]
) -> tuple[str, ...]:
    """Organs a forwarding notice names as the authors of what it forwards."""
    windows = [ctx.text[parent_body[0] : min(parent_body[1], parent_body[0] + 1500)]]
    if parent_title is not None:
        windows.append(parent_title.value)
    out: set[str] = set()
    for w in windows:
        for run in _author_runs(_compact(w)):
            if not _ORG_END.search(run):
                continue
            for k in range(len(run) - 2, -1, -1):
                out.add(run[k:])
    return tuple(sorted(out, key=len, reverse=True))


def _author_runs(s: str) -> list[str]:
    """Runs of 2 to 30 Han characters followed by '《' or '关于', found left to right.

    The same runs, in the same order, as a left-to-right search for 2 to 30 Han characters
    followed by '《' or '关于'. Only the few anchors ('关于', '《') are visited: a run ends at an
    anchor and starts as far back as the Han characters before it reach (at most 30, not before
    the last run's end); it is extended to the farthest anchor still within 30 Han characters.
    """
    anchors = sorted(_find_all(s, "关于") + _find_all(s, "《"))
    out: list[str] = []
    pos = 0  # where the next search starts: the end of the last run
    k = 0
    while k < len(anchors):
        q = anchors[k]
        k += 1
        if q < pos + 2:
            continue
        before = _HAN_BEFORE.match(s, pos, q)
        assert before is not None  # {0,30} matches the empty string too
        start = before.start()
        if q - start < 2:
            continue
        after = _HAN_AFTER.match(s, q, start + _AUTHOR_MAX)
        assert after is not None
        reach = after.end()
        while k < len(anchors) and anchors[k] <= reach:
            q = anchors[k]
            k += 1
        out.append(s[start:q])
        pos = q
    return out


def _find_all(s: str, sub: str) -> list[int]:
    """Every offset where ``sub`` starts in ``s`` (overlaps included)."""
    out: list[int] = []
    k = s.find(sub)
    while k >= 0:
        out.append(k)
        k = s.find(sub, k + 1)
    return out


def _author_at(text: str, pos: int, limit: int, authors: tuple[str, ...]) -> Field | None:
    """An author line under an attached document's title: '关于…的意见' / '发展改革委' / body."""
    for name in authors:
        end = pos + len(name)
        if end < limit and text.startswith(name, pos) and _ORG_END.search(name):
            nxt = _skip_ws(text, end, limit)
            if nxt < limit and not _AUTHOR_SENTENCE.match(text, nxt):
                return Field(name, pos, end)
    return None
