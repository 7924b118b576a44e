"""Lark tree → :class:`~policy_parser.models.Section` models with spans.

The tree from ``grammars/structure.lark`` holds segment indexes (see ``lexer.py``). This stage
reads each section's marker line: a title line (``一、总体要求``), a run-in title
(``（一）强化科普经费投入。各区县要…``) or plain text (articles, list items), and collects the
section's own text without its children, as a :class:`TrackedText` so that clause and body
spans can still be mapped to the source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex
from lark import Token, Transformer, Tree

from policy_parser.lexer import Lexed, Segment
from policy_parser.models import MarkerKind, Section, Span, path_key
from policy_parser.normalize import TrackedText

__all__ = ["Node", "build_nodes", "heading_and_text", "to_sections"]

_STATUTE_TITLED = {MarkerKind.PART, MarkerKind.CHAPTER, MarkerKind.SECTION}
_LINE_END_PUNCT = tuple("。；;！？!?：:，,、")
_RUN_IN_MAX = 25  # a run-in title is short: （一）强化科普经费投入。
_RUN_IN_COMMA_MAX = 14  # …and if it has a comma, shorter still: （一）坚持深化改革，简政放权。
_TITLE_MAX = 80
_SENTENCE_END = regex.compile(r"[。！？!?]")


@dataclass(slots=True)
class Node:
    """A section while it is being built: its segments and children."""

    marker: Segment
    texts: list[Segment] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def last_end(self) -> int:
        """Return the end offset of the last segment in this subtree."""
        if self.children:
            return self.children[-1].last_end()
        return self.texts[-1].end if self.texts else self.marker.end


class _ToNodes(Transformer[Token, object]):
    """Turns the parse tree into nodes; token values index ``Lexed.segments``."""

    def __init__(self, segments: tuple[Segment, ...]) -> None:
        super().__init__()
        self._segments = segments

    def _seg(self, token: Token) -> Segment:
        return self._segments[int(token.value)]

    def start(self, items: list[object]) -> tuple[list[Segment], list[Node]]:
        preamble = items[0]
        assert isinstance(preamble, list)
        return preamble, [n for n in items[1:] if isinstance(n, Node)]

    def preamble(self, items: list[Token]) -> list[Segment]:
        return [self._seg(t) for t in items]

    def section(self, items: list[object]) -> Node:
        head = items[0]
        assert isinstance(head, Token)
        node = Node(self._seg(head))
        for item in items[1:]:
            if isinstance(item, Token):
                node.texts.append(self._seg(item))
            elif isinstance(item, list):
                node.children = item
        return node

    def children(self, items: list[Node]) -> list[Node]:
        return list(items)


def build_nodes(tree: Tree[Token], lexed: Lexed) -> tuple[list[Segment], list[Node]]:
    """Return the preamble segments and the top-level nodes of ``tree``."""
    result = _ToNodes(lexed.segments).transform(tree)
    assert isinstance(result, tuple)
    return result  # type: ignore[return-value]


def _first_sentence_end(text: str) -> int | None:
    """Return the offset of the first 。！？ outside brackets and quotes, or None."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "（(《“‘〈【":
            depth += 1
        elif ch in "）)》”’〉】":
            depth = max(0, depth - 1)
        elif depth == 0 and _SENTENCE_END.match(ch):
            return i
    return None


def heading_and_text(
    kind: MarkerKind, rest: TrackedText, following: list[TrackedText], has_children: bool
) -> tuple[str | None, TrackedText | None, TrackedText]:
    """Split a section's marker line into its heading and its own text.

    Args:
        kind: The marker style.
        rest: The marker line after the marker.
        following: The section's later text lines (before any child).
        has_children: Whether child sections follow.

    Returns:
        ``(heading, run_in_heading_text, own_text)``: the heading (None for articles and list
        items), the heading as tracked text when it is a run-in sentence of the item, and the
        section's own text.
    """
    line = rest.text
    if kind is MarkerKind.ARTICLE or not line:
        return None, None, TrackedText.join([rest, *following])
    if kind in _STATUTE_TITLED:
        return line, None, TrackedText.join(following)
    title_like = (
        len(line) <= _TITLE_MAX
        and not line.endswith(_LINE_END_PUNCT)
        and _first_sentence_end(line) is None
    )
    if title_like:
        return line, None, TrackedText.join(following)
    end = _first_sentence_end(line)
    if end is not None:
        first = line[:end]
        after = line[end + 1 :].strip()
        short = len(first) <= (_RUN_IN_COMMA_MAX if regex.search(r"[，,]", first) else _RUN_IN_MAX)
        if short and not regex.search(r"[：:；;]", first) and (after or following or has_children):
            head = rest.slice(0, end)
            return first, head, TrackedText.join([rest.slice(end + 1, len(line)).strip(), *following])
    return None, None, TrackedText.join([rest, *following])


@dataclass(frozen=True, slots=True)
class Built:
    """A section with the tracked own text its clauses are read from."""

    section: Section
    own: TrackedText
    run_in: TrackedText | None


def to_sections(
    nodes: list[Node],
    body: TrackedText,
    clauses_of: Callable[[Built], Section] | None = None,
    prefix: str = "",
    level: int = 1,
) -> list[Section]:
    """Build the section models for ``nodes`` (children first, so the models stay frozen).

    Args:
        nodes: The nodes at one level.
        body: The lexed text with its offsets.
        clauses_of: Called with each built section to add its clauses (None: no clauses).
        prefix: The path of the parent.
        level: The level of these nodes.

    Returns:
        The sections, each with its children, heading, own text, span and path.
    """
    out: list[Section] = []
    for node in nodes:
        marker = node.marker.marker
        assert marker is not None
        path = f"{prefix}/{path_key(marker.marker)}" if prefix else path_key(marker.marker)
        rest = body.slice(marker.end, node.marker.end).strip()
        following = [body.slice(s.start, s.end).strip() for s in node.texts]
        heading, run_in, own = heading_and_text(marker.kind, rest, following, bool(node.children))
        children = to_sections(node.children, body, clauses_of, path, level + 1)
        start, _ = body.source_span(marker.start, marker.start + 1)
        _, end = body.source_span(node.last_end() - 1, node.last_end())
        section = Section(
            level=level,
            marker=marker.marker,
            kind=marker.kind,
            number=marker.number,
            heading=heading,
            text=own.text,
            children=children,
            span=Span(start=start, end=max(start, end)),
            path=path,
        )
        if clauses_of is not None:
            section = clauses_of(Built(section, own, run_in))
        out.append(section)
    return out
