"""Lines with offsets, the per-parse memo, the segmentation context and small text helpers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from policy_parser.segment.frame import Frame
from policy_parser.segment.vocabulary import _ORG_END

# Line tests are asked again and again about the same lines (every title candidate tests the
# line before it, a signature check looks six lines ahead, the body scan repeats the header's
# tests), so the pure ones remember their answers during one segment() call. The memos are
# emptied when the call returns: nothing carries over between documents, and memory stays
# bounded by one document's lines. Threads may share a memo: the answers are pure functions
# of the string, so a memo emptied by another thread only costs recomputation.
_MEMO_CLEARS: list[Callable[[], None]] = []


def _per_parse(fn: Callable[[str], bool]) -> Callable[[str], bool]:
    """Remember ``fn``'s answers until the running segment() returns."""
    memo = functools.cache(fn)
    _MEMO_CLEARS.append(memo.cache_clear)
    return memo


def _forget() -> None:
    for clear in _MEMO_CLEARS:
        clear()


class _Line(NamedTuple):
    # A named tuple: a page has thousands of lines, and a tuple is built faster than a dataclass.
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    s: str  # text[start:end]


def _split_lines(text: str) -> tuple[list[_Line], list[int]]:
    """Split into lines with offsets, each trimmed of surrounding whitespace.

    Returns the lines and the offset where each line begins in ``text`` (before its spaces).
    """
    lines: list[_Line] = []
    starts: list[int] = []
    pos = 0
    # tuple.__new__ builds the named tuple without the Python frame of its generated __new__.
    new = tuple.__new__
    for raw in text.split("\n"):
        s = raw.strip()  # str.strip() drops exactly the characters str.isspace() accepts
        n = len(raw)
        # A normalised line is stripped already: no lstrip copy; a blank one ends at its end.
        lead = 0 if len(s) == n else n - len(raw.lstrip()) if s else n
        a = pos + lead
        lines.append(new(_Line, (a, a + len(s), s)))
        starts.append(pos)
        pos += n + 1
    return lines, starts


def _despace(s: str) -> str:
    """Remove letter spacing and line breaks, keep single spaces between words.

    ``国 家 粮 食 应 急 预 案 的 函`` → ``国家粮食应急预案的函``; ``国家发展改革委 国家能源局``
    keeps its space (two names): only runs of single characters are glued together.
    """
    toks = s.split()
    # A run of two or more single characters is letter spacing; it is glued to the words around
    # it too ('…造地费有 关 问 题 的 复 函' → '…造地费有关问题的复函'), except after or before
    # an organ name ('国家发展改革委 国 家 能 源 局关于…' keeps the space between two organs).
    spaced = [False] * len(toks)
    for k, tok in enumerate(toks):
        if len(tok) == 1 and (
            (k > 0 and len(toks[k - 1]) == 1) or (k + 1 < len(toks) and len(toks[k + 1]) == 1)
        ):
            spaced[k] = True
    out: list[str] = []
    for k, tok in enumerate(toks):
        if out and (
            (spaced[k] and spaced[k - 1])
            or ((spaced[k] or spaced[k - 1]) and not _ORG_END.search(out[-1]))
        ):
            out[-1] += tok
        else:
            out.append(tok)
    return " ".join(out)


def _compact(s: str) -> str:
    """Drop all whitespace (for comparing titles and names)."""
    return "".join(s.split())


# Plain character classes asked of every line: the stdlib engine scans for them faster.
_ISHY_PUNCT = re.compile(r"[。，；！？、：:]")


@_per_parse
def _is_ishy(s: str) -> bool:
    """A short line without sentence punctuation: a headline, an organ name, a fragment."""
    return 0 < len(_compact(s)) <= 60 and _ISHY_PUNCT.search(s) is None


# Section markers at a line start: 一、 （一） 第一章 第一条 1. （1） ① 1　总则 (decimal outline).
_MARKER = regex.compile(
    r"^(?:#{1,6}\s*)?(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]"
    r"|第[一二三四五六七八九十百零〇两\d]+[编章节条]|\d{1,3}(?:\.\d{1,3})*[、.．\s\u3000]"
    r"|[（(]\d{1,3}[）)]|[①-⑳])"
)


_TOP_MARKER = regex.compile(
    r"^(?:#{1,6}\s*)?(?:([一二三四五六七八九十]+)、|第([一二三四五六七八九十]+)[章条])"
)


_SENTENCE_END = regex.compile(r"[。！？；：:]$|[。！？][”’）)]$")


@dataclass
class _Ctx:
    text: str
    lines: list[_Line]
    line_at: list[int]  # line index of each line start, for bisect
    claimed: list[tuple[int, int]] = field(default_factory=list)
    noise: list[tuple[int, int]] = field(default_factory=list)
    first_top: int | None = None  # index of the first line opening with 一、/第一条/第一章
    # Lines [a, b) that start no signature: a _signature_run from a met a line that ends every
    # walk from a line before it (see there). The body scan asks about each line in turn.
    unsigned: tuple[int, int] = (0, 0)
    # What each frame rule claimed, as (start, end, rule name), when the parse is traced
    # (``parse(text, trace=True)``); None otherwise, and then claim() does nothing.
    claims: list[tuple[int, int, str]] | None = None

    def claim(self, start: int, end: int, rule: str) -> None:
        """Record that ``rule`` took ``text[start:end]`` (only when tracing: else a no-op).

        Made up: the header rule ``doc_number`` claims the line '甲发〔2020〕1号'.
        """
        if self.claims is not None and end > start:
            self.claims.append((start, end, rule))

    def mark(self) -> int:
        """Return a point :meth:`rollback` can return the claims to."""
        return len(self.claims) if self.claims is not None else 0

    def rollback(self, mark: int) -> None:
        """Forget the claims made since ``mark``: a reading that was given up claims nothing."""
        if self.claims is not None:
            del self.claims[mark:]


def _line_index(ctx: _Ctx, pos: int) -> int:
    """Index of the line containing offset ``pos``."""
    lo, hi = 0, len(ctx.line_at) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ctx.line_at[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _next_content(ctx: _Ctx, i: int) -> int:
    """Index of the next non-blank line after ``i`` (``len(lines)`` if none)."""
    j = i + 1
    while j < len(ctx.lines) and not ctx.lines[j].s:
        j += 1
    return j


@functools.lru_cache(maxsize=256)
def _spaced_pattern(name: str) -> regex.Pattern[str]:
    """A pattern for ``name`` written with any spacing: '国 家 粮 食 应 急 预 案'."""
    return regex.compile(r"\s*".join(regex.escape(ch) for ch in name))


def _find_spaced(s: str, name: str, off: int) -> tuple[int, int] | None:
    m = _spaced_pattern(name).search(s, off)
    return (m.start(), m.end()) if m else None


def _inside(ranges: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    return sorted({(x, y) for x, y in ranges if a <= x and y <= b and x < y})


def _bodies(frame: Frame) -> list[tuple[int, int]]:
    """Return the body ranges of a frame and of all its attachments."""
    return [frame.body] + [b for a in frame.attachments for b in _bodies(a)]


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _complement(claimed: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Ranges of non-space text that no frame claims: navigation, news, footers."""
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in [*_merge(claimed), (len(text), len(text))]:
        if a > pos:
            seg = text[pos:a]
            lo = pos + (len(seg) - len(seg.lstrip()))
            hi = a - (len(seg) - len(seg.rstrip()))
            if lo < hi:
                out.append((lo, hi))
        pos = max(pos, b)
    return out
