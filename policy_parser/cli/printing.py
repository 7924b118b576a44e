"""How ``policy-parser`` prints for a reader: the section tree and the bodies table.

rich draws them on a terminal (``pip install "policy-parser[cli]"``); without it the same
information is printed as plain text. Piped output keeps whole lines.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from typing import IO, Any

from policy_parser.export import outline, section_label
from policy_parser.models import Document, Section

__all__ = ["Parsed", "print_table", "print_tree"]


@dataclass(frozen=True)
class Parsed:
    """One input's document, under the name the user gave it."""

    name: str
    doc: Document


def print_tree(parsed: list[Parsed], out: IO[str]) -> None:
    """Print each document as a tree of its sections, bodies and diagnostics."""
    try:
        from rich.console import Console
        from rich.markup import escape
        from rich.tree import Tree
    except ImportError:
        for item in parsed:
            print(f"==> {item.name} <==", file=out)
            out.write(outline(item.doc))
            for diag in item.doc.diagnostics:
                print(
                    f"{diag.severity.value}: {diag.code} (line {diag.line}, column "
                    f"{diag.column}): {diag.message}",
                    file=out,
                )
        return
    # Piped output keeps whole lines (a reader greps them); only a terminal wraps at its width.
    width = None if out.isatty() else 1_000_000
    console = Console(file=out, highlight=False, soft_wrap=True, width=width)
    colours = {"error": "red", "warning": "yellow", "info": "blue"}

    def add(branch: Any, section: Section) -> None:
        label = f"[bold]{escape(section_label(section))}[/bold]"
        # A body named in two clauses of the section is listed once, as the outline lists it.
        named = dict.fromkeys(f"{b.name}:{b.role.value}" for b in section.bodies)
        bodies = ", ".join(named)
        if bodies:
            label += f" [cyan]{escape('[' + bodies + ']')}[/cyan]"
        node = branch.add(label)
        for child in section.children:
            add(node, child)

    for item in parsed:
        doc = item.doc
        root = Tree(
            f"[bold]{escape(doc.title or '(untitled)')}[/bold] [dim]{escape(item.name)}[/dim]"
        )
        for section in doc.sections:
            add(root, section)
        for attachment in doc.attachments:
            sub = root.add(f"[bold]{escape(attachment.title or '附件')}[/bold]")
            for section in attachment.sections:
                add(sub, section)
        if doc.diagnostics:
            diags = root.add(f"[dim]diagnostics ({len(doc.diagnostics)})[/dim]")
            for diag in doc.diagnostics:
                colour = colours.get(diag.severity.value, "white")
                diags.add(
                    f"[{colour}]{diag.severity.value}[/{colour}] {escape(diag.code)} "
                    f"line {diag.line}, column {diag.column}: {escape(diag.message)}"
                )
        console.print(root)


def print_table(rows: list[dict[str, Any]], out: IO[str], *, with_file: bool) -> None:
    """Print responsibility rows as a table (the file column only for several inputs)."""
    shown = ("file", "path", "body", "role", "deadline", "clause")
    columns = [c for c in shown if with_file or c != "file"]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(str(row[c] or "") for c in columns) + "\n")
        return
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(str(row[c] or "") for c in columns))
    # The terminal's width (COLUMNS, then the tty), 120 where there is none; never under 100.
    width = max(100, shutil.get_terminal_size((120, 24)).columns)
    Console(file=out, highlight=False, width=width).print(table)
