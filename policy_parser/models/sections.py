"""Sections, their clauses and the bodies those name, with the factories the stages use."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import Field

from policy_parser.errors import Span
from policy_parser.models.base import _Frozen, _trusted
from policy_parser.models.deadlines import Deadline
from policy_parser.models.kinds import MarkerKind, Role

__all__ = [
    "BodyMention",
    "Clause",
    "Section",
    "make_clause",
    "make_mention",
    "make_section",
]


class BodyMention(_Frozen):
    """A body (organ, organisation, group) that a clause assigns work to.

    Attributes:
        name: The name as written, after splitting coordinated lists.
        role: ``responsible``, ``lead``, ``cooperate`` or ``encouraged``.
        span: Where the name stands in the source; ``source[span.start:span.end] == name``
            when the name is written contiguously.
    """

    name: str
    role: Role
    span: Span


class Clause(_Frozen):
    """One sentence (or ``；`` part with its own subject) of a section's own text.

    Attributes:
        text: The clause as written, line wraps repaired.
        span: Where it stands in the source.
        bodies: The bodies it assigns work to.
        deadline: When the work is due, where the clause or its table row says so
            (``完成时限：2024年底前``, a 完成时限 column); None otherwise.
    """

    text: str
    span: Span
    bodies: list[BodyMention] = Field(default_factory=list)
    deadline: Deadline | None = None


class Section(_Frozen):
    """A numbered part of a document, with its children.

    Attributes:
        level: 1 for the top level of this document.
        marker: The marker as written: '（十八）', '一、', '1.', '第三条'.
        kind: The marker style.
        number: The integer the marker counts: 18 for （十八）.
        heading: The title line, the run-in title, or None (articles, list items).
        text: The section's own body after the heading, without children, line wraps repaired.
        children: The sections nested in this one.
        clauses: The own text split into clauses.
        span: From the marker to the end of the last descendant.
        path: The markers from the top joined by '/': '四/（十八）'.
    """

    level: int
    marker: str
    kind: MarkerKind
    number: int
    heading: str | None = None
    text: str = ""
    children: list[Section] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list)
    span: Span
    path: str

    def walk(self) -> Iterator[Section]:
        """Yield this section and all its descendants, pre-order."""
        return _preorder((self,))

    @property
    def bodies(self) -> list[BodyMention]:
        """Every body named in this section's own clauses."""
        return [body for clause in self.clauses for body in clause.bodies]


def _preorder(sections: Sequence[Section]) -> Iterator[Section]:
    """Yield ``sections`` and all their descendants, pre-order: 一、 （一） （二） 二、.

    An explicit stack, not a generator per level (``yield from child.walk()``): a section
    four levels deep then passed through four suspended generators on its way out, for every
    section of a 10,000-item plan.
    """
    stack = list(reversed(sections))
    pop, push = stack.pop, stack.extend
    while stack:
        section = pop()
        yield section
        if section.children:
            push(reversed(section.children))


def make_mention(name: str, role: Role, span: Span) -> BodyMention:
    """Build a :class:`BodyMention` from pipeline values, without validation (see ``_trusted``)."""
    return _trusted(BodyMention, {"name": name, "role": role, "span": span})


def make_clause(
    text: str, span: Span, bodies: list[BodyMention], deadline: Deadline | None = None
) -> Clause:
    """Build a :class:`Clause` from pipeline values, without validation (see ``_trusted``)."""
    return _trusted(Clause, {"text": text, "span": span, "bodies": bodies, "deadline": deadline})


def make_section(
    *,
    level: int,
    marker: str,
    kind: MarkerKind,
    number: int,
    heading: str | None,
    text: str,
    children: list[Section],
    clauses: list[Clause],
    span: Span,
    path: str,
) -> Section:
    """Build a :class:`Section` from pipeline values, without validation (see ``_trusted``)."""
    values = {
        "level": level,
        "marker": marker,
        "kind": kind,
        "number": number,
        "heading": heading,
        "text": text,
        "children": children,
        "clauses": clauses,
        "span": span,
        "path": path,
    }
    return _trusted(Section, values)
