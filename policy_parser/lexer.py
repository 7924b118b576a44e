"""Lines → tokens for lark: find the markers, decide which are real, give each a level.

Three steps, each a pure function of the text:

1. **Candidates.** The marker vocabulary of ``grammars/markers.lark`` is matched at every line
   start (after a markdown ``#``) and, for run-together text, inside lines
   (``…为举报人保密。第二章　环境影响评价　　第八条…``).
2. **Selection.** Numbering continuity decides which candidates are markers. A candidate either
   continues a list that is open (``（二）`` after ``（一）``), re-opens a list at the level it
   had (``（九）`` under ``三、`` after ``（八）`` under ``二、``: numbering that runs on), or
   opens a new, deeper list at 1. Line-start candidates may leave a small gap or repeat a
   number (a diagnostic says so); candidates inside a line must continue exactly and follow a
   sentence end. This is what rejects ``统一、开放``, ``多报合一、信息共享``, ``2025年``,
   ``（32人）``, ``第三条规定的`` and ``1+X证书``.
3. **Levels.** A marker style takes its level from where it first appears: a new style opens a
   level under the current one, unless its canonical GB/T 9704 rank (一、 → （一） → 1. → （1）)
   puts it above styles already open. The token stream marks level changes with ``_OPEN`` and
   ``_CLOSE``, as an indenting lexer does, and ``grammars/structure.lark`` nests the sections.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import regex
from lark import Token

from policy_parser.errors import Severity
from policy_parser.grammar import marker_patterns
from policy_parser.models import MarkerKind
from policy_parser.numerals import CIRCLED, to_int

__all__ = ["Lexed", "Marker", "Segment", "lex", "tokens"]

# Terminal name → kind, in the order the alternatives are tried at one position.
KIND_OF_TERMINAL: dict[str, MarkerKind] = {
    "PART": MarkerKind.PART,
    "CHAPTER": MarkerKind.CHAPTER,
    "SECTION": MarkerKind.SECTION,
    "ARTICLE": MarkerKind.ARTICLE,
    "CN_PAREN": MarkerKind.CN_PAREN,
    "ARABIC_PAREN": MarkerKind.ARABIC_PAREN,
    "CN_COMMA": MarkerKind.CN_COMMA,
    "DECIMAL": MarkerKind.DECIMAL,
    "ARABIC_DOT": MarkerKind.ARABIC_DOT,
    "ARABIC_HALF_PAREN": MarkerKind.ARABIC_HALF_PAREN,
    "CIRCLED": MarkerKind.CIRCLED,
    "LATIN": MarkerKind.LATIN,
    "TABLE_ROW": MarkerKind.TABLE_ROW,
}
# Canonical depth (GB/T 9704-2012 7.3.3 for 一、 → （一） → 1. → （1）, then the rest).
RANK: dict[MarkerKind, float] = {
    MarkerKind.PART: 0,
    MarkerKind.CHAPTER: 1,
    MarkerKind.SECTION: 2,
    MarkerKind.ARTICLE: 3,
    MarkerKind.DECIMAL: 4,
    MarkerKind.CN_COMMA: 4,
    MarkerKind.CN_PAREN: 5,
    MarkerKind.ARABIC_DOT: 6,
    MarkerKind.ARABIC_PAREN: 7,
    MarkerKind.ARABIC_HALF_PAREN: 8,
    MarkerKind.CIRCLED: 9,
    MarkerKind.LATIN: 10,
    MarkerKind.TABLE_ROW: 6,
    MarkerKind.APPENDIX: 0,
}
_LINE_ONLY = {MarkerKind.DECIMAL, MarkerKind.LATIN}
_ARABIC = {
    MarkerKind.ARABIC_DOT,
    MarkerKind.ARABIC_PAREN,
    MarkerKind.ARABIC_HALF_PAREN,
    MarkerKind.DECIMAL,
    MarkerKind.TABLE_ROW,
}
# Run-together text may glue these to the word before (…精准性（一）研究…, …总则第一条为了…).
_MAY_GLUE = {
    MarkerKind.TABLE_ROW,
    MarkerKind.PART,
    MarkerKind.CHAPTER,
    MarkerKind.SECTION,
    MarkerKind.ARTICLE,
    MarkerKind.CN_PAREN,
}
_STATUTE = {MarkerKind.PART, MarkerKind.CHAPTER, MarkerKind.SECTION, MarkerKind.ARTICLE}
# A style's level key is its value (decimals aside); a dict spares the enum's value property.
_KEY_OF_KIND = {kind: kind.value for kind in MarkerKind}
_BOUNDARY = frozenset("。；;：:！？!?）)」』】")
# 第三条规定的, 第五条第一款, 第十二条、第十三条: references, not articles.
_REFERENCE_AFTER = regex.compile(r"规定|所称|所列|所指|第|之|至|、|项|款|目")
# 第五条和第六条, 第五条的规定, 第五条中: references too, unless the article number continues at a
# sentence start: …制定本条例。第二条中外合作开采活动，必须遵守本条例。 (run-together text).
_WEAK_REFERENCE_AFTER = regex.compile(r"[的和或及中以]")
_PAREN_REFERENCE_AFTER = frozenset("项款目条")
_PARENS = {MarkerKind.CN_PAREN, MarkerKind.ARABIC_PAREN}
_YEAR = regex.compile(r"[0-9]{4}年")
# A flattened table row: the first cell ends with a cell break (两个全角空格, a tab) soon.
_CELL_BREAK = regex.compile(r"[^。；\n]{1,60}?(?:\u3000\u3000|\t)")
_DECIMAL_DOT = regex.compile(r"[.．]")
_BARE_NUMERAL = regex.compile(r"([一二三四五六七八九十百]{1,4})\s*")
_INLINE_MIN = 6  # shorter lines hold no marker after their first: 一、甲（一）乙 is seven
_HEADING_PREFIX = regex.compile(r"#{1,6}[ \t\u3000]*")
_SPACE = " \t\u3000"
_OPENERS = "（(《“‘〈「『【["
_CLOSERS = "）)》”’〉」』】]"
_BRACKETS = regex.compile(f"[{regex.escape(_OPENERS + _CLOSERS)}]")


# Every marker of grammars/markers.lark starts with one of these. Scanning a line, the pattern
# tries thirteen alternatives at each position; a lookahead on the first character first skips
# the positions where none can start, several times faster (tests/test_markers.py checks it).
MARKER_START = (
    "第（(一二三四五六七八九十百千零〇两0-9０-９\u2460-\u2473\u3251-\u325f\u32b1-\u32bfa-zA-Z"
)


@cache
def _marker_regex() -> regex.Pattern[str]:
    patterns = marker_patterns()
    alternatives = "|".join(f"(?P<{n}>{patterns[n]})" for n in KIND_OF_TERMINAL)
    return regex.compile(f"(?=[{MARKER_START}])(?:{alternatives})")


@cache
def _marker_re() -> re.Pattern[str]:
    # The stdlib engine scans a text for the marker pattern about twice as fast (it tests a
    # character class in one step); lark compiles these terminals with it too.
    return re.compile(_marker_regex().pattern)


_Match = re.Match[str] | regex.Match[str]
# The two engines read the pattern alike but for ``\s`` (TABLE_ROW's lookahead): ``re`` takes
# U+001C–U+001F for spaces, ``regex`` does not (tests/test_markers.py checks both claims).
_RE_ONLY_SPACES = re.compile("[\x1c-\x1f]")


def _marker_matches(text: str) -> Iterator[_Match]:
    """The marker pattern's matches in ``text``, left to right, by the faster engine it allows."""
    if _RE_ONLY_SPACES.search(text) is not None:
        return _marker_regex().finditer(text)  # (normalize.py drops these characters)
    return _marker_re().finditer(text)


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


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a line: a section's opening (``marker`` set) or a run of text."""

    start: int
    end: int
    marker: Marker | None = None
    level: int = 0


