"""Numbering continuity: which marker candidates are markers, and at what level.

A candidate either continues a list that is open (``（二）`` after ``（一）``), re-opens a list
at the level it had (``（九）`` under ``三、`` after ``（八）`` under ``二、``: numbering that runs
on), or opens a new, deeper list at 1. Line-start candidates may leave a small gap or repeat a
number (a diagnostic says so); candidates inside a line must continue exactly and follow a
sentence end. This is what rejects ``统一、开放``, ``多报合一、信息共享``, ``2025年``, ``（32人）``,
``第三条规定的`` and ``1+X证书``.

A marker style takes its level from where it first appears: a new style opens a level under
the current one, unless its canonical GB/T 9704 rank (一、 → （一） → 1. → （1）) puts it above
styles already open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policy_parser.errors import Severity
from policy_parser.lex.candidates import Marker
from policy_parser.lex.kinds import (
    ARABIC,
    BY_ORDER,
    GBT,
    GLUE_NEXT,
    MAY_GLUE,
    PICKED,
    RANK,
    STATUTE,
    rank,
)
from policy_parser.lex.later import Later
from policy_parser.models import MarkerKind

__all__ = ["LexDiagnostic", "Selector"]


@dataclass(frozen=True, slots=True)
class LexDiagnostic:
    """A problem seen while lexing, at an offset into the lexed text."""

    code: str
    severity: Severity
    message: str
    pos: int


@dataclass(slots=True)
class _Open:
    key: str
    kind: MarkerKind
    number: int


@dataclass(slots=True)
class Selector:
    """Numbering continuity: decides which candidates are markers, and at what level.

    Made-up example: offered ``一、`` ``（一）`` ``（二）`` ``二、`` in turn, it accepts them at
    levels 1, 2, 2, 1; offered ``统一、`` inside a line after them, it rejects it (二、 is open:
    only 三、 continues it).
    """

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
        r = rank(c.kind, c.key)
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
            while at < len(self.stack) and rank(self.stack[at].kind, self.stack[at].key) < r:
                at += 1
            return at, {1, self.last.get(c.key, 0) + 1}, False
        at = len(self.stack)
        if c.kind in BY_ORDER and c.number == 1:
            # 1.甲 ⏎ （一）子: （一） opens a level under 1. A list that starts past 1 has
            # lost its first item (（4） ⏎ 2.): its canonical rank tells where it goes.
            return at, {1}, False
        for i, frame in enumerate(self.stack):
            if rank(frame.kind, frame.key) > r:
                at = i
                break
        return at, {1}, False

    def offer(self, c: Marker, i: int, later: Later) -> int | None:
        """Accept ``c`` and return its level, or reject it (None).

        Args:
            c: The candidate, ``later.found[i]``.
            i: Its index.
            later: What the candidates after it say, asked only when a rule needs it (most
                candidates continue a list and need none of it); see :class:`Later`.
        """
        at, expected, sibling = self._where(c)
        n = c.number
        if c.weak and not (n in expected and c.boundary):
            return None
        if (c.digit_after or c.cited) and not (sibling and n in expected):
            # 1.5亿元, （一）至（三）项规定的…: only the next item of an open list.
            return None
        # Run-together lists glue the next number to the item before: 1.大庆石油管理局2.辽河…
        glued_next = (
            (sibling or later.opens_run(i))
            and c.kind in GLUE_NEXT
            and not c.digit_after
            and not c.enumeration
        )
        if n in expected and (c.boundary or c.kind in MAY_GLUE or glued_next):
            return self._push(c, at)
        last = self.stack[at].number if sibling else self.last.get(c.key)
        if last is not None and c.boundary and n > last and later.continued(i):
            # 第二条 … 第十八条, 第十九条: a jump the text keeps counting from is its numbering.
            return self._gap(c, at, last)
        if not c.line_start:
            return None
        return self._at_line_start(c, i, later, at, sibling, last)

    def _at_line_start(
        self, c: Marker, i: int, later: Later, at: int, sibling: bool, last: int | None
    ) -> int | None:
        """The rules for a line-start candidate that does not simply continue its list."""
        n = c.number
        if last is not None and n > last and c.kind in STATUTE:
            # A line that opens with 第三十条 is an article, whatever came before (an excerpt).
            return self._gap(c, at, last)
        if last is not None and last < n < 100 and c.kind in PICKED and later.rises(i):
            # An excerpt keeps the numbers of the items it picks: 5.… 12.… 二、… 19.…
            return self._gap(c, at, last)
        if sibling:
            return self._sibling(c, at)
        if self.accepted == 0 and (n < 100 or c.kind not in ARABIC):  # not 2025.
            # An excerpt may start anywhere (（十八）…): worth a word, not an error.
            self._note(c, "numbering-start", Severity.WARNING, f"the text starts at {c.marker}")
            return self._push(c, at)
        if n <= 3 and c.key not in self.parent_of:
            # A new list that skips its first item.
            self._note(c, "numbering-gap", Severity.ERROR, f"{c.marker} opens a list at {n}, not 1")
            return self._push(c, at)
        return None

    def _sibling(self, c: Marker, at: int) -> int | None:
        """A line-start item of an open list that does not carry the next number."""
        n, last = c.number, self.stack[at].number
        if last < n <= last + 3:
            return self._gap(c, at, last)
        if n == last:
            self._note(c, "duplicate-number", Severity.ERROR, f"{c.marker} repeats {last}")
            return self._push(c, at)
        if n == 1 and at == 0:
            # The top level starts again: a table of contents before the text, or a
            # second copy of it. Keep the structure; segment.py drops such parts.
            self._note(c, "numbering-restart", Severity.WARNING, f"{c.marker} starts over")
            return self._push(c, at)
        return None

    def _gap(self, c: Marker, at: int, last: int) -> int:
        """Accept ``c`` though it skips numbers after ``last``, and say so."""
        self._note(c, "numbering-gap", Severity.ERROR, f"{c.marker} follows number {last}")
        return self._push(c, at)

    def _push(self, c: Marker, at: int) -> int:
        if c.key not in self.parent_of:
            parent = self.stack[at - 1] if at else None
            self.parent_of[c.key] = parent.key if parent else None
            # Within the GB/T 9704 four: 1. under 一、 is common and fine; （1） under 一、 is not.
            if parent and {c.kind, parent.kind} <= GBT and RANK[c.kind] - RANK[parent.kind] > 2:
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

    def continues(self, c: Marker) -> bool:
        """Whether ``c`` carries the next number of a list open now: （三） after （二）."""
        return any(f.key == c.key and f.number + 1 == c.number for f in self.stack)

    def note(self, c: Marker, code: str, severity: Severity, message: str) -> None:
        """Record a diagnostic at candidate ``c``."""
        self._note(c, code, severity, message)

    def _note(self, c: Marker, code: str, severity: Severity, message: str) -> None:
        self.diagnostics.append(LexDiagnostic(code, severity, message, c.start))
