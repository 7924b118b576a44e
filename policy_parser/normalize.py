r"""Line repair with an offset map back to the source.

The parser never edits ``Document.source``. It works on a normalised copy, a
:class:`TrackedText`, that remembers for every character where it came from, so every span it
reports indexes the original text.

Normalising:

* drops ``\\r``, the BOM, zero-width and control characters, and strips each line;
* joins a paragraph that a newspaper or PDF hard-wrapped over lines, even across the blank line
  of a column break::

      （一）强化各级党委和政府科普工作领      →  （一）强化各级党委和政府科普工作领导责任。落实…
      导责任。落实科普相关法律法规，把科普工

* joins a marker split over lines: ``（\\n1\\n）`` → ``（1）``, ``1\\n．`` → ``1．``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

__all__ = ["TrackedText", "display_width", "normalize"]


@dataclass(frozen=True, slots=True)
class TrackedText:
    r"""A string with, for each character, its offset in the original source.

    The map is stored as runs: the characters ``text[starts[i]:starts[i + 1]]`` come from
    ``source[srcs[i]:]`` one for one. A run of length zero stands for an inserted character
    (the ``\\n`` between two joined paragraphs), which maps to the source position it stands at.
    """

    text: str
    starts: tuple[int, ...]
    srcs: tuple[int, ...]

    @classmethod
    def from_source(cls, source: str, start: int = 0, end: int | None = None) -> TrackedText:
        """Return ``source[start:end]`` tracked as itself."""
        end = len(source) if end is None else end
        return cls(source[start:end], (0,), (start,))

    def __len__(self) -> int:
        return len(self.text)

    def to_source(self, pos: int) -> int:
        """Return the source offset of character ``pos`` (``len(self)`` maps past the end)."""
        if pos >= len(self.text) and self.text:
            return self.to_source(len(self.text) - 1) + 1
        i = bisect_right(self.starts, pos) - 1
        return self.srcs[i] + (pos - self.starts[i]) if i >= 0 else self.srcs[0]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the source range covering ``text[start:end]``."""
        if end <= start:
            at = self.to_source(start)
            return at, at
        return self.to_source(start), self.to_source(end - 1) + 1

    def slice(self, start: int, end: int) -> TrackedText:
        """Return ``text[start:end]`` with its offsets."""
        start, end = max(0, start), min(len(self.text), end)
        if end <= start:
            at = self.to_source(start) if self.text else self.srcs[0]
            return TrackedText("", (0,), (at,))
        i = bisect_right(self.starts, start) - 1
        j = bisect_right(self.starts, end - 1)
        starts = [0] + [s - start for s in self.starts[i + 1 : j]]
        srcs = [self.srcs[i] + (start - self.starts[i]), *self.srcs[i + 1 : j]]
        return TrackedText(self.text[start:end], tuple(starts), tuple(srcs))

    def strip(self) -> TrackedText:
        """Return the text without leading and trailing white space."""
        m = _EDGE_SPACE.match(self.text)
        lead = m.end() if m else 0
        trail = len(self.text) - len(self.text.rstrip(_SPACES))
        return self.slice(lead, len(self.text) - trail) if lead or trail else self

    def lines(self) -> list[TrackedText]:
        r"""Split on ``\\n``."""
        out: list[TrackedText] = []
        pos = 0
        for part in self.text.split("\n"):
            out.append(self.slice(pos, pos + len(part)))
            pos += len(part) + 1
        return out

    @staticmethod
    def join(parts: Iterable[TrackedText], sep: str = "") -> TrackedText:
        """Concatenate; each ``sep`` maps to the source position just after the part before it."""
        texts: list[str] = []
        starts: list[int] = []
        srcs: list[int] = []
        pos = 0
        if not isinstance(parts, list):
            parts = list(parts)
        if len(parts) == 1:
            return parts[0]
        previous_end: int | None = None  # source offset just after the part before
        for part in parts:
            if previous_end is not None and sep:
                starts.append(pos)
                srcs.append(previous_end)
                texts.append(sep)
                pos += len(sep)
            starts.extend(pos + s for s in part.starts)
            srcs.extend(part.srcs)
            texts.append(part.text)
            pos += len(part.text)
            previous_end = part.to_source(len(part.text)) if part.text else part.srcs[0]
        if not starts:
            return TrackedText("", (0,), (0,))
        return TrackedText("".join(texts), tuple(starts), tuple(srcs))


_SPACES = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
_EDGE_SPACE = regex.compile(f"[{_SPACES}]+")
# Characters that carry nothing: BOM, zero-width, C0/C1 controls (not \n, \t).
_JUNK = regex.compile(r"[\r\ufeff\u200b-\u200d\u2060\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cs}]+")
_SENTENCE_END = tuple("。！？!?；;：:")
# A marker cut off at a line end: '（', '（1', '1', '十二' before '．' or '）' on the next line.
# (no closing bracket: '）' + '一）' would join again on a second pass)
_MARKER_HEAD = regex.compile(r"[（(]?[0-9０-９一二三四五六七八九十百〇零]{0,4}")
_MARKER_TAIL = regex.compile(r"[0-9０-９一二三四五六七八九十百〇零]*[）)．.、]")