@dataclass(frozen=True, slots=True)
class LexDiagnostic:
    """A problem seen while lexing, at an offset into the lexed text."""

    code: str
    severity: Severity
    message: str
    pos: int


@dataclass(frozen=True, slots=True)
class Lexed:
    """The classified text: segments in order, and what looked wrong."""

    text: str
    segments: tuple[Segment, ...]
    diagnostics: tuple[LexDiagnostic, ...]


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
    if kind in _STATUTE or kind in (MarkerKind.CN_PAREN, MarkerKind.ARABIC_PAREN):
        core = marker[1:-1]
    else:
        core = marker[:-1]
    return to_int(core)


def _is_lookalike(
    kind: MarkerKind, before: str, after: str, digit_after: bool, line_start: bool
) -> bool:
    """Whether a match is a number or a reference written like a marker.

    ``1、2、3`` and ``1.5亿元`` (a digit follows; but ``3．2020年底前…`` is a marker before a
    year), ``第三条规定的`` (a reference to an article), ``第（一）项`` and, inside a line,
    ``（一）项`` (a reference to an item; but ``六、项目建设…`` is item 六).
    """
    if digit_after and kind in (MarkerKind.CN_COMMA, MarkerKind.ARABIC_HALF_PAREN):
        return True
    if digit_after and kind is MarkerKind.ARABIC_DOT and not line_start:
        return True
    if kind in _STATUTE and _REFERENCE_AFTER.match(after):
        return True
    if line_start:
        return False
    return before == "第" or (after[:1] in _PAREN_REFERENCE_AFTER and kind in _PARENS)


