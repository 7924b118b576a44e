"""The ``policy-parser`` command line.

::

    policy-parser parse FILE… [--format json|jsonl|markdown|tree|akn] [--strict]
    policy-parser bodies FILE… [--format table|csv|jsonl] [--strict]
    policy-parser outline FILE… [--strict]
    policy-parser schema
    policy-parser view FILE [-o OUT.html]
    policy-parser explain FILE [--json]
    policy-parser diff OLD NEW [--json]

``FILE`` may be ``-`` (standard input; PDF, Word and HTML are recognised by their first
bytes) or a folder (every supported file below it, sorted). Exit status: 0 success; 1 a
document has a diagnostic of severity ``error`` or ``warning`` under ``--strict``; 2 bad usage
or an input that cannot be read (an old .doc, an .xlsx: the message says what to convert it to).
Warnings about the input itself (empty, no Chinese, no structure, a part far too long, bytes of
another kind than the name says) are printed on standard error even without ``--strict``.
Messages go to standard error; every input is tried even after a failure.

rich (``pip install "policy-parser[cli]"``) draws ``--format tree``, the ``bodies`` table and
a progress bar (policy_parser.progress) when a run takes over a second on a terminal; without rich
the same information is printed as plain text and no bar is drawn.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import policy_parser
from policy_parser import progress
from policy_parser.api import parse_loaded
from policy_parser.batch import parse_many
from policy_parser.checks import INPUT_CODES
from policy_parser.cli.printing import Parsed, print_table, print_tree
from policy_parser.compare.report import add_command as _add_diff_command
from policy_parser.errors import PolicyParseError
from policy_parser.explain import register as register_explain
from policy_parser.export import (
    RESPONSIBILITY_FIELDS,
    outline,
    responsibility_record,
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
from policy_parser.models import Document

__all__ = ["main"]

EXIT_OK, EXIT_STRICT, EXIT_USAGE = 0, 1, 2
_PROG = "policy-parser"


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
        return load_bytes(data, "auto", name="<stdin>")
    return load_text(item)


def _error(message: str) -> None:
    print(f"{_PROG}: error: {message}", file=sys.stderr)


def _warnings(name: str, doc: Document, strict: bool) -> int:
    # What the input turned out to be is always said; --strict also fails on every warning.
    found = [d for d in doc.diagnostics if d.severity.value == "warning"]
    for diag in doc.diagnostics:
        if (strict and diag in found) or (diag.code in INPUT_CODES and diag.severity != "error"):
            level = diag.severity.value
            print(f"{_PROG}: {level}: {name}: {diag.code}: {diag.message}", file=sys.stderr)
    return EXIT_STRICT if strict and found else EXIT_OK


def _bar(args: argparse.Namespace, total: int) -> progress.Bar:
    return progress.Bar(total, None if args.no_progress else progress.terminal_console())


def _parse_parallel(
    items: list[str], args: argparse.Namespace, jobs: int
) -> tuple[list[Parsed], int]:
    # Processes for many files; results stream back in input order.
    parsed: list[Parsed] = []
    status = EXIT_OK
    results = parse_many(
        [Path(i) for i in items], jobs=jobs, strict=args.strict, return_exceptions=True
    )
    with _bar(args, len(items)) as bar:
        for item, result in zip(items, results, strict=True):
            bar.advance(item)
            status = max(status, _take(item, result, args.strict, parsed))
    return parsed, status


def _take(item: str, result: object, strict: bool, parsed: list[Parsed]) -> int:
    """Keep one result, or report it; return the exit status it calls for."""
    if isinstance(result, LoadError | MissingExtraError):
        _error(str(result))
        return EXIT_USAGE
    if isinstance(result, PolicyParseError):
        _error(f"{item}: {result}")
        return EXIT_STRICT
    if isinstance(result, BaseException):
        raise result
    assert isinstance(result, Document)
    parsed.append(Parsed(item, result))
    return _warnings(item, result, strict)


def _parse_one(item: str, strict: bool) -> Document | Exception:
    try:
        return parse_loaded(_load(item), strict=strict)
    except (LoadError, MissingExtraError, PolicyParseError) as exc:
        return exc


def _parse_all(args: argparse.Namespace) -> tuple[list[Parsed], int]:
    items = list(_expand(args.files))
    args.many = len(items) > 1  # one input prints one document; several print a list
    if not items:
        _error("no supported files found (.txt .pdf .docx .html) in " + " ".join(args.files))
        return [], EXIT_USAGE
    jobs = args.jobs or (os.cpu_count() or 1)
    if jobs > 1 and "-" not in items:
        return _parse_parallel(items, args, jobs)
    parsed: list[Parsed] = []
    status = EXIT_OK
    with _bar(args, len(items)) as bar:  # one big file can be slow too
        for item in items:
            name = "<stdin>" if item == "-" else item
            status = max(status, _take(name, _parse_one(item, args.strict), args.strict, parsed))
            bar.advance(name)
    return parsed, status


# --- parse ---------------------------------------------------------------------------------


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
    elif args.format == "akn":  # Akoma Ntoso XML (needs lxml): one document per input, in turn
        out.writelines(item.doc.to_akn() for item in parsed)
    else:
        print_tree(parsed, out)
    return status


# --- bodies --------------------------------------------------------------------------------

_BODY_FIELDS = ("file", *RESPONSIBILITY_FIELDS)


def _body_rows(parsed: list[Parsed]) -> Iterator[dict[str, Any]]:
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
        print_table(rows, out, with_file=args.many)
    return status


# --- outline / schema ----------------------------------------------------------------------


def _cmd_outline(args: argparse.Namespace, out: IO[str]) -> int:
    parsed, status = _parse_all(args)
    for index, item in enumerate(parsed):
        if args.many:
            out.write(("\n" if index else "") + f"==> {item.name} <==\n")
        out.write(outline(item.doc))
    return status


def _cmd_schema(args: argparse.Namespace, out: IO[str]) -> int:
    out.write(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


# --- argument parsing ----------------------------------------------------------------------


def _inputs(sub: argparse.ArgumentParser) -> None:
    """The arguments every command over files takes: the files, --strict, progress, jobs."""
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

    sub = command("parse", "parse documents and print them", _cmd_parse)
    _inputs(sub)
    sub.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl", "markdown", "tree", "akn"),
        default="json",
        help="json (default; an array for several files), jsonl, markdown, tree or akn (XML)",
    )
    sub = command("bodies", "print the responsibility table: who must do what", _cmd_bodies)
    _inputs(sub)
    sub.add_argument(
        "-f", "--format", choices=("table", "csv", "jsonl"), default="table", help="output format"
    )
    sub = command("outline", "print a compact outline, one line per section", _cmd_outline)
    _inputs(sub)
    command("schema", "print the JSON Schema of the parse result (Document)", _cmd_schema)
    policy_parser.view.add_command(commands, _load)  # the page's own module owns its options
    register_explain(commands, _load)
    _add_diff_command(command)
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
