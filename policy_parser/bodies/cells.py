"""Bodies in task-table cells: the name list of a 牵头单位 / 配合单位 cell, in the column's role.

``tables`` hands on each row's role cells (``drafts.RoleCell``); ``duties`` reads them here, and
only when bodies are asked for.
"""

from __future__ import annotations

import functools

from policy_parser.bodies.annotations import _tokens
from policy_parser.bodies.found import Found
from policy_parser.bodies.lists import _lead_marked
from policy_parser.models import Role
from policy_parser.table_header import column_roles


@functools.lru_cache(maxsize=4096)
def cell_bodies(cell: str, role: Role) -> tuple[Found, ...]:
    """Return the bodies a task-table cell names, all in the role its column gives.

    A cell holds a name list (``市税务局、市公安局``), a lead mark included
    (``市发展改革委（牵头）``: that body leads whatever the column). Cached: a table's merged
    cells are read once per row, and the same units fill many cells.

    Args:
        cell: The cell's text; offsets in the result index it.
        role: The role the cell's column gives (``table_header.column_roles``).
    """
    toks = _tokens(cell, 0, len(cell), field_line=False)
    return tuple(
        _lead_marked(Found(str(t), role, t.start_pos or 0, t.end_pos or 0))
        for t in toks
        if t.type == "NAME"
    )


def table_bodies(rows: list[list[str]]) -> list[list[Found]]:
    """Read a task table whose header names 牵头单位 / 责任单位 / 配合单位 columns.

    Args:
        rows: The table, header row first, one string per cell.

    Returns:
        One list per data row: the bodies of its role columns, offsets into each cell.
    """
    if not rows:
        return []
    roles = column_roles(rows[0])
    return [
        [f for i, role in roles.items() if i < len(row) for f in cell_bodies(row[i], role)]
        for row in rows[1:]
    ]
