"""The compact form a Document crosses a process boundary in (``parse_many``'s workers).

With several workers the parent process only receives results, but it shares the cores with
them, so whatever it spends per document is taken from the parsing. Pickling the model tree
runs Python code for every model on both sides; JSON makes the parent parse and validate text
three times the size of the document. Plain tuples pickle in C and rebuild through the models'
trusted factories, which costs the parent about a third of ``model_validate_json``
(``docs/performance.md``).

A packed section is a tuple in the order of :func:`_pack_section`; enumerations travel as
their values. ``unpack(pack(doc)) == doc`` for every document (``tests/test_wire.py``).
"""

from __future__ import annotations

from typing import Any

from policy_parser.models import (
    Clause,
    Document,
    MarkerKind,
    Role,
    Section,
    Span,
    make_clause,
    make_document,
    make_mention,
    make_section,
)

__all__ = ["Packed", "pack", "unpack"]

#: A packed document: its other fields, its packed sections, its packed attachments.
Packed = tuple[dict[str, Any], tuple[tuple[Any, ...], ...], tuple["Packed", ...]]

_KINDS = {kind.value: kind for kind in MarkerKind}
_ROLES = {role.value: role for role in Role}
_TREES = ("sections", "attachments")


def _pack_clause(clause: Clause) -> tuple[Any, ...]:
    bodies = tuple((b.name, b.role.value, b.span.start, b.span.end) for b in clause.bodies)
    return clause.text, clause.span.start, clause.span.end, bodies, clause.deadline


def _pack_section(s: Section) -> tuple[Any, ...]:
    return (
        s.level,
        s.marker,
        s.kind.value,
        s.number,
        s.heading,
        s.text,
        s.span.start,
        s.span.end,
        s.path,
        tuple(_pack_section(child) for child in s.children),
        tuple(_pack_clause(clause) for clause in s.clauses),
    )


def pack(doc: Document) -> Packed:
    """Return ``doc`` as nested tuples of plain values (and its few small models as they are).

    Args:
        doc: A parsed document.

    Returns:
        What :func:`unpack` rebuilds the same document from.
    """
    fields = {name: value for name, value in doc.__dict__.items() if name not in _TREES}
    return (
        fields,
        tuple(_pack_section(s) for s in doc.sections),
        tuple(pack(attachment) for attachment in doc.attachments),
    )


def _unpack_clause(packed: tuple[Any, ...]) -> Clause:
    text, start, end, bodies, deadline = packed
    mentions = [make_mention(n, _ROLES[r], Span(start=a, end=b)) for n, r, a, b in bodies]
    return make_clause(text, Span(start=start, end=end), mentions, deadline)


def _unpack_section(packed: tuple[Any, ...]) -> Section:
    level, marker, kind, number, heading, text, start, end, path, children, clauses = packed
    return make_section(
        level=level,
        marker=marker,
        kind=_KINDS[kind],
        number=number,
        heading=heading,
        text=text,
        children=[_unpack_section(child) for child in children],
        clauses=[_unpack_clause(clause) for clause in clauses],
        span=Span(start=start, end=end),
        path=path,
    )


def unpack(packed: Packed) -> Document:
    """Rebuild the document :func:`pack` was given.

    Args:
        packed: The result of :func:`pack`, after a pickle round trip or not.

    Returns:
        A document equal to the packed one.
    """
    fields, sections, attachments = packed
    return make_document(
        fields,
        sections=[_unpack_section(s) for s in sections],
        attachments=[unpack(a) for a in attachments],
    )
