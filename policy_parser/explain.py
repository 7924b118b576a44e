"""``policy-parser explain FILE``: the rule that claimed each line of a file.

One row per line of the source: its number, the rule (``title:title_like``,
``header:addressees``, ``section:cn_comma`` …, listed in ``docs/segmentation.md``), the section
it is in, and the line. Piped, the rows are tab-separated whole lines (a reader greps them);
on a terminal with rich installed they are a table cut to the terminal's width. ``--json``
prints the :class:`~policy_parser.models.TraceEntry` list (``Document.trace``) instead.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
from collections.abc import Callable
from typing import IO

from policy_parser.api import parse
from policy_parser.loaders import LoadedText, LoadError, MissingExtraError
from policy_parser.models import Document
from policy_parser.trace.build import BLANK, UNCLAIMED

__all__ = ["explain_lines", "register", "write_explain"]

_Load = Callable[[str], LoadedText]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], load: _Load) -> None:
    """Add the ``explain`` subcommand to the command line's subcommands.

    Args:
        commands: The subparsers of ``policy-parser``.
        load: How the command line reads ``FILE`` (``-`` is standard input).
    """
    help_text = "print the rule that claimed each line of FILE (line, rule, section, text)"
    sub = commands.add_parser("explain", help=help_text, description=help_text)
    sub.add_argument("file", metavar="FILE", help="a .txt/.pdf/.docx/.html file, or - for stdin")
    sub.add_argument("--json", action="store_true", help="print the trace entries as JSON")
    sub.set_defaults(run=functools.partial(_run, load=load))


def _run(args: argparse.Namespace, out: IO[str], *, load: _Load) -> int:
    """Parse ``args.file`` with a trace and print it; 2 when the file cannot be read."""
    try:
        loaded = load(args.file)
    except (LoadError, MissingExtraError) as exc:
        print(f"policy-parser: error: {exc}", file=sys.stderr)
        return 2
    write_explain(parse(loaded.text, trace=True), out, as_json=args.json)
    return 0


def explain_lines(doc: Document) -> list[str]:
    r"""Return the trace of ``doc`` as tab-separated rows: line, rule, section (``-``), line.

    The line is whole, read from ``doc.source`` (an entry's ``text`` may be shortened). Made
    up: ``'1\ttitle:title_like\t-\t关于甲的通知'``.
    """
    return [
        f"{e.line}\t{e.rule}\t{e.section or '-'}\t{doc.source[e.span.start : e.span.end]}"
        for e in doc.trace
    ]


def write_explain(doc: Document, out: IO[str], *, as_json: bool = False) -> None:
    """Print the trace of ``doc`` (parsed with ``trace=True``) to ``out``.

    Args:
        doc: The document.
        out: Where to print.
        as_json: Print a JSON array of the trace entries (as ``Document.trace`` dumps them).
    """
    if as_json:
        entries = [e.model_dump(mode="json") for e in doc.trace]
        out.write(json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
        return
    if out.isatty() and _print_table(doc, out):
        return
    for row in explain_lines(doc):
        out.write(row + "\n")


def _print_table(doc: Document, out: IO[str]) -> bool:
    """Draw the trace as a rich table on a terminal; False when rich is not installed."""
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        return False
    table = Table("line", "rule", "section", "text", show_lines=False)
    for e in doc.trace:
        table.add_row(str(e.line), e.rule, e.section or "", e.text, style=_style(e.rule))
    width = max(100, shutil.get_terminal_size((120, 24)).columns)
    Console(file=out, highlight=False, width=width).print(table)
    return True


def _style(rule: str) -> str:
    """Dim what is outside the documents, so the frame and the sections stand out."""
    return "dim" if rule in (BLANK, UNCLAIMED) else ""
