"""Lark tree → nodes: the sections of ``grammars/structure.lark``'s tree, bottom up.

lark's LALR parser nests the tokens of :class:`~policy_parser.lex.MarkerPostLex` into
``start(preamble, section*, notes)``; this :class:`lark.Transformer` turns each rule into a
:class:`Node` (a section's marker segment, its text segments, its children), still over the
normalised body's offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token, Transformer, Tree

from policy_parser.lex import LexDiagnostic, MarkerToken, Segment
from policy_parser.normalize import TrackedText
from policy_parser.transform.headings import Reading

__all__ = ["Built", "Node", "NodeBuilder", "build_nodes"]


@dataclass(slots=True)
class Node:
    """A section while it is being built: its segments and children."""

    marker: Segment
    texts: list[Segment] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    # The marker line without its marker, and how it reads alone (no later paragraphs): the
    # tails ask it of a list's items, and drafts asks it again of each item (（一）甲；).
    alone: tuple[TrackedText, Reading] | None = None

    def last_end(self) -> int:
        """Return the end offset of the last segment in this subtree."""
        if self.children:
            return self.children[-1].last_end()
        return self.texts[-1].end if self.texts else self.marker.end


@dataclass(frozen=True, slots=True)
class Built:
    """The body as the structure grammar read it: preamble, top-level sections, notes."""

    preamble: list[Segment]
    sections: list[Node]
    notes: list[LexDiagnostic]


def _text(token: Token) -> Segment:
    """The segment of a ``TEXT`` token: its positions in the body."""
    assert token.start_pos is not None and token.end_pos is not None
    return Segment(token.start_pos, token.end_pos)


class NodeBuilder(Transformer[Token, object]):
    """Turns the tree of ``structure.lark`` into nodes, bottom up, one method per rule.

    ``MARKER`` tokens carry their segment (marker, level); ``TEXT`` tokens their positions;
    ``NOTE`` tokens a numbering diagnostic. Made-up example: ``一、甲`` ⏎ ``乙`` is
    ``start(preamble(), section(MARKER, TEXT), notes())``.
    """

    def start(self, items: list[object]) -> Built:
        """``start: preamble section* notes``: the whole body."""
        preamble, *sections, notes = items
        assert isinstance(preamble, list) and isinstance(notes, list)
        return Built(preamble, [n for n in sections if isinstance(n, Node)], notes)

    def preamble(self, items: list[Token]) -> list[Segment]:
        """``preamble: TEXT*``: the text before the first section."""
        return [_text(t) for t in items]

    def section(self, items: list[object]) -> Node:
        """``section: MARKER TEXT* children?``: a marker line, its text, its children."""
        head = items[0]
        assert isinstance(head, MarkerToken)
        node = Node(head.segment)
        for item in items[1:]:
            if isinstance(item, Token):
                node.texts.append(_text(item))
            elif isinstance(item, list):
                node.children = item
        return node

    def children(self, items: list[Node]) -> list[Node]:
        """``children: _OPEN section+ _CLOSE``: the sections one level down."""
        return list(items)

    def notes(self, items: list[Token]) -> list[LexDiagnostic]:
        """``notes: NOTE*``: the numbering problems the PostLex saw."""
        return [t.value for t in items]


def build_nodes(parsed: Built | Tree[Token]) -> Built:
    """Return the preamble segments, the top-level nodes and the notes of a parsed body.

    ``parsed`` is what ``structure_lark(NodeBuilder).parse`` returns (the nodes already: the
    builder ran inside the parser), or a tree of ``structure_lark()``, transformed here.
    """
    if isinstance(parsed, Built):
        return parsed
    result = NodeBuilder().transform(parsed)
    assert isinstance(result, Built)
    return result
