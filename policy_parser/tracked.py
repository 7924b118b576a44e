r"""The normalised text a parse reads: a string that maps each character back to the source.

:func:`~policy_parser.normalize.normalize` makes it; every later stage slices, strips and joins
it (a section's marker line, its paragraphs, its clauses) and asks where a piece came from, so
that every span the parser reports indexes the original text: after ``甲\\r\\n乙``, the
normalised ``乙`` at 2 is at 3 in the source.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from policy_parser._fastinit import fast_init

__all__ = ["SPACES", "TrackedText"]

# What strip() takes off: plain, tab, ideographic, no-break and thin spaces, zero-width marks.
SPACES = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"


@fast_init
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
        starts = self.starts
        n = len(self.text)
        if pos >= n and n:
            return self._offset(n - 1) + 1
        if len(starts) == 1:  # one run, the common case: no bisect
            return self.srcs[0] + (pos - starts[0]) if pos >= starts[0] else self.srcs[0]
        return self._offset(pos)

    def _offset(self, pos: int) -> int:
        """Return the source offset of ``pos``, a position inside the text."""
        i = bisect_right(self.starts, pos) - 1
        return self.srcs[i] + (pos - self.starts[i]) if i >= 0 else self.srcs[0]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the source range covering ``text[start:end]``."""
        if end <= start:
            at = self.to_source(start)
            return at, at
        if self.starts == (0,) and start >= 0 and end <= len(self.text):
            # One run of the source (most clause and body spans): one shift, no lookups.
            shift = self.srcs[0]
            return shift + start, shift + end
        return self.to_source(start), self.to_source(end - 1) + 1

    def slice(self, start: int, end: int) -> TrackedText:
        """Return ``text[start:end]`` with its offsets."""
        start, end = max(0, start), min(len(self.text), end)
        if end <= start:
            at = self.to_source(start) if self.text else self.srcs[0]
            return TrackedText("", (0,), (at,))
        starts, srcs = self.starts, self.srcs
        if len(starts) == 1 and start >= starts[0]:  # one run stays one run
            return TrackedText(self.text[start:end], (0,), (srcs[0] + start - starts[0],))
        i = bisect_right(starts, start) - 1
        j = bisect_right(starts, end - 1)
        if j == i + 1:  # within one run, as a piece of a line is
            return TrackedText(self.text[start:end], (0,), (srcs[i] + start - starts[i],))
        new_starts = (0, *[s - start for s in starts[i + 1 : j]])
        new_srcs = (srcs[i] + (start - starts[i]), *srcs[i + 1 : j])
        return TrackedText(self.text[start:end], new_starts, new_srcs)

    def strip(self) -> TrackedText:
        """Return the text without leading and trailing white space."""
        text = self.text
        lead = len(text) - len(text.lstrip(SPACES))
        trail = len(text) - len(text.rstrip(SPACES))
        return self.slice(lead, len(text) - trail) if lead or trail else self

    def strip_slice(self, start: int, end: int) -> TrackedText:
        """Return ``self.slice(start, end).strip()``, built once.

        A section's marker line is cut out and stripped for every section (``一、总体要求``
        without its marker): the stripped bounds are found on the string, and only the kept
        piece is built (in one run of the source, without a lookup).
        """
        if 0 <= start < end:  # (a negative end would count from the end of the string)
            piece = self.text[start:end]
            kept = piece.lstrip(SPACES)
            first = start + len(piece) - len(kept)
            kept = kept.rstrip(SPACES)
            if kept:
                starts = self.starts
                if len(starts) == 1 and starts[0] <= first:
                    return TrackedText(kept, (0,), (self.srcs[0] + first - starts[0],))
                return self.slice(first, first + len(kept))
        return self.slice(start, end).strip()

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
        if not isinstance(parts, list):
            parts = list(parts)
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return _NOTHING  # a title line's own text before its paragraphs: often none
        starts: list[int] = []
        srcs: list[int] = []
        pos = 0
        gap = len(sep)
        previous_end = -1  # source offset just after the part before (-1: no part yet)
        for part in parts:
            if gap and previous_end >= 0:
                # The lines of a clean text sit side by side in the source: a separator and
                # the next line that go on where the run before them ends extend that run, so
                # the body of a clean text stays one run and slicing it needs no bisect.
                if srcs[-1] + pos - starts[-1] != previous_end:
                    starts.append(pos)
                    srcs.append(previous_end)
                pos += gap
            n = len(part.text)
            part_starts = part.starts
            if len(part_starts) == 1:  # most parts are one run: no comprehension, no bisect
                src, first = part.srcs[0], part_starts[0]
                if not starts or srcs[-1] + pos + first - starts[-1] != src:
                    starts.append(pos + first)
                    srcs.append(src)
                # Just after its last character, as _offset(n - 1) + 1 finds it.
                previous_end = (src + n - first if n > first else src + 1) if n else src
            else:
                starts.extend([pos + s for s in part_starts])
                srcs.extend(part.srcs)
                previous_end = part._offset(n - 1) + 1 if n else part.srcs[0]
            pos += n
        return TrackedText(sep.join([part.text for part in parts]), tuple(starts), tuple(srcs))


_NOTHING = TrackedText("", (0,), (0,))  # frozen: one empty text serves every empty join
