"""A section before its clauses are read: what transform and tables hand to duties.

A task table's row is handed on as cells, not as clauses: ``tables`` says which cell is the
row's task and which cells carry which role, and ``duties`` reads the bodies in them (only when
bodies are asked for), so no stage before ``duties`` reads a body.
"""

from __future__ import annotations

from dataclasses import dataclass

from policy_parser.models import MarkerKind, Role, Span
from policy_parser.normalize import TrackedText

__all__ = ["Draft", "RoleCell", "TableRow"]


@dataclass(frozen=True, slots=True)
class RoleCell:
    """A table cell whose column gives the bodies named in it a role (牵头单位 → lead).

    Attributes:
        role: The role the column's header gives.
        text: The cell, tracked back to the source.
    """

    role: Role
    text: TrackedText


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a task table: the task cell, which becomes a clause, and its role cells.

    Attributes:
        content: The cell holding the task (主要内容, or 重点任务 without such a column).
        cells: The row's non-empty role cells, in column order (merged cells included).
        deadline: The row's 完成时限 cell (merged cells included), or None.
    """

    content: TrackedText
    cells: tuple[RoleCell, ...]
    deadline: TrackedText | None = None


# Plain, not frozen (issue 14): a parse builds one per section and none leaves the
# pipeline. A frozen dataclass writes each field through a call, a plain one with a slot
# store (11 fields: 1.29 → 0.38 µs); nothing assigns to one after it is built.
@dataclass(slots=True)
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
        rows: A task table's rows, whose task cells are the clauses, or None to read the
            clauses from ``own``.
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
    rows: tuple[TableRow, ...] | None = None
