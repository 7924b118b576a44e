"""Build the trace: one entry per source line, named by the rule that claimed it.

A line's rule is decided at its first non-space character, mapped into the normalised text
segmentation read:

1. the first frame rule that claimed that character (``title:title_like``,
   ``header:addressees``, ``close:date``, ``openers:open_named_label`` …);
2. else, inside a document's body, what the finished document made of it: the line that opens
   a section (``section:cn_comma`` for '一、…'), the rest of a section (``section-text``), the
   text before the first section (``preamble``) or after the sections (``closing``);
3. else ``unclaimed`` (a page's navigation, a news article around the document), and a line
   of white space only is ``blank``.

Body lines are attributed from the document's sections, never from the lexer's tokens: the
trace reads the parse's result, so it stays true whatever the lexer does inside.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from policy_parser.errors import Span
from policy_parser.models import Document, TraceEntry
from policy_parser.normalize import TrackedText
from policy_parser.segment import Frame

__all__ = ["BLANK", "CLOSING", "PREAMBLE", "SECTION_TEXT", "UNCLAIMED", "build_trace"]

BLANK = "blank"  # a line of white space only
UNCLAIMED = "unclaimed"  # text outside every document and claimed by no rule
PREAMBLE = "preamble"  # body text before the first section: '为做好甲工作，现通知如下：'
CLOSING = "closing"  # body text after the sections: '本通知自印发之日起施行。'
SECTION_TEXT = "section-text"  # a line inside a section that does not open it
SECTION = "section:"  # + the marker kind of the section a line opens: 'section:cn_comma'

_MAX_TEXT = 200  # TraceEntry.text keeps this many characters of a line


@dataclass(frozen=True, slots=True)
class _Body:
    """A document's body in the normalised text, and where its first section starts."""

    start: int
    end: int
    first_section: int | None  # source offset of its first section, if it has one


@dataclass(frozen=True, slots=True)
class _Open:
    """A section of the whole parse, pre-order, with its full path ('附件1/一/（二）')."""

    start: int
    end: int
    path: str
    kind: str


def build_trace(doc: Document, frame: Frame, tracked: TrackedText) -> tuple[TraceEntry, ...]:
    r"""Return one :class:`TraceEntry` for each line of ``doc.source``.

    Lines are separated by ``\n`` (as :attr:`Diagnostic.line` counts them); a final ``\n``
    ends the last line rather than starting an empty one.

    Args:
        doc: The parsed document (its sections and attachments name the body lines).
        frame: The segmentation it was built from, read with ``trace=True`` (its ``claims``).
        tracked: The normalised text the frame's offsets index.

    Returns:
        The entries in line order; made up: for '关于甲的通知\n各单位：' the rules
        ``title:title_like`` then ``header:addressees``.
    """
    source = doc.source
    lines = _source_lines(source)
    firsts = [_first_char(source, a, b) for a, b in lines]
    # A blank line stands where it starts; each line's position is at least the one before it.
    where = _Inverse(tracked)
    at: list[int] = []
    for (a, _), q in zip(lines, firsts, strict=True):
        at.append(max(where.position(a if q is None else q), at[-1] if at else 0))
    rules = _claimed(at, frame.claims)
    bodies = _bodies(frame, doc)
    inside = _deepest(
        [a if q is None else q for (a, _), q in zip(lines, firsts, strict=True)], _sections(doc)
    )
    out: list[TraceEntry] = []
    for k, ((a, b), q) in enumerate(zip(lines, firsts, strict=True)):
        section = inside[k]
        rule = BLANK if q is None else rules[k] or _body_rule(at[k], q, bodies, section)
        out.append(_entry(source, k + 1, a, b, rule, section.path if section else None))
    return tuple(out)


def _entry(source: str, line: int, a: int, b: int, rule: str, path: str | None) -> TraceEntry:
    """Build the entry of one line, its text shortened to :data:`_MAX_TEXT` characters."""
    text = source[a:b]
    if len(text) > _MAX_TEXT:
        text = text[: _MAX_TEXT - 1] + "…"
    return TraceEntry(line=line, span=Span(start=a, end=b), rule=rule, text=text, section=path)