def _candidate(line: str, offset: int, m: _Match, line_start: bool) -> Marker | None:
    """Build a candidate from a match in the text, on ``line`` (which starts at ``offset``)."""
    name = m.lastgroup
    if name is None:
        return None
    kind = KIND_OF_TERMINAL[name]
    if not line_start and kind in _LINE_ONLY:
        return None
    m_start, m_end = m.span()
    m_start -= offset
    m_end -= offset
    # Every test below only rejects, so their order is free: the table-row test comes first,
    # as most candidates are digits in running text (the 021 of 2021年) that it turns down.
    if kind is MarkerKind.TABLE_ROW:
        # The cell break (a tab, two ideographic spaces) lies in the 61 characters after the
        # number's first one; most places hold none, which is cheaper to see than to match.
        ahead = line[m_end + 1 : m_end + 62]
        if ("\t" not in ahead and "\u3000\u3000" not in ahead) or not _CELL_BREAK.match(
            line, m_end
        ):
            return None
    written = m.group()
    number = _number(kind, written)
    if number is None:
        return None
    after = line[m_end : m_end + 2]
    before = line[m_start - 1] if m_start else ""
    digit_after = after[:1].isdigit() and not _YEAR.match(line, m_end)
    if _is_lookalike(kind, before, after, digit_after, line_start):
        return None
    end = m_end
    while end < len(line) and line[end] in _SPACE:
        end += 1
    if kind is MarkerKind.DECIMAL:
        depth = len(_DECIMAL_DOT.split(written))
        key = f"decimal{depth}"
    else:
        key = _KEY_OF_KIND[kind]
    boundary = line_start or before in _BOUNDARY or before in _SPACE
    weak = kind in _STATUTE and bool(_WEAK_REFERENCE_AFTER.match(after))
    start = offset + m_start
    enumeration = before in "、，,第" or after[:1] in "、，,"
    return Marker(
        kind,
        key,
        number,
        start,
        offset + end,
        written,
        line_start,
        boundary,
        weak,
        digit_after,
        enumeration,
    )


# A chapter or section title glued to the article after it: short, no punctuation.
_STATUTE_TITLE = regex.compile(r"[^\n。；;：:，,、！？!?（(“”《》]{1,24}")


