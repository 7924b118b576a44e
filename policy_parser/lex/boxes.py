"""Boxes (专栏, 表): numbered blocks set in a section's text, whose items are no sections.

A plan sets boxes in its text: ``（二）主要目标。…`` ⏎ ``专栏1　主要指标`` ⏎ ``1.科普经费…`` ⏎
``2.公民科学素质…`` ⏎ ``注：指标为预期性。`` ⏎ ``（三）基本原则。…``. The box, its items and the
notes under it are text of the section it stands in (the deepest one open at its label, as
the grammar holds a section's text before its children); the box ends where the section's
own numbering goes on: the next item of a list open at the label (（三） above), or of an
ancestor's list. The box counts its own items apart, so that its ``（一）`` ``（二）`` never end
it when the section's list stands at （一）: a candidate that is the next item of the box's
own list stays in the box. Before any section (a box in the preamble) the first heading style
the box does not use (一、, 第一章) ends it. Labels are data: ``data/box_labels.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from policy_parser.lex.candidates import Marker
from policy_parser.lex.kinds import STATUTE
from policy_parser.models import MarkerKind
from policy_parser.wordlists import words

__all__ = ["Boxes", "box_starts"]

_HEADING_STYLES = frozenset((*STATUTE, MarkerKind.CN_COMMA, MarkerKind.DECIMAL))


@cache
def _label() -> regex.Pattern[str]:
    labels = "|".join(regex.escape(w) for w in words("box_labels", "box"))
    number = r"(?:[0-9]{1,3}(?:[-－—.．][0-9]{1,3})?|[一二三四五六七八九十]{1,3})"
    return regex.compile(
        rf"^[# \t\u3000]*(?:{labels})[ \u3000]*{number}(?=[ \t\u3000：:]|$|[\u4e00-\u9fff（(])",
        regex.MULTILINE,
    )


def box_starts(text: str) -> list[int]:
    """Return where each box label line starts: ``专栏1　主要指标``, ``表2``, ``## 专栏 3``.

    A label inside a sentence (``见专栏1``) opens no box; nor does a word that starts with a
    label (``表彰``): a number must follow it.
    """
    return [m.start() for m in _label().finditer(text)]


@dataclass(slots=True)
class Boxes:
    """The boxes of a text as the candidates pass them: which candidates a box holds.

    Made-up example: with ``一、`` and ``（一）`` open at ``专栏1``, the box's ``（一）`` and
    ``（二）`` are held (its own list), the section's ``（二）`` after them ends the box.
    """

    starts: list[int]
    next_box: int = 0
    open: bool = False
    own: dict[str, int] = field(default_factory=dict)  # the box's lists: key → last number

    def open_at(self, start: int) -> bool:
        """Whether a box is open at ``start``: the labels before it passed, the last one open.

        Asked before :meth:`holds`, so that a text without boxes (most) spares what holds
        needs to know.
        """
        starts = self.starts
        while self.next_box < len(starts) and starts[self.next_box] <= start:
            self.next_box += 1
            self.open, self.own = True, {}
        return self.open

    def holds(self, c: Marker, continues: bool, before_sections: bool) -> bool:
        """Whether the box open at ``c`` (if any) holds it as text.

        When it does not, the box is still open: the candidate ends it only if numbering
        continuity accepts it (then call :meth:`leave`); a rejected one is text of the box.

        Args:
            c: The candidate.
            continues: Whether it is the next item of a list open outside the box.
            before_sections: Whether no section is open (a box in the preamble).
        """
        if not self.open_at(c.start) or c.kind is MarkerKind.TABLE_ROW:
            return False  # a flattened table's rows are read as rows (tab_tables.py)
        if continues and self.own.get(c.key, 0) + 1 != c.number:
            return False  # the section's own numbering goes on: （三） after the box
        if before_sections and c.kind in _HEADING_STYLES and c.key not in self.own:
            return False  # a box in the preamble ends at the first 一、 or 第一章
        if c.line_start:
            self.own[c.key] = c.number  # inside a line 统一、 is no item of the box
        return True

    def leave(self, c: Marker) -> None:
        """Close the open box: ``c``, after it, was accepted as a marker (a table row aside)."""
        if c.kind is not MarkerKind.TABLE_ROW:
            self.open = False
