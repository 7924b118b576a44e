"""A section before its clauses are read: what transform and tables hand to duties."""

from __future__ import annotations

from dataclasses import dataclass

from policy_parser.models import Clause, MarkerKind, Span
from policy_parser.normalize import TrackedText

__all__ = ["Draft"]


@dataclass(frozen=True, slots=True)
class Draft:
    """A section before its clauses are read: the model's fields and the tracked own text.

    ``duties.assemble`` builds each :class:`~policy_parser.models.Section` once, from a draft,
    its clauses and its finished children; a draft holds the plain fields rather than a model,
    so no model is built twice.

    Attributes:
        level: The section's level.
        marker: The marker as written.
        kind: The marker style.
        number: The integer the marker counts.
        heading: The heading, or None.
        span: From the marker to the end of the last descendant.
        path: The section's path.
        own: The own text, tracked back to the source (the section's ``text`` is ``own.text``).
        run_in: The heading when it is a run-in sentence of the item, tracked.
        children: The drafts of the child sections.
        clauses: Clauses already read (a task table's rows), or None to read them from
            ``own``.
    """

    level: int
    marker: str
    kind: MarkerKind
    number: int
    heading: str | None
    span: Span
    path: str
    own: TrackedText
    run_in: TrackedText | None
    children: tuple[Draft, ...]
    clauses: tuple[Clause, ...] | None = None