def _after_statute_title(prev: Marker, c: Marker, text: str) -> bool:
    """Whether ``c`` (an article or section) directly follows the title of ``prev``."""
    if c.kind not in (MarkerKind.ARTICLE, MarkerKind.SECTION) or c.boundary:
        return False
    if prev.kind not in _STATUTE or RANK[prev.kind] >= RANK[c.kind]:
        return False
    return _STATUTE_TITLE.fullmatch(text, prev.end, c.start) is not None


def _depth_at(line: str) -> tuple[list[int], list[int]]:
    """Return bracket positions and the nesting depth after each, for depth look-ups."""
    positions: list[int] = []
    depths: list[int] = []
    depth = 0
    for m in _BRACKETS.finditer(line):
        ch = m.group()
        if ch in _OPENERS:
            depth += 1
        elif depth:
            depth -= 1
        positions.append(m.start())
        depths.append(depth)
    return positions, depths


def candidates(text: str) -> list[Marker]:
    """Return every marker candidate in ``text``, in order."""
    found: list[Marker] = []
    # One scan of the whole text rather than one per line: no marker spans a line break (nor
    # reads past one), so a line's matches are those a scan of the line alone would find: the
    # one at its start (after a markdown '#'), then those inside it.
    matches = _marker_matches(text)
    m = next(matches, None)
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        if (m is None or m.start() >= line_end) and not line.startswith("#"):
            offset = line_end + 1
            continue  # no match on the line, and no markdown heading: no candidate
        start = 0
        prefix = _HEADING_PREFIX.match(line) if line.startswith("#") else None
        if prefix:
            start = prefix.end()
        if m is not None and m.start() == offset + start:
            c = _candidate(line, offset, m, line_start=True)
            m = next(matches, None)
            if c:
                found.append(c)
        elif prefix and (bare := _BARE_NUMERAL.fullmatch(line, start)):
            # A markdown heading that is only a numeral, its text on the next line: ## 三
            number = to_int(bare.group(1))
            if number is not None:
                at = offset + bare.start(1)
                c = Marker(
                    MarkerKind.CN_COMMA, "cn_comma", number, at, offset + len(line), bare.group(1),
                    True, True,
                )  # fmt: skip
                found.append(c)
        positions: list[int] | None = None
        depths: list[int] = []
        while m is not None and m.start() < line_end:
            inline, m = m, next(matches, None)
            if len(line) <= _INLINE_MIN:
                continue
            c = _candidate(line, offset, inline, line_start=False)
            if c is None:
                continue
            if positions is None:
                positions, depths = _depth_at(line)
            i = bisect_right(positions, c.start - offset - 1) - 1
            if i >= 0 and depths[i] > 0:
                continue  # inside brackets or quotes: （下称…1．…）, “一、…”
            if found and _after_statute_title(found[-1], c, text):
                # 第二章　外国合同者的权利和义务第十三条中方…: the title ends here.
                c = replace(c, boundary=True, weak=False)
            found.append(c)
        offset = line_end + 1
    return found


def _rank(kind: MarkerKind, key: str) -> float:
    """Canonical depth of a style; outline depth counts for decimals (1 > 1.1 > 1.1.1)."""
    return RANK[kind] + (int(key[7:]) / 10 if kind is MarkerKind.DECIMAL else 0)


@dataclass(slots=True)
class _Open:
    key: str
    kind: MarkerKind
    number: int


