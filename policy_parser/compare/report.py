"""The diff as people read it: a plain-text table, and the ``policy-parser diff`` command."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import IO

from policy_parser.api import parse_file
from policy_parser.compare.result import DocumentDiff
from policy_parser.loaders import LoadError, MissingExtraError

__all__ = ["add_command", "run", "to_text"]

_SUMMARY_WIDTH = 60  # display columns of the 'what' column; --json has every edit in full


def _width(text: str) -> int:
    # 全角 characters take two terminal columns: 第三条 is six wide.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    # Display only: 'what' shows the start of a long edit (新增一条…), the models keep it all.
    text = " ".join(text.split())
    if _width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = (cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    return lines


def to_text(result: DocumentDiff) -> str:
    """Render the changes (unchanged sections left out) as aligned plain-text tables.

    One line of counts, then a table of the section rows (kind, old path, new path,
    similarity, what changed), the responsibility rows and the frame fields that differ.
    """
    counts = ", ".join(f"{n} {kind}" for kind, n in result.counts().items())
    lines = [counts or "no sections", ""]
    if result.is_empty:
        return "\n".join([*lines[:1], "no changes", ""])
    if result.changes:
        rows: list[tuple[str, ...]] = [("kind", "old", "new", "similarity", "what")]
        rows += [
            (
                row.kind.value,
                row.old_path or "-",
                row.new_path or "-",
                f"{row.similarity:.2f}",
                _clip(row.summary, _SUMMARY_WIDTH),
            )
            for row in result.changes
        ]
        lines += [*_table(rows), ""]
    if result.responsibilities:
        rows = [("responsibility", "body", "roles", "old", "new", "clause")]
        rows += [
            (
                row.kind.value,
                row.body,
                f"{'/'.join(row.old_roles) or '-'} → {'/'.join(row.new_roles) or '-'}",
                row.old_path or "-",
                row.new_path or "-",
                _clip(row.clause, _SUMMARY_WIDTH // 2),
            )
            for row in result.responsibilities
        ]
        lines += [*_table(rows), ""]
    if result.frame:
        rows = [("field", "old", "new")]
        rows += [(f.field, _clip(f.old or "-", 40), _clip(f.new or "-", 40)) for f in result.frame]
        lines += [*_table(rows), ""]
    return "\n".join(lines)


def run(args: argparse.Namespace, out: IO[str]) -> int:
    """``policy-parser diff OLD NEW [--json]``: print the diff; 0 when read, 2 when a file is not.

    Args:
        args: ``old`` and ``new`` (file paths) and ``json`` (print the :class:`DocumentDiff`
            as JSON instead of the tables).
        out: Where to print.
    """
    from policy_parser.compare import diff  # the package imports this module, so not at the top

    try:
        old, new = parse_file(args.old), parse_file(args.new)
    except (LoadError, MissingExtraError) as error:
        print(f"policy-parser: error: {error}", file=sys.stderr)
        return 2
    result = diff(old, new)
    out.write(result.model_dump_json(indent=2) + "\n" if args.json else to_text(result))
    return 0


def add_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``diff`` through the command line's ``command(name, help, run)`` helper."""
    sub = command("diff", "compare two versions of a document: sections and bodies", run)
    sub.add_argument("old", metavar="OLD", help="the earlier version (.txt/.pdf/.docx/.html)")
    sub.add_argument("new", metavar="NEW", help="the later version")
    sub.add_argument("--json", action="store_true", help="print the DocumentDiff as JSON")
