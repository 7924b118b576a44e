"""Levels → tokens: the chosen markers cut the lines, and level changes become _OPEN/_CLOSE.

The way lark's ``Indenter`` turns indentation into INDENT/DEDENT, a marker one level deeper
than the one before is preceded by ``_OPEN`` and a marker higher up by one ``_CLOSE`` per level
it leaves. Made-up example: markers at levels 1, 2, 2, 1 give
``MARKER _OPEN MARKER MARKER _CLOSE MARKER``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

# Token from the module that defines it: mypyc needs the defining module imported to subclass
# a class (mypyc/mypyc#1155; ``from lark import Token`` fails in C with CPyModule_lark___lexer).
from lark.lexer import Token

from policy_parser._fastinit import fast_init
from policy_parser.errors import Severity
from policy_parser.lex.boxes import Boxes
from policy_parser.lex.candidates import Marker
from policy_parser.lex.continuity import LexDiagnostic, Selector
from policy_parser.lex.kinds import STRONG
from policy_parser.lex.later import Later

_C = TypeVar("_C")
_T = TypeVar("_T", bound=Token)

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # pure Python without mypy installed: the decorator only speaks to mypyc

    def mypyc_attr(*attrs: str, **kwattrs: object) -> Callable[[_C], _C]:
        """Return the class unchanged (mypy_extensions.mypyc_attr, where mypyc is absent)."""
        return lambda cls: cls


__all__ = ["MarkerToken", "Segment", "nest", "segments", "select"]


@fast_init
@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a line: a section's opening (``marker`` set) or a run of text."""

    start: int
    end: int
    marker: Marker | None = None
    level: int = 0


# A str subclass cannot be a mypyc native class: compiled, it stays a plain Python class.
@mypyc_attr(native_class=False)
class MarkerToken(Token):
    """A ``MARKER`` token: a section's marker line, with the segment it stands for."""

    __slots__ = ("segment",)
    segment: Segment


def select(
    found: list[Marker], box_starts: Sequence[int] = ()
) -> tuple[list[tuple[Marker, int]], list[LexDiagnostic]]:
    """Return the candidates that are markers, with their levels, and the diagnostics.

    A candidate inside the one chosen before it (its trailing spaces) is skipped, and so is
    one a box holds (``boxes.py``; ``box_starts`` are where the box labels stand); a
    line-start candidate of a strong style (一、, （一）, 第X条) that does not continue is noted.
    """
    selector = Selector()
    boxes = Boxes(list(box_starts))
    chosen: list[tuple[Marker, int]] = []
    later = Later.index(found)
    # Locals for what the loop asks of every candidate (a plan has thousands): the end of the
    # last chosen marker, whether the text has boxes at all (most have none: no box calls).
    last_end = -1
    has_boxes = bool(boxes.starts)
    offer = selector.offer
    for i, c in enumerate(found):
        if c.start < last_end:
            continue
        if (
            has_boxes
            and boxes.open_at(c.start)
            and boxes.holds(c, selector.continues(c), not selector.stack)
        ):
            continue
        level = offer(c, i, later)
        if level is not None:
            chosen.append((c, level))
            last_end = c.end
            if boxes.open:
                boxes.leave(c)
        elif boxes.open:
            continue  # text of the box
        elif c.line_start and c.kind in STRONG and not c.cited:
            selector.note(c, "ignored-marker", Severity.INFO, f"{c.marker} does not continue")
    return chosen, selector.diagnostics


_new_str = str.__new__  # a local name: one look-up less per token


def _new_token(
    cls: type[_T], kind: str, value: str, start: int, line: int, column: int, end_column: int
) -> _T:
    """A one-line token of lark's class ``cls``: what ``cls(kind, value, start, line, …)`` builds.

    lark's ``Token.__new__`` takes ``*args, **kwargs`` (for a deprecated keyword) and hands
    them to a second constructor: two calls per token, a token or two per section. This sets
    the same public fields in one.
    """
    token = _new_str(cls, value)
    token.type = kind
    token.value = value
    token.start_pos = start
    token.end_pos = start + len(value)
    token.line = token.end_line = line
    token.column = column
    token.end_column = end_column
    return token


def _text(text: str, start: int, end: int, line: int, offset: int) -> Token:
    """The ``TEXT`` token of ``text[start:end]``, a run of text on line ``line`` at ``offset``.

    No :class:`Segment` for it: the structure parser's ``NodeBuilder`` makes one from the
    token's positions (一、甲。乙 → the TEXT token 乙 is the segment 3–4).
    """
    column = start - offset + 1
    return _new_token(Token, "TEXT", text[start:end], start, line, column, end - offset + 1)


def segments(text: str, chosen: list[tuple[Marker, int]]) -> Iterator[Token]:
    """Cut ``text`` at the chosen markers: one token per marker line or run of text.

    A marker line runs to the next marker on the line or to its end; a markdown ``## `` before
    a line-start marker is dropped, and so are pieces that are only spaces. Each marker line
    is a ``MARKER`` token (a :class:`MarkerToken`) carrying its :class:`Segment`.
    """
    cuts = iter(chosen)
    nxt = next(cuts, None)
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        line_end = offset + len(line)
        pos = offset
        while nxt is not None and nxt[0].start < line_end:
            marker, level = nxt
            if marker.line_start:
                pos = marker.start  # drop a markdown '## ' before the marker
            elif marker.start > pos and text[pos : marker.start].strip():
                yield _text(text, pos, marker.start, number, offset)
            pos = marker.start
            following = next(cuts, None)
            end = line_end
            if following is not None and following[0].start < line_end:
                end = following[0].start
            # The MARKER token built here, not by _new_token: one per section.
            value = text[pos:end]
            token = _new_str(MarkerToken, value)
            token.type, token.value = "MARKER", value
            token.start_pos, token.end_pos = pos, end
            token.line = token.end_line = number
            token.column, token.end_column = pos - offset + 1, end - offset + 1
            token.segment = Segment(pos, end, marker, level)
            yield token
            pos = end
            nxt = following
        if pos < line_end and text[pos:line_end].strip():
            yield _text(text, pos, line_end, number, offset)
        offset = line_end + 1


def _close(after: Token) -> Token:
    """A ``_CLOSE`` at the end of the token ``after``: a section ends where its last text does."""
    end, line, column = after.end_pos, after.end_line, after.end_column
    assert end is not None and line is not None and column is not None
    return _new_token(Token, "_CLOSE", "", end, line, column, column)


def nest(tokens: Iterable[Token]) -> Iterator[Token]:
    """Put ``_OPEN`` / ``_CLOSE`` between the segment tokens where the level changes.

    An ``_OPEN`` takes the position of the marker after it, a ``_CLOSE`` the end of the token
    before it, so that lark's ``propagate_positions`` gives each section the span from its
    marker to its last text.
    """
    level = 0
    last: Token | None = None
    for token in tokens:
        if isinstance(token, MarkerToken):
            new = token.segment.level
            if level:
                assert last is not None
                if new > level:
                    yield Token.new_borrow_pos("_OPEN", "", token)
                for _ in range(level - new):
                    yield _close(last)
            level = new
        yield token
        last = token
    for _ in range(level - 1):
        assert last is not None
        yield _close(last)