@dataclass(slots=True)
class _Selector:
    """Numbering continuity: decides which candidates are markers, and at what level."""

    stack: list[_Open] = field(default_factory=list)
    parent_of: dict[str, str | None] = field(default_factory=dict)
    last: dict[str, int] = field(default_factory=dict)
    diagnostics: list[LexDiagnostic] = field(default_factory=list)
    accepted: int = 0

    def _where(self, c: Marker) -> tuple[int, set[int], bool]:
        """Return (stack index the candidate would take, numbers expected, continues a list)."""
        for i, frame in enumerate(self.stack):
            if frame.key == c.key:
                return i, {frame.number + 1}, True
        rank = _rank(c.kind, c.key)
        if c.key in self.parent_of:
            parent = self.parent_of[c.key]
            at = len(self.stack)
            if parent is None:
                at = 0
            else:
                for i, frame in enumerate(self.stack):
                    if frame.key == parent:
                        at = i + 1
                        break
            # A level opened since, canonically above this style, now holds it:
            # 第十二条 after 第二章 → 第一节 goes under 第一节, though 第一条 sat under 第一章.
            while at < len(self.stack) and _rank(self.stack[at].kind, self.stack[at].key) < rank:
                at += 1
            return at, {1, self.last.get(c.key, 0) + 1}, False
        at = len(self.stack)
        for i, frame in enumerate(self.stack):
            if _rank(frame.kind, frame.key) > rank:
                at = i
                break
        return at, {1}, False

    def offer(self, c: Marker, i: int, later: _Later) -> int | None:
        """Accept ``c`` and return its level, or reject it (None).

        Args:
            c: The candidate, ``later.found[i]``.
            i: Its index.
            later: What the candidates after it say, asked only when a rule needs it (most
                candidates continue a list and need none of it):

                - continued: whether a later candidate of the same style carries the next
                  number (evidence that a big jump, 第二条 → 第十八条, is the text's own
                  numbering);
                - opens_run: whether ``c`` is 1 and 2 and 3 of its style follow soon: a
                  run-together list whose first number is glued to the title
                  (…加油站1.黑龙江…2.吉林…);
                - rises: whether ``c`` opens a line and the next line-start candidate of its
                  style has a higher number, or none follows: an excerpt that picks items
                  (5. → 12.).
        """
        at, expected, sibling = self._where(c)
        n = c.number
        if c.weak and not (n in expected and c.boundary):
            return None
        if c.digit_after and not (sibling and n in expected):
            return None
        # Run-together lists glue the next number to the item before: 1.大庆石油管理局2.辽河…
        glued_next = (
            (sibling or later.opens_run(i))
            and c.kind in _GLUE_NEXT
            and not c.digit_after
            and not c.enumeration
        )
        if n in expected and (c.boundary or c.kind in _MAY_GLUE or glued_next):
            return self._push(c, at)
        last = self.stack[at].number if sibling else self.last.get(c.key)
        if last is not None and c.boundary and n > last and later.continued(i):
            # 第二条 … 第十八条, 第十九条: a jump the text keeps counting from is its numbering.
            self._note(c, "numbering-gap", Severity.ERROR, f"{c.marker} follows number {last}")
            return self._push(c, at)
        if not c.line_start:
            return None
        if last is not None and self._kept_jump(c, last, i, later):
            self._note(c, "numbering-gap", Severity.ERROR, f"{c.marker} follows number {last}")
            return self._push(c, at)
        if sibling:
            return self._sibling_slip(c, at)
        return self._new_list(c, at)

    @staticmethod
    def _kept_jump(c: Marker, last: int, i: int, later: _Later) -> bool:
        """Whether a line-start candidate that jumps ahead of ``last`` keeps its number.

        A line that opens with 第三十条 is an article, whatever came before (an excerpt); an
        excerpt keeps the numbers of the items it picks: 5.… 12.… 二、… 19.…
        """
        n = c.number
        if n > last and c.kind in _STATUTE:
            return True
        return last < n < 100 and c.kind in _PICKED and later.rises(i)

    def _sibling_slip(self, c: Marker, at: int) -> int | None:
        """Accept a line-start sibling that slips: a small gap, a repeat, a restart at the top.

        （一）（二）（四）: a gap of up to three; （二）（二）: a repeat; 一、… 一、 at the top: a
        table of contents before the text, or a second copy of it.
        """
        n, last = c.number, self.stack[at].number
        if last < n <= last + 3:
            self._note(c, "numbering-gap", Severity.ERROR, f"{c.marker} follows number {last}")
            return self._push(c, at)
        if n == last:
            self._note(c, "duplicate-number", Severity.ERROR, f"{c.marker} repeats {last}")
            return self._push(c, at)
        if n == 1 and at == 0:
            # Keep the structure; segment/ drops such parts.
            self._note(c, "numbering-restart", Severity.WARNING, f"{c.marker} starts over")
            return self._push(c, at)
        return None

    def _new_list(self, c: Marker, at: int) -> int | None:
        """Accept a line-start candidate that opens a list not at 1: the text's start, or a skip.

        An excerpt may start anywhere (（十八）…: worth a word, not an error); a new list
        that skips its first item (（二） under 一、) is an error.
        """
        n = c.number
        if self.accepted == 0 and (n < 100 or c.kind not in _ARABIC):  # not 2025.
            self._note(c, "numbering-start", Severity.WARNING, f"the text starts at {c.marker}")
            return self._push(c, at)
        if n <= 3 and c.key not in self.parent_of:
            self._note(c, "numbering-gap", Severity.ERROR, f"{c.marker} opens a list at {n}, not 1")
            return self._push(c, at)
        return None

    def _push(self, c: Marker, at: int) -> int:
        if c.key not in self.parent_of:
            parent = self.stack[at - 1] if at else None
            self.parent_of[c.key] = parent.key if parent else None
            # Within the GB/T 9704 four: 1. under 一、 is common and fine; （1） under 一、 is not.
            if parent and {c.kind, parent.kind} <= _GBT and RANK[c.kind] - RANK[parent.kind] > 2:
                self._note(
                    c,
                    "skipped-level",
                    Severity.WARNING,
                    f"{c.marker} ({c.kind.value}) sits directly under {parent.kind.value}",
                )
        if at < len(self.stack) and self.stack[at].key == c.key:
            # The next item of an open list (most markers): its level counts on.
            self.stack[at].number = c.number
            del self.stack[at + 1 :]
        else:
            del self.stack[at:]
            self.stack.append(_Open(c.key, c.kind, c.number))
        self.last[c.key] = c.number
        self.accepted += 1
        return at + 1

    def note(self, c: Marker, code: str, severity: Severity, message: str) -> None:
        """Record a diagnostic at candidate ``c``."""
        self._note(c, code, severity, message)

    def _note(self, c: Marker, code: str, severity: Severity, message: str) -> None:
        self.diagnostics.append(LexDiagnostic(code, severity, message, c.start))


