"""A section before its clauses are read: what transform and tables hand to duties."""

from __future__ import annotations

from dataclasses import dataclass

from policy_parser.models import Clause, Section
from policy_parser.normalize import TrackedText

__all__ = ["Draft"]


@dataclass(frozen=True, slots=True)
class Draft:
    """A section before its clauses are read: the model's fields and the tracked own text.

    Attributes:
        section: The section, without children and clauses yet.
        own: The own text, tracked back to the source.
        run_in: The heading when it is a run-in sentence of the item, tracked.
        children: The drafts of the child sections.
        clauses: Clauses already read (a task table's rows), or None to read them from
            ``own``.
    """

    section: Section
    own: TrackedText
    run_in: TrackedText | None
    children: tuple[Draft, ...]
    clauses: tuple[Clause, ...] | None = None
