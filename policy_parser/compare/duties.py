"""Who gained or lost a task between two versions: the responsibility rows, section by section.

The rows are those of ``doc.responsibilities()`` (one per clause and body), read per section so
that a renumbered section compares with its old self: when 第三条 is deleted, the bodies of the
old 第四条 are compared with those of the new 第三条, not with the article that now has its
number. In each pair of sections a body is ``lost`` when the new section names it no more
(市财政部门配合 struck out), ``gained`` when only the new one names it, and ``role-changed``
when both name it in other roles (市财政部门配合 → 市财政部门牵头). A body of an added or
removed section gained or lost its task with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from policy_parser.compare.align import Node
from policy_parser.compare.classify import Side
from policy_parser.compare.result import DutyChangeKind, ResponsibilityChange
from policy_parser.models import Role

__all__ = ["responsibility_changes"]


def _duties(node: Node | None) -> dict[str, tuple[tuple[Role, ...], str]]:
    """Body name → (its roles in document order, the first clause naming it)."""
    found: dict[str, tuple[list[Role], str]] = {}
    for clause in node.section.clauses if node else ():
        for body in clause.bodies:
            roles, _ = found.setdefault(body.name, ([], clause.text))
            if body.role not in roles:
                roles.append(body.role)
    return {name: (tuple(sorted(roles)), text) for name, (roles, text) in found.items()}


def _side_changes(old: Node | None, new: Node | None) -> list[ResponsibilityChange]:
    before, after = _duties(old), _duties(new)
    either = new or old
    heading = either.section.heading if either else None
    rows = []
    for body in [*after, *(name for name in before if name not in after)]:
        old_roles, old_clause = before.get(body, ((), ""))
        new_roles, new_clause = after.get(body, ((), ""))
        if old_roles == new_roles:
            continue
        if not old_roles:
            kind = DutyChangeKind.GAINED
        elif not new_roles:
            kind = DutyChangeKind.LOST
        else:
            kind = DutyChangeKind.ROLE_CHANGED
        rows.append(
            ResponsibilityChange(
                kind=kind,
                body=body,
                old_roles=old_roles,
                new_roles=new_roles,
                old_path=old.path if old else None,
                new_path=new.path if new else None,
                heading=heading,
                clause=new_clause or old_clause,
            )
        )
    return rows


def responsibility_changes(sides: Sequence[Side]) -> tuple[ResponsibilityChange, ...]:
    """The responsibility changes of every (old, new) section pair, in the order of ``sides``."""
    return tuple(row for old, new in sides for row in _side_changes(old, new))