_STRONG = {MarkerKind.CN_COMMA, MarkerKind.CN_PAREN, *_STATUTE}
# A list that goes on may glue its next number to the item before: …管理局2.辽河… …局二、划入…
_GLUE_NEXT = {MarkerKind.ARABIC_DOT, MarkerKind.CN_COMMA}
_GBT = {MarkerKind.CN_COMMA, MarkerKind.CN_PAREN, MarkerKind.ARABIC_DOT, MarkerKind.ARABIC_PAREN}
_LOOKAHEAD = 64
# Styles whose line-start items an excerpt may pick, numbers kept (5. → 12.).
_PICKED = {MarkerKind.ARABIC_DOT, MarkerKind.CN_PAREN, MarkerKind.ARABIC_PAREN}


def _continued(found: list[Marker], i: int, where: dict[tuple[str, int], list[int]]) -> bool:
    """Whether a candidate soon after ``found[i]`` has its style and the next number.

    ``where`` maps (key, number) to the indexes of boundary candidates, ascending: a bisect
    instead of scanning the next ``_LOOKAHEAD`` candidates each time (a second per 50,000).
    """
    c = found[i]
    at = where.get((c.key, c.number + 1))
    if not at:
        return False
    j = bisect_right(at, i)
    return j < len(at) and at[j] <= i + _LOOKAHEAD


def _opens_run(found: list[Marker], i: int, where: dict[tuple[str, int], list[int]]) -> bool:
    """Whether ``found[i]`` is a glued 1 that a 2 and then a 3 of its style soon follow.

    ``where`` maps (key, number) to the indexes of all candidates, ascending.
    """
    c = found[i]
    if c.number != 1 or c.boundary or c.kind not in _GLUE_NEXT:
        return False
    at = i
    for n in (2, 3):
        later = where.get((c.key, n), [])
        j = bisect_right(later, at)
        if j == len(later) or later[j] > i + _LOOKAHEAD:
            return False
        at = later[j]
    return True


