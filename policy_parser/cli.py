"""The ``policy-parser`` command line.

::

    policy-parser parse FILE… [--format json|jsonl|markdown|tree] [--strict]
    policy-parser bodies FILE… [--format table|csv|jsonl] [--strict]
    policy-parser outline FILE… [--strict]
    policy-parser schema

``FILE`` may be ``-`` (standard input; PDF, Word and HTML are recognised by their first
bytes) or a folder (every supported file below it, sorted). Exit status: 0 success; 1 a
document has a diagnostic of severity ``error`` under ``--strict``; 2 bad usage or an input
that cannot be read. Messages go to standard error; every input is tried even after a failure.

rich (``pip install "policy-parser[cli]"``) draws ``--format tree``, the ``bodies`` table and
a progress bar over many files; without it the same information is printed as plain text.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

import policy_parser
from policy_parser.batch import parse_many
from policy_parser.errors import PolicyParseError
from policy_parser.export import (
    RESPONSIBILITY_FIELDS,
    outline,
    responsibility_record,
    section_label,
    to_markdown,
)
from policy_parser.loaders import (
    SUPPORTED_SUFFIXES,
    LoadedText,
    LoadError,
    MissingExtraError,
    load_bytes,
    load_text,
)
from policy_parser.models import Document, Section

T = TypeVar("T")

__all__ = ["main"]

EXIT_OK, EXIT_STRICT, EXIT_USAGE = 0, 1, 2
_PROG = "policy-parser"


@dataclass(frozen=True)
class _Parsed:
    name: str
    doc: Document


def _sniff(data: bytes) -> str:
    # Standard input has no suffix: recognise the container by its first bytes.
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    return "text"


def _expand(inputs: Sequence[str]) -> Iterator[str]:
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            yield from sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield item


def _load(item: str) -> LoadedText:
    if item == "-":
        data = sys.stdin.buffer.read()
        return load_bytes(data, _sniff(data), name="<stdin>")
    return load_text(item)


def _error(message: str) -> None:
    print(f"{_PROG}: error: {message}", file=sys.stderr)


def _progress(items: list[T], enabled: bool) -> Iterator[T]:
    # A progress bar on a terminal when many files are read and rich is installed.
    if not enabled or len(items) < 2 or not sys.stderr.isatty():
        yield from items
        return
    try:
        from rich.console import Console
        from rich.progress import track
    except ImportError:
        yield from items
        return
    yield from track(items, description="parsing", console=Console(stderr=True), transient=True)


def _parse_parallel(
    items: list[str], args: argparse.Namespace, jobs: int
) -> tuple[list[_Parsed], int]:
    # Processes for many files; results stream back in input order.
    parsed: list[_Parsed] = []
    status = EXIT_OK
    results = parse_many(
        [Path(i) for i in items], jobs=jobs, strict=args.strict, return_exceptions=True
    )
    for item, result in zip(items, results, strict=True):
        if isinstance(result, LoadError | MissingExtraError):
            _error(str(result))
            status = EXIT_USAGE
        elif isinstance(result, PolicyParseError):
            _error(f"{item}: {result}")
            status = max(status, EXIT_STRICT)
        elif isinstance(result, BaseException):
            raise result
        else:
            parsed.append(_Parsed(item, result))
    return parsed, status


def _parse_all(args: argparse.Namespace) -> tuple[list[_Parsed], int]:
    items = list(_expand(args.files))
    args.many = len(items) > 1  # one input prints one document; several print a list
    if not items:
        _error("no supported files found (.txt .pdf .docx .html) in " + " ".join(args.files))
        return [], EXIT_USAGE
    jobs = args.jobs or (os.cpu_count() or 1)
    if jobs > 1 and "-" not in items:
        return _parse_parallel(items, args, jobs)
    parsed: list[_Parsed] = []
    status = EXIT_OK
    for item in _progress(items, not args.no_progress):
        name = "<stdin>" if item == "-" else item
        try:
            loaded = _load(item)
        except (LoadError, MissingExtraError) as exc:
            _error(str(exc))
            status = EXIT_USAGE
            continue
        try:
            doc = policy_parser.parse(loaded.text, strict=args.strict)
        except PolicyParseError as exc:
            _error(f"{name}: {exc}")
            status = max(status, EXIT_STRICT)
            continue
        parsed.append(_Parsed(name, doc))
    return parsed, status


# --- parse ---------------------------------------------------------------------------------


def _print_tree(parsed: list[_Parsed], out: IO[str]) -> None:
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


def _cmd_parse(args: argparse.Namespace, out: IO[str]) -> int:
    parsed, status = _parse_all(args)
    if args.format == "json":
        if not args.many:
            for item in parsed:
                out.write(item.doc.model_dump_json(indent=2) + "\n")
        elif parsed:  # many inputs: a JSON array of documents, in input order
            docs = [json.loads(item.doc.model_dump_json()) for item in parsed]
            out.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "jsonl":
        for item in parsed:
            out.write(item.doc.model_dump_json() + "\n")
    elif args.format == "markdown":
        for index, item in enumerate(parsed):
            if args.many:
                out.write(("\n" if index else "") + f"<!-- {item.name} -->\n\n")
            out.write(to_markdown(item.doc))
    else:
        _print_tree(parsed, out)
    return status


# --- bodies --------------------------------------------------------------------------------

_BODY_FIELDS = ("file", *RESPONSIBILITY_FIELDS)


def _body_rows(parsed: list[_Parsed]) -> Iterator[dict[str, Any]]:
    for item in parsed:
        for row in item.doc.responsibilities():
            yield {"file": item.name, **responsibility_record(row)}


def _cmd_bodies(args: argparse.Namespace, out: IO[str]) -> int:
    parsed, status = _parse_all(args)
    rows = list(_body_rows(parsed))
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=_BODY_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif args.format == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        _print_table(rows, out, with_file=args.many)
    return status


def _print_table(rows: list[dict[str, Any]], out: IO[str], *, with_file: bool) -> None:
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


# --- outline / schema ----------------------------------------------------------------------


def _cmd_outline(args: argparse.Namespace, out: IO[str]) -> int:
    parsed, status = _parse_all(args)
    for index, item in enumerate(parsed):
        if args.many:
            out.write(("\n" if index else "") + f"==> {item.name} <==\n")
        out.write(outline(item.doc))
    return status


def _cmd_schema(args: argparse.Namespace, out: IO[str]) -> int:
    schema = Document.model_json_schema()
    out.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


# --- argument parsing ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``policy-parser`` (exposed for documentation tools)."""
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Parse Chinese policy documents into a typed section tree.",
        epilog="Exit status: 0 ok, 1 errors under --strict, 2 bad usage or unreadable input.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {policy_parser.__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace, IO[str]], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    def inputs(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "files",
            nargs="+",
            metavar="FILE",
            help="a .txt/.pdf/.docx/.html file, a folder, or - for standard input",
        )
        sub.add_argument(
            "--strict",
            action="store_true",
            help="fail (exit 1) on the first diagnostic of severity error",
        )
        sub.add_argument("--no-progress", action="store_true", help="no progress bar")
        sub.add_argument(
            "-j",
            "--jobs",
            type=int,
            default=1,
            metavar="N",
            help="parse on N processes (0: one per CPU); the output keeps the input order",
        )

    sub = command("parse", "parse documents and print them", _cmd_parse)
    inputs(sub)
    sub.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl", "markdown", "tree"),
        default="json",
        help="json (default; an array for several files), jsonl, markdown or tree",
    )
    sub = command("bodies", "print the responsibility table: who must do what", _cmd_bodies)
    inputs(sub)
    sub.add_argument(
        "-f", "--format", choices=("table", "csv", "jsonl"), default="table", help="output format"
    )
    sub = command("outline", "print a compact outline, one line per section", _cmd_outline)
    inputs(sub)
    command("schema", "print the JSON Schema of the parse result (Document)", _cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: The arguments without the program name; ``sys.argv[1:]`` when None.
    """
    args = build_parser().parse_args(argv)
    out = sys.stdout
    try:
        status: int = args.run(args, out)
        out.flush()
    except BrokenPipeError:
        # `policy-parser … | head`: the reader left; stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
