"""Marker candidates: the marker tokens of lark's lexer, read in their line.

lark's basic lexer cuts the body into the terminals of ``grammars/markers.lark`` (a marker
style, or ``PLAIN`` text). A marker token at a line start (after a markdown ``#``) opens the
line; the others stand inside a line, where only run-together text (``…为举报人保密。第二章
环境影响评价　　第八条…``) has markers. This module turns each marker token into a
:class:`Marker`, with what the numbering rules need to know of its place, and drops the
lookalikes its line already shows (``lookalikes.py``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

import regex
from lark import Token

from policy_parser._fastinit import fast_init
from policy_parser.lex import lookalikes, quotes
from policy_parser.lex.kinds import (
    KEY_OF_KIND,
    KIND_OF_TERMINAL,
    LINE_ONLY,
    PARENS,
    RANK,
    STATUTE,
)
from policy_parser.models import MarkerKind
from policy_parser.numerals import CIRCLED, to_int

__all__ = ["Marker", "candidates"]

_BOUNDARY = frozenset("。；;：:！？!?）)」』】")
_DECIMAL_DOT = regex.compile(r"[.．]")
_BARE_NUMERAL = regex.compile(r"([一二三四五六七八九十百]{1,4})\s*")
_INLINE_MIN = 6  # shorter lines hold no marker after their first: 一、甲（一）乙 is seven
_HEADING_PREFIX = regex.compile(r"#{1,6}[ \t\u3000]*")
_SPACE = " \t\u3000"


@fast_init
@dataclass(frozen=True, slots=True)
class Marker:
    """A candidate section marker found in the text.

    Attributes:
        kind: The marker style.
        key: The style as a level key ('decimal2' for 1.2 — depth counts in outlines).
        number: The integer it counts.
        start: Offset of the marker in the lexed text.
        end: Offset just after the marker (and the spaces that follow it).
        marker: The marker as written, without surrounding spaces.
        line_start: Whether it opens a line.
        boundary: Whether a sentence end (or a line start) precedes it.
        weak: Whether what follows reads like a reference (第五条和…): it is only a marker
            where the numbering continues exactly at a sentence start.
        digit_after: Whether a digit follows (3.121人才梯队项目, 1.5亿元): it is only a marker
            where an open list goes on with exactly its number.
        enumeration: Whether it stands in a run of numerals (第一、二、三产业), never a marker
            unless a sentence end precedes it.
        cited: Whether a line-start bracketed numeral cites items (``（一）至（三）项规定的…``):
            only a marker where it continues an open list with its next number.
    """

    kind: MarkerKind
    key: str
    number: int
    start: int
    end: int
    marker: str
    line_start: bool
    boundary: bool
    weak: bool = False
    digit_after: bool = False
    enumeration: bool = False
    cited: bool = False


@lru_cache(maxsize=4096)  # the same few markers recur in every text
def _number(kind: MarkerKind, marker: str) -> int | None:
    if kind is MarkerKind.CIRCLED:
        return CIRCLED.get(marker)
    if kind is MarkerKind.LATIN:
        return ord(marker[0].lower()) - ord("a") + 1
    if kind is MarkerKind.TABLE_ROW:
        return to_int(marker)
    if kind is MarkerKind.DECIMAL:
        return to_int(_DECIMAL_DOT.split(marker)[-1])
    core = marker
    if kind in STATUTE or kind in (MarkerKind.CN_PAREN, MarkerKind.ARABIC_PAREN):
        core = marker[1:-1]
    else:
        core = marker[:-1]
    return to_int(core)


def _candidate(line: str, offset: int, token: Token, line_start: bool) -> Marker | None:
    """Build a candidate from a marker token on ``line`` (which starts at ``offset``)."""
    kind = KIND_OF_TERMINAL[token.type]
    if not line_start and kind in LINE_ONLY:
        return None
    assert token.start_pos is not None and token.end_pos is not None
    m_start, m_end = token.start_pos - offset, token.end_pos - offset
    # Every test below only rejects, so their order is free. (A row number comes with the cell
    # break after it: markers.lark's TABLE_ROW asks for it, the 021 of 2021年 is PLAIN text.)
    written: str = token.value  # the lexer's plain str (str(token) would copy it)
    number = _number(kind, written)
    if number is None:
        return None
    after = line[m_end : m_end + 1]
    # Cheap tests before the calls (one marker per section): digit_after() is read only where
    # a digit follows (1.5亿元, not 一、甲); reference() can only reject with a digit after, a
    # statute style (第三条规定的) or inside a line.
    digit_after = after.isdigit() and lookalikes.digit_after(line, m_end)
    if (digit_after or not line_start or kind in STATUTE) and lookalikes.reference(
        kind, line, m_start, m_end, line_start, digit_after
    ):
        return None
    end = m_end
    while end < len(line) and line[end] in _SPACE:
        end += 1
    if kind is MarkerKind.DECIMAL:
        key = f"decimal{len(_DECIMAL_DOT.split(written))}"
    else:
        key = KEY_OF_KIND[kind]
    before = line[m_start - 1] if m_start else ""
    boundary = line_start or before in _BOUNDARY or before in _SPACE
    weak = kind in STATUTE and lookalikes.weak_reference(line, m_end)
    enumeration = before in "、，,第" or after in "、，,"
    cited = line_start and kind in PARENS and lookalikes.cited_items(kind, line, m_end)
    return Marker(
        kind,
        key,
        number,
        offset + m_start,
        offset + end,
        written,
        line_start,
        boundary,
        weak,
        digit_after,
        enumeration,
        cited,
    )


def _after_statute_title(prev: Marker, c: Marker, text: str) -> bool:
    """Whether ``c`` (an article or section) directly follows the title of ``prev``."""
    if c.kind not in (MarkerKind.ARTICLE, MarkerKind.SECTION) or c.boundary:
        return False
    if prev.kind not in STATUTE or RANK[prev.kind] >= RANK[c.kind]:
        return False
    return lookalikes.after_statute_title(prev.kind, prev.end, c.start, text)


def _bare_heading(line: str, offset: int, start: int) -> Marker | None:
    """A markdown heading that is only a numeral, its text on the next line: ``## 三``."""
    bare = _BARE_NUMERAL.fullmatch(line, start)
    if not bare:
        return None
    number = to_int(bare.group(1))
    if number is None:
        return None
    at = offset + bare.start(1)
    end = offset + len(line)
    return Marker(MarkerKind.CN_COMMA, "cn_comma", number, at, end, bare.group(1), True, True)


