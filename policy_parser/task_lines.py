"""Task lines: the 牵头单位/完成时限 fields written under a task, and what they apply to.

A plan often gives each task its fields on lines of their own, under the task's heading::

    （三）加强科普人才培养。各区要建立人才库。
    牵头单位：市科协；配合单位：市教委、市科技局；完成时限：2024年底前

The bodies of the field line are read like any annotation (``bodies``); its deadline is the
deadline of the whole task, so every clause of the section that states none of its own takes
it (各区 above is due 2024年底前 too). A date in running text (``各区要在2025年底前建成…``) is
that clause's own and is not spread.
"""

from __future__ import annotations

from functools import cache

import regex

from policy_parser.deadlines import field_label
from policy_parser.models import Clause, make_clause
from policy_parser.wordlists import words

__all__ = ["is_task_line", "spread_task_deadline"]


@cache
def _task_line() -> regex.Pattern[str]:
    """A line opening with a role or deadline label: 牵头单位：, 【责任单位】, 完成时限:."""
    labels = dict.fromkeys([*words("role_labels"), *words("deadline_words", "label")])
    return regex.compile(rf"[（(]?{field_label(labels)}")


def is_task_line(text: str) -> bool:
    """Whether a clause is a task's field line: it opens with a role or deadline label.

    >>> is_task_line("牵头单位：市科协；完成时限：2024年底前")
    True
    >>> is_task_line("各区要在2025年底前建成平台。")
    False
    """
    return _task_line().match(text) is not None


def spread_task_deadline(clauses: list[Clause]) -> list[Clause]:
    """Give a section's clauses the deadline its task line states, where they state none.

    Args:
        clauses: The clauses of one section, in order.

    Returns:
        The clauses, those without a deadline of their own carrying the first task line's
        (its span stays on the task line's phrase); unchanged when no task line has one.
    """
    due = next((c.deadline for c in clauses if c.deadline and is_task_line(c.text)), None)
    if due is None:
        return clauses
    return [
        c if c.deadline is not None else make_clause(c.text, c.span, c.bodies, due) for c in clauses
    ]