def _source_lines(source: str) -> list[tuple[int, int]]:
    r"""Return each line's range in ``source``, without its ``\n`` (and a ``\r`` before it)."""
    out: list[tuple[int, int]] = []
    pos = 0
    parts = source.split("\n")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()  # 'a\nb\n' holds two lines
    for part in parts:
        end = pos + len(part)
        out.append((pos, end - 1 if part.endswith("\r") else end))
        pos = end + 1
    return out


def _first_char(source: str, a: int, b: int) -> int | None:
    """Return the offset of the first non-space character of ``source[a:b]``, if any."""
    for k in range(a, b):
        if not source[k].isspace():
            return k
    return None


class _Inverse:
    """Source offset → position in the normalised text (the inverse of ``to_source``)."""

    def __init__(self, tracked: TrackedText) -> None:
        n = len(tracked.text)
        ends = [*tracked.starts[1:], n]
        runs = sorted(
            (src, start, end - start)
            for start, end, src in zip(tracked.starts, ends, tracked.srcs, strict=True)
            if end > start
        )
        self._srcs = [r[0] for r in runs]
        self._runs = runs
        self._n = n

    def position(self, q: int) -> int:
        """Return where source character ``q`` went; a dropped one maps to what follows it."""
        i = bisect_right(self._srcs, q) - 1
        if i >= 0:
            src, start, length = self._runs[i]
            if q < src + length:
                return start + q - src
        return self._runs[i + 1][1] if i + 1 < len(self._runs) else self._n


def _claimed(at: list[int], claims: list[tuple[int, int, str]]) -> list[str | None]:
    """Return, for each line position, the first claim that covers it (None: no claim).

    ``at`` ascends with the lines (the normalised text keeps the source's order).
    """
    rules: list[str | None] = [None] * len(at)
    for start, end, rule in reversed(claims):  # (the earlier claims are painted last: first wins)
        lo = bisect_right(at, start - 1)
        hi = bisect_right(at, end - 1)
        for k in range(lo, hi):
            rules[k] = rule
    return rules


def _bodies(frame: Frame, doc: Document) -> list[_Body]:
    """Return the body of ``doc`` and of its attachments, each frame with its document."""
    first = doc.sections[0].span.start if doc.sections else None
    out = [_Body(frame.body[0], frame.body[1], first)]
    for sub_frame, sub_doc in zip(frame.attachments, doc.attachments, strict=True):
        out.extend(_bodies(sub_frame, sub_doc))
    return out


def _sections(doc: Document, prefix: str = "") -> list[_Open]:
    """Return every section of ``doc`` and its attachments by where it starts, parents first.

    The paths are those :meth:`Document.find` takes: '二/（三）', '附件1/一' in an attachment.
    """
    out = [_Open(s.span.start, s.span.end, prefix + s.path, s.kind.value) for s in doc.walk()]
    for i, attachment in enumerate(doc.attachments, start=1):
        out.extend(_sections(attachment, f"{prefix}附件{i}/"))
    out.sort(key=lambda s: (s.start, -s.end))  # (stable: a parent before a child at its start)
    return out


def _deepest(positions: list[int], sections: list[_Open]) -> list[_Open | None]:
    """Return, for each ascending source position, the deepest section holding it, if any."""
    out: list[_Open | None] = []
    open_: list[_Open] = []
    nxt = 0
    for q in positions:
        while nxt < len(sections) and sections[nxt].start <= q:
            open_.append(sections[nxt])
            nxt += 1
        open_ = [s for s in open_ if s.end > q]  # (what is left holds q: a chain, outer first)
        out.append(open_[-1] if open_ else None)
    return out


def _body_rule(pos: int, q: int, bodies: list[_Body], section: _Open | None) -> str:
    """Name a line no frame rule claimed by where it stands in the documents' bodies.

    Made up: in a body, '一、总体要求' opens a section (``section:cn_comma``), the line under it
    is ``section-text``; '为做好甲工作，现通知如下：' before the first section is ``preamble``.
    """
    for body in bodies:
        if body.start <= pos < body.end:
            if section is not None:
                return SECTION + section.kind if section.start == q else SECTION_TEXT
            if body.first_section is None or q < body.first_section:
                return PREAMBLE
            return CLOSING
    return UNCLAIMED