def _in_cell(line: str, at: int, kind: MarkerKind) -> bool:
    """Whether a candidate at ``line[at]`` opens a cell of a tab-separated row.

    Made up: ``1⇥（一）⇥加强领导⇥市委办`` is a task table's row and its （一） names the task
    it ties to, not a section. A row number glued to its first cell (TABLE_ROW) is another
    matter: it opens the row.
    """
    return at > 0 and line[at - 1] == "\t" and kind is not MarkerKind.TABLE_ROW


def _numbers_a_row(line: str, end: int) -> bool:
    """Whether a line-start candidate ending at ``line[end]`` is the 序号 cell of a table row.

    Made up: ``（一）⇥加强领导⇥市委办⇥2025年底前`` — the marker is a whole cell and more cells
    follow: the row of a 任务分工表 whose 序号 are written as markers, read by the table
    reader, not a section. (``一、⇥总则``, a marker and its title set apart by one tab, is.)
    """
    return line[end - 1 : end] == "\t" and line.count("\t") >= 2


def _inline(line: str, offset: int, inline: list[Token], found: list[Marker], text: str) -> None:
    """Add to ``found`` the candidates inside a line (not at its start), outside brackets."""
    positions: list[int] | None = None
    depths: list[int] = []
    for token in inline:
        c = _candidate(line, offset, token, line_start=False)
        if c is None or _in_cell(line, c.start - offset, c.kind):
            continue
        if positions is None:
            positions, depths = lookalikes.bracket_depths(line)
        i = bisect_right(positions, c.start - offset - 1) - 1
        if i >= 0 and depths[i] > 0:
            continue  # inside brackets or quotes: （下称…1．…）, “一、…”
        prev = found[-1] if found else None
        if prev is not None and _after_statute_title(prev, c, text):
            # 第二章　外国合同者的权利和义务第十三条中方…: the title ends here.
            c = replace(c, boundary=True, weak=False)
        found.append(c)


_PAST_END = 1 << 62  # the start of "no more tokens": past any text


def _unquoted(text: str, markers: list[Token]) -> list[Token]:
    """The marker tokens outside the quotations that run over lines (``quotes.py``).

    ``一、将第三条修改为：“第三条　甲。`` ⏎ ``“（一）乙。”``: （一） quotes the new article.
    """
    spans = quotes.quoted_spans(text)
    if not spans:
        return markers
    starts = [a for a, _ in spans]
    kept = []
    for token in markers:
        at = token.start_pos
        assert at is not None  # lark's lexer positions every token
        k = bisect_right(starts, at) - 1
        if k < 0 or at >= spans[k][1]:
            kept.append(token)
    return kept


def candidates(text: str, markers: list[Token]) -> list[Marker]:
    """Return every marker candidate in ``text``, in order.

    Args:
        text: The lexed text.
        markers: The marker tokens lark's lexer cut from it (``PLAIN`` tokens left out), in
            order. No marker token spans a line break, nor reads past one.
    """
    found: list[Marker] = []
    tokens = _unquoted(text, markers)
    # Where each token starts, and a stop past the text: the loop compares integers and
    # indexes two lists, rather than call a helper three times a line (a plan of 10,000 short
    # lines, 一行一条, is all line starts).
    starts: list[int] = [t.start_pos for t in tokens]  # type: ignore[misc]
    starts.append(_PAST_END)
    k = 0
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        heading = line.startswith("#")
        if starts[k] >= line_end and not heading:
            offset = line_end + 1
            continue  # no marker on the line, and no markdown heading: no candidate
        start = 0
        prefix = _HEADING_PREFIX.match(line) if heading else None
        if prefix:
            start = prefix.end()
        if starts[k] == offset + start:
            c = _candidate(line, offset, tokens[k], line_start=True)
            k += 1
            # (A row needs tabs: most lines have none, and spare the call.)
            if c and ("\t" not in line or not _numbers_a_row(line, c.end - offset)):
                found.append(c)
        elif prefix and (bare := _bare_heading(line, offset, start)):
            found.append(bare)
        if starts[k] < line_end:
            first = k
            while starts[k] < line_end:
                k += 1
            if len(line) > _INLINE_MIN:
                _inline(line, offset, tokens[first:k], found, text)
        offset = line_end + 1
    return found
