"""Helpers for testing the parse of your own documents.

Write the outline you expect (``policy-parser outline FILE`` prints the current one to start
from), then assert it in a test::

    from policy_parser.testing import assert_outline

    def test_my_plan():
        doc = policy_parser.parse_file("tests/data/my_plan.txt")
        assert_outline(doc, '''
            # 关于推进某项工作的实施方案
            一、总体要求
            二、重点任务
              （一）强化经费投入 [各区县:responsible]
        ''')
"""

from __future__ import annotations

import difflib
import textwrap

import regex

from policy_parser.export import outline
from policy_parser.models import Document

__all__ = ["assert_outline", "normalize_outline"]

_RUNS = regex.compile(r"[ \t\u3000]+")


def normalize_outline(text: str) -> list[str]:
    """Return an outline's lines with whitespace made canonical, so layout slips don't count.

    Blank lines are dropped, runs of spaces inside a line become one space, and indentation
    is re-derived from its nesting: any consistent indent (2 or 4 spaces, tabs) means the
    same tree, rendered as two spaces per level.
    """
    lines = [line.rstrip() for line in textwrap.dedent(text.expandtabs(4)).splitlines()]
    out: list[str] = []
    stack: list[int] = [0]  # indent widths of the open levels
    for line in lines:
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip(" "))
        while width < stack[-1]:
            stack.pop()
        if width > stack[-1]:
            stack.append(width)
        depth = len(stack) - 1
        out.append("  " * depth + _RUNS.sub(" ", line.strip()))
    return out


def assert_outline(doc: Document, expected: str) -> None:
    """Assert that ``doc``'s outline (:func:`policy_parser.export.outline`) is ``expected``.

    Lines are compared after :func:`normalize_outline`, so the expected text may be indented
    as a triple-quoted string in a test.

    Args:
        doc: The parsed document.
        expected: The outline you expect, as ``policy-parser outline`` prints it.

    Raises:
        AssertionError: The outlines differ; the message is a unified diff from the expected
            outline to the actual one.
    """
    __tracebackhide__ = True  # pytest: point at the caller, not at this helper
    want = normalize_outline(expected)
    got = normalize_outline(outline(doc))
    if want != got:
        diff = "\n".join(
            difflib.unified_diff(want, got, fromfile="expected", tofile="actual", lineterm="")
        )
        raise AssertionError(f"the outline differs from the expected one:\n{diff}")
