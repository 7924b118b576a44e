"""Scope notes: a body made responsible once for every task item after the note.

``以下均需各区政府落实，不再列出`` says that each item after it also binds 各区政府, which the
items' annotations no longer list. ``find`` keeps the names in ``ReadingRules.unlisted`` and
adds them, responsible, to every later clause that carries an annotation.
"""

from __future__ import annotations

import regex

from policy_parser.bodies.found import _Name
from policy_parser.bodies.lists import _split_list
from policy_parser.bodies.patterns import _patterns

# 以下均需X落实，不再列出 / 以下各项任务均由X负责落实，不再一一列出.
_SCOPE = regex.compile(
    r"以下(?:各项)?(?:任务|工作|措施|事项)?(?:均|都|全部)?(?:需要|需|须|要|由)?"
    r"(?P<names>[^，,。；;：:□（）()]{2,40}?)(?:负责)?(?:组织)?落实[，,]?"
    r"(?:不再|不另|不)(?:一一)?列出"
)


def scope_note(clause: str) -> tuple[tuple[int, int], tuple[_Name, ...]] | None:
    """Return the span of a scope note in ``clause`` and the bodies it names, or None.

    ``以下均需各区政府落实，不再列出。`` → the note's span and 各区政府. A note whose bodies
    do not read as a list of names is no note.
    """
    if "列出" not in clause:
        return None  # most clauses: a cheap test first
    m = _SCOPE.search(clause)
    if m is None:
        return None
    names = _patterns()["subject"].fullmatch(clause, m.start("names"), m.end("names"))
    if names is None:
        return None
    return m.span(), tuple(_split_list(names))
