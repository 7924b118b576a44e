"""Sections, their clauses and the bodies those name, with the factories the stages use."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from policy_parser.errors import Span
from policy_parser.models.kinds import MarkerKind, Role

__all__ = [
    "BodyMention",
    "Clause",
    "Section",
    "make_clause",
    "make_mention",
    "make_section",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


# The pipeline builds thousands of models per document from values it has typed itself (mypy
# checks the factories below), so it skips pydantic's validation and, more to the point, the
# set of field names pydantic keeps per instance: 216–728 bytes, more than a section's dict and
# often more than its text. Every model built here shares one set of all field names: the
# models are frozen, so pydantic never adds to it (model_copy adds to a copy).
# tests/test_models.py checks that the factories name every field and give the same models as
# validation does.
_M = TypeVar("_M", bound=BaseModel)
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def _trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """Build ``cls`` from complete, already typed ``values`` without validating them.

    ``values`` must hold every field in the order the model declares them: pydantic writes
    the fields of a model built this way in the order of its ``__dict__``.

    The same steps as ``BaseModel.model_construct`` (which walks every field in Python and
    builds a set per instance), reduced to what a frozen model without aliases, extras or
    private attributes needs.
    """
    fields = _ALL_FIELDS.get(cls)
    if fields is None:
        fields = _ALL_FIELDS[cls] = set(cls.model_fields)
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", fields)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


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
    """One sentence (or ``；`` part with its own subject) of a section's own text."""

    text: str
    span: Span
    bodies: list[BodyMention] = Field(default_factory=list)


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
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def bodies(self) -> list[BodyMention]:
        """Every body named in this section's own clauses."""
        return [body for clause in self.clauses for body in clause.bodies]


def make_mention(name: str, role: Role, span: Span) -> BodyMention:
    """Build a :class:`BodyMention` from pipeline values, without validation (see ``_trusted``)."""
    return _trusted(BodyMention, {"name": name, "role": role, "span": span})


def make_clause(text: str, span: Span, bodies: list[BodyMention]) -> Clause:
    """Build a :class:`Clause` from pipeline values, without validation (see ``_trusted``)."""
    return _trusted(Clause, {"text": text, "span": span, "bodies": bodies})


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
