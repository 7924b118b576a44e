"""Look-ahead for numbering continuity: what the candidates after one say about it.

Most candidates continue a list and need no look-ahead. The few that jump, glue or restart are
decided by the candidates that follow them, in the whole body: the PostLex collects every
candidate before it selects any (the one place look-ahead happens, see ``docs/grammar.md``).
Each question is a bisect over an index built once, not a scan of the next candidates.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from policy_parser.lex.candidates import Marker
from policy_parser.lex.kinds import GLUE_NEXT

__all__ = ["LOOKAHEAD", "Later"]

LOOKAHEAD = 64  # how many candidates ahead "soon" reaches


@dataclass(frozen=True, slots=True)
class _Index:
    """The candidates of a text by what the questions of :class:`Later` look up."""

    where: dict[tuple[str, int], list[int]]  # boundary candidates by (key, number)
    anywhere: dict[tuple[str, int], list[int]]  # candidates numbered 1 to 3 by (key, number)
    lines: dict[str, list[int]]  # line-start candidates by key

    @classmethod
    def build(cls, found: list[Marker]) -> _Index:
        """Index the candidates ``found`` (in text order)."""
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
        return cls(where, anywhere, lines)


class Later:
    """The candidates of a text, indexed for what those after one say about it.

    Made-up example: in ``第二条…`` ``第十八条…`` ``第十九条…``, :meth:`continued` of 第十八条 is
    true (第十九条 follows): the jump is the text's own numbering, kept with a gap diagnostic.

    The index is built at the first question: a text whose lists all simply continue (a plan
    of 一、（一）1. 2. …) asks none, and indexing its thousands of candidates would be waste.
    """

    __slots__ = ("_index", "found")

    def __init__(self, found: list[Marker]) -> None:
        self.found = found
        self._index: _Index | None = None

    @classmethod
    def index(cls, found: list[Marker]) -> Later:
        """Index the candidates ``found`` (in text order)."""
        return cls(found)

    def _built(self) -> _Index:
        if self._index is None:
            self._index = _Index.build(self.found)
        return self._index

    def continued(self, i: int) -> bool:
        """Whether a boundary candidate soon after ``found[i]`` has its style and next number.

        Evidence that a big jump (第二条 → 第十八条) is the text's own numbering.
        """
        c = self.found[i]
        at = self._built().where.get((c.key, c.number + 1))
        if not at:
            return False
        j = bisect_right(at, i)
        return j < len(at) and at[j] <= i + LOOKAHEAD

    def opens_run(self, i: int) -> bool:
        """Whether ``found[i]`` is a glued 1 that a 2 and then a 3 of its style soon follow.

        A run-together list whose first number is glued to the title: …加油站1.黑龙江…2.吉林….
        """
        c = self.found[i]
        if c.number != 1 or c.boundary or c.kind not in GLUE_NEXT:
            return False
        at = i
        anywhere = self._built().anywhere
        for n in (2, 3):
            later = anywhere.get((c.key, n), [])
            j = bisect_right(later, at)
            if j == len(later) or later[j] > i + LOOKAHEAD:
                return False
            at = later[j]
        return True

    def rises(self, i: int) -> bool:
        """Whether ``found[i]`` opens a line and the next line-start one of its style counts higher.

        True too when none follows: an excerpt that picks items keeps their numbers (5. → 12.).
        """
        c = self.found[i]
        if not c.line_start:
            return False
        later = self._built().lines[c.key]
        j = bisect_right(later, i)
        return j == len(later) or self.found[later[j]].number > c.number
