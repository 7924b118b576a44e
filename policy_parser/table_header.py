"""The header row of a task table (任务分工表), recognised before any stage reads the table.

``segment`` uses it to see that a whole body is a table, ``transform`` to see a table inside a
section, and ``tables`` to read the table: it lives here, ahead of all three, so that no early
stage imports a later one.
"""

from __future__ import annotations

import regex

__all__ = ["TAB_HEADER"]

# A header written as one tab-separated row of short cells: 序号⇥重点任务⇥牵头单位⇥配合单位.
TAB_HEADER = regex.compile(r"序号(?:[ \u3000]*\t[ \u3000]*[^\t。；]{1,20}){2,15}\t?")