def _rises(found: list[Marker], i: int, lines: dict[str, list[int]]) -> bool:
    """Whether the next line-start candidate of ``found[i]``'s style, if any, counts higher.

    ``lines`` maps a style key to the indexes of its line-start candidates, ascending.
    """
    c = found[i]
    if not c.line_start:
        return False
    later = lines[c.key]
    j = bisect_right(later, i)
    return j == len(later) or found[later[j]].number > c.number


@dataclass(frozen=True, slots=True)
class _Later:
    """The candidates of a text, indexed for what those after one say about it."""

    found: list[Marker]
    where: dict[tuple[str, int], list[int]]  # boundary candidates by (key, number)
    anywhere: dict[tuple[str, int], list[int]]  # candidates numbered 1 to 3 by (key, number)
    lines: dict[str, list[int]]  # line-start candidates by key

    def continued(self, i: int) -> bool:
        return _continued(self.found, i, self.where)

    def opens_run(self, i: int) -> bool:
        return _opens_run(self.found, i, self.anywhere)

    def rises(self, i: int) -> bool:
        return _rises(self.found, i, self.lines)


def lex(text: str) -> Lexed:
    """Classify ``text`` (one paragraph per line) into marker and text segments.

    Args:
        text: The document body, normalised (see ``normalize.py``).

    Returns:
        The segments in order and the diagnostics of numbering problems.
    """
    selector = _Selector()
    chosen: list[tuple[Marker, int]] = []
    found = candidates(text)
    where: dict[tuple[str, int], list[int]] = {}
    anywhere: dict[tuple[str, int], list[int]] = {}
    lines: dict[str, list[int]] = {}
    for i, c in enumerate(found):
        if c.boundary:
            where.setdefault((c.key, c.number), []).append(i)
        if c.number <= 3:
            anywhere.setdefault((c.key, c.number), []).append(i)
        if c.line_start:
            lines.setdefault(c.key, []).append(i)
    later = _Later(found, where, anywhere, lines)
    for i, c in enumerate(found):
        if chosen and c.start < chosen[-1][0].end:
            continue
        level = selector.offer(c, i, later)
        if level is not None:
            chosen.append((c, level))
        elif c.line_start and c.kind in _STRONG:
            selector.note(c, "ignored-marker", Severity.INFO, f"{c.marker} does not continue")
    segments: list[Segment] = []
    cuts = iter(chosen)
    nxt = next(cuts, None)
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        pos = offset
        while nxt is not None and nxt[0].start < line_end:
            marker, level = nxt
            if marker.line_start:
                pos = marker.start  # drop a markdown '## ' before the marker
            elif marker.start > pos and text[pos : marker.start].strip():
                segments.append(Segment(pos, marker.start))
            pos = marker.start
            following = next(cuts, None)
            seg_end = following[0].start if following and following[0].start < line_end else None
            end = line_end if seg_end is None else seg_end
            segments.append(Segment(pos, end, marker, level))
            pos = end
            nxt = following
        if pos < line_end and text[pos:line_end].strip():
            segments.append(Segment(pos, line_end))
        offset = line_end + 1
    return Lexed(text, tuple(segments), tuple(selector.diagnostics))


def tokens(lexed: Lexed) -> Iterator[Token]:
    """Yield the token stream for ``grammars/structure.lark``.

    Token values are indexes into ``lexed.segments``. A marker one level deeper than the one
    before is preceded by ``_OPEN``; a marker higher up by one ``_CLOSE`` per level left.
    """
    level = 0
    for i, seg in enumerate(lexed.segments):
        if seg.marker is None:
            yield Token("TEXT", str(i))
            continue
        if level:
            if seg.level > level:
                yield Token("_OPEN", "")
            for _ in range(level - seg.level):
                yield Token("_CLOSE", "")
        level = seg.level
        yield Token("MARKER", str(i))
    for _ in range(level - 1):
        yield Token("_CLOSE", "")