# A line that is only a number or a date word is a piece of the line around it.
_FRAGMENT = regex.compile(r"[0-9０-９]{1,4}|[年月日号]")
_FRAGMENT_TAIL = regex.compile(r"[年月日号）)．.、]")
_SHORT_TAIL = 4
_NOT_A_TAIL = regex.compile(r"附|目\s*录|[0-9０-９]")  # 附件1 after a list of annexes
_HEADING_START = regex.compile(
    r"[一二三四五六七八九十百]{1,4}、|[（(][一二三四五六七八九十百0-9]{1,4}[）)]|[0-9]{1,3}[.．、]"
)
_SHORT_TAIL_AFTER = 12
_NO_TAIL_AFTER = (*_SENTENCE_END, "，", ",", "、", "）", ")", "”")
_PUNCT = regex.compile(r"[\p{P}\s]")
# Run-together text separates paragraphs by ideographic spaces: …工作。　　二、加强…
_PARAGRAPH_GAP = regex.compile(r"(?<=[。；！？：])[\u3000 ]{2,}")
_LONG_LINE = 200


def display_width(text: str) -> int:
    """Return how many terminal columns ``text`` takes (CJK and full-width forms take two)."""
    # UTF-8 takes 1 byte for ASCII and 3 for CJK and full-width forms: (bytes + chars) / 2 is
    # 1 and 2 columns for them, computed at C speed.
    return (len(text.encode("utf-8", "surrogatepass")) + len(text)) // 2


def _clean_lines(source: str) -> list[TrackedText]:
    """Split the source into stripped lines with junk characters removed."""
    lines: list[TrackedText] = []
    pos = 0
    for raw in source.split("\n"):
        line = TrackedText.from_source(source, pos, pos + len(raw))
        pos += len(raw) + 1
        if _JUNK.search(line.text):
            keep: list[TrackedText] = []
            last = 0
            for m in _JUNK.finditer(line.text):
                keep.append(line.slice(last, m.start()))
                last = m.end()
            keep.append(line.slice(last, len(line.text)))
            line = TrackedText.join(keep)
        line = line.strip()
        if len(line.text) > _LONG_LINE and _PARAGRAPH_GAP.search(line.text):
            last = 0
            for m in _PARAGRAPH_GAP.finditer(line.text):
                lines.append(line.slice(last, m.start()))
                last = m.end()
            lines.append(line.slice(last, len(line.text)))
        else:
            lines.append(line)
    return lines


def _wrap_width(lines: Sequence[TrackedText]) -> int | None:
    """Return the column width a hard-wrapped text was set in, or None if it was not wrapped.

    Newspaper and PDF text comes in lines of nearly one display width (the column); web text
    comes in paragraphs of any length. When at least a third of the lines fall within two
    columns of one width, the text is taken as wrapped at that width.
    """
    widths = [display_width(line.text) for line in lines if line.text]
    if len(widths) < 8:
        return None
    counts = Counter(widths)
    best, best_count = 0, 0
    for width in counts:
        if width < 24:
            continue
        count = counts[width] + counts[width - 1] + counts[width - 2]
        if count > best_count:
            best, best_count = width, count
    return best if best_count >= 0.3 * len(widths) else None


def _continues(prev: str, cur: str, following: str, width: int | None) -> bool:
    """Tell whether line ``cur`` continues the paragraph whose last line is ``prev``.

    ``following`` is the next non-blank line after ``cur`` (a number alone on a line joins
    its neighbours only when the line after it goes on with it).
    """
    if (
        prev
        and _MARKER_HEAD.fullmatch(prev)
        and (_MARKER_TAIL.match(cur) or _MARKER_HEAD.fullmatch(prev + cur))
    ):
        return True  # '（' + '1）', '1' + '．'
    if _FRAGMENT.fullmatch(prev) and (_FRAGMENT.fullmatch(cur) or _FRAGMENT_TAIL.match(cur)):
        return True  # web text puts numbers on lines of their own: '2021' '年' '2' '月' '2' '日'
    if (
        _FRAGMENT.fullmatch(cur)
        and not prev.endswith(_SENTENCE_END)
        and (_FRAGMENT.fullmatch(following) or _FRAGMENT_TAIL.match(following))
    ):
        return True  # '（见附录' + '2' + '）进行竞价' (not a table's row number: '1' + '工作事项')
    if (
        len(prev) >= _SHORT_TAIL_AFTER
        and _HEADING_START.match(prev)
        and len(cur) <= _SHORT_TAIL
        and not prev.endswith(_NO_TAIL_AFTER)
        and not _PUNCT.search(cur)
        and not _MARKER_TAIL.match(cur)
        and not _NOT_A_TAIL.match(cur)
    ):
        return True  # a title wrapped by the page: '…持续优化营商' + '环境'
    if width is None or not width - 8 <= display_width(prev) <= width + 2:
        return False
    return not prev.endswith(_SENTENCE_END)


def normalize(source: str) -> TrackedText:
    """Return the repaired text of ``source``: one paragraph per line, offsets kept.

    Args:
        source: The original text.

    Returns:
        The text with hard wraps and split markers joined, lines stripped, blank lines kept
        only between paragraphs (never inside one).
    """
    lines = _clean_lines(source)
    width = _wrap_width(lines)
    paragraphs: list[list[TrackedText]] = []
    blank_before = False
    texts = [line.text for line in lines if line.text]
    k = 0  # index of the current line among the non-blank ones
    for line in lines:
        if not line.text:
            blank_before = True
            continue
        k += 1
        following = texts[k] if k < len(texts) else ""
        if paragraphs and _continues(paragraphs[-1][-1].text, line.text, following, width):
            paragraphs[-1].append(line)
        else:
            if blank_before and paragraphs:
                paragraphs.append([TrackedText("", (0,), (line.srcs[0],))])
            paragraphs.append([line])
        blank_before = False
    return TrackedText.join((TrackedText.join(p) for p in paragraphs), "\n")
