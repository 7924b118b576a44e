"""The header row of a task table (任务分工表), recognised before any stage reads the table.

``segment`` uses it to see that a whole body is a table, ``transform`` to see a table inside a
section, and ``tables`` to read the table and the role of each column (``bodies.table_bodies``
reads the same columns): it lives here, ahead of all of them, so that no early stage imports a
later one.
"""

from __future__ import annotations

from functools import cache

import regex

from policy_parser.models import Role
from policy_parser.wordlists import entries

__all__ = ["TAB_HEADER", "column_roles"]

# A header written as one tab-separated row of short cells: 序号⇥重点任务⇥牵头单位⇥配合单位.
TAB_HEADER = regex.compile(r"序号(?:[ \u3000]*\t[ \u3000]*[^\t。；]{1,20}){2,15}\t?")


def column_roles(header: list[str]) -> dict[int, Role]:
    """Return the role each column of a task table gives the bodies in its cells.

    A header cell naming 牵头 gives ``lead`` (牵头单位), one naming 配合, 参与 or 协助 gives
    ``cooperate`` (配合单位), one naming 责任 or 负责 gives ``responsible`` (责任单位); a column
    of a body's internal offices (市卫健委内牵头处室) names no body of the plan.

    >>> column_roles(["序号", "任务", "牵头单位", "配合单位", "完成时限"])
    {2: <Role.LEAD: 'lead'>, 3: <Role.COOPERATE: 'cooperate'>}
    """
    roles: dict[int, Role] = {}
    for i, cell in enumerate(header):
        head = cell.strip()
        if "内" in head:
            continue
        # The first role that names the column wins: 牵头责任单位 leads.
        for role, marks in _column_words():
            if any(word in head for word in marks):
                roles[i] = role
                break
    return roles


@cache
def _column_words() -> tuple[tuple[Role, tuple[str, ...]], ...]:
    """The words that give a column its role (``data/role_verbs.txt``, tag ``column``)."""
    return tuple(
        (role, tuple(w for w, tags in entries("role_verbs") if role in tags and "column" in tags))
        for role in (Role.LEAD, Role.COOPERATE, Role.RESPONSIBLE)
    )
