"""A page to look at a parse: one self-contained HTML file, the source beside its tree.

:func:`view_html` writes the original text with a collapsible section tree beside it and the
responsibility table below; clicking a node (or a row) highlights its span in the text. The
page needs no network: the template, its CSS and its JS ship with the package
(``policy_parser/templates/view.*``) and are inlined, and the parse travels as one JSON
payload in a ``<script type="application/json">`` element, which the page's JS reads.

The payload is built from the models only (spans index ``Document.source``), so the page shows
what the parse holds and nothing it guessed afterwards. ``policy-parser view FILE -o OUT.html``
is the command line of it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html
import itertools
import json
import string
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from policy_parser.api import parse
from policy_parser.export import section_label
from policy_parser.loaders import LoadedText, LoadError, MissingExtraError
from policy_parser.models import Document, Responsibility, Section

__all__ = ["add_command", "view_html", "view_payload"]

# Inside <script>, the HTML parser ends the element at the first "</script" whatever the JS
# means, and "<!--" opens a comment state: a source text quoting "</script>" would break out.
# JSON allows any character to be written as \uXXXX, so <, > and & never appear raw; U+2028
# and U+2029 are escaped too, for the older JS engines that take them as line ends.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028"}
_JSON_ESCAPES["\u2029"] = "\\u2029"


def _embed_json(value: Any) -> str:
    r"""Return ``value`` as JSON safe to place inside a ``<script>`` element.

    A source line ``见<script>…</script>`` comes out as ``见\u003cscript\u003e…``, which
    ``JSON.parse`` reads back as the same text. Only string contents can hold these characters
    (JSON's own punctuation has none of them), so replacing them keeps the JSON valid.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


def _section_node(section: Section, prefix: str, ids: Iterator[int]) -> dict[str, Any]:
    """Return one tree node: a section with its span, label and children, depth first."""
    node_id = f"n{next(ids)}"
    return {
        "id": node_id,
        "type": "section",
        "path": prefix + section.path,
        "marker": section.marker,
        "number": section.number,
        "heading": section.heading,
        "label": section_label(section),
        "start": section.span.start,
        "end": section.span.end,
        "children": [_section_node(child, prefix, ids) for child in section.children],
    }


def _document_nodes(doc: Document, prefix: str, ids: Iterator[int]) -> list[dict[str, Any]]:
    """Return the nodes of ``doc``: its sections, then each attachment with its own.

    An attachment is a node of its own (``附件1 甲方案``) whose children are its sections, with
    paths ``附件1/一`` as :meth:`Document.responsibilities` writes them; an attachment of an
    attachment nests the same way (``附件1/附件1/一``).
    """
    nodes = [_section_node(section, prefix, ids) for section in doc.sections]
    for index, attachment in enumerate(doc.attachments, start=1):
        path = f"{prefix}附件{index}"
        node_id = f"n{next(ids)}"
        title = attachment.title or ""
        nodes.append(
            {
                "id": node_id,
                "type": "attachment",
                "path": path,
                "marker": f"附件{index}",
                "number": index,
                "heading": attachment.title,
                "label": f"附件{index} {title}".strip(),
                "start": attachment.span.start,
                "end": attachment.span.end,
                "children": _document_nodes(attachment, path + "/", ids),
            }
        )
    return nodes


def _cell(value: Any) -> str | None:
    """Return a table cell for a field of any type: a date as ISO, a model by its ``text``."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = getattr(value, "text", None) if isinstance(value, BaseModel) else None
    return text if isinstance(text, str) else str(value)


def _has_deadline() -> bool:
    """Whether the responsibility rows carry a ``deadline`` (a later model may add one)."""
    return "deadline" in Responsibility.model_fields


def _rows(doc: Document, deadline: bool) -> list[dict[str, Any]]:
    """Return the responsibility table as plain rows; ``deadline`` only when rows have one."""
    rows = []
    for row in doc.responsibilities():
        item: dict[str, Any] = {
            "body": row.body,
            "role": row.role.value,
            "clause": row.clause,
            "path": row.path,
            "heading": row.heading,
            "start": row.span.start,
            "end": row.span.end,
        }
        if deadline:
            item["deadline"] = _cell(getattr(row, "deadline", None))
        rows.append(item)
    return rows


def view_payload(doc: Document) -> dict[str, Any]:
    """Return what the page shows of ``doc``, as JSON-ready data.

    Keys: ``title``, ``doc_number``, ``source`` (the original text), ``tree`` (nodes with
    ``id``, ``type`` section/attachment, ``path``, ``label``, ``start``/``end`` offsets into
    ``source`` in code points, ``children``), ``columns`` and ``rows`` (the responsibility
    table; a ``deadline`` column only when :class:`Responsibility` has that field).
    """
    deadline = _has_deadline()
    columns = ["body", "role", "clause", "path", *(["deadline"] if deadline else [])]
    return {
        "title": doc.title,
        "doc_number": doc.doc_number,
        "source": doc.source,
        "tree": _document_nodes(doc, "", itertools.count()),
        "columns": columns,
        "rows": _rows(doc, deadline),
    }


def _asset(name: str) -> str:
    return resources.files("policy_parser").joinpath("templates", name).read_text("utf-8")


def view_html(doc: Document) -> str:
    r"""Return one self-contained HTML page that shows ``doc``: text, tree and table.

    The page inlines its CSS and JS and loads nothing from the network, so it can be mailed
    or opened from disk. Clicking a tree node scrolls to its span in the source and marks it;
    the table can be filtered by body.

    >>> import policy_parser as pp
    >>> page = pp.view_html(pp.parse("一、总体要求\n（一）加强领导。甲局要负责。"))
    >>> page.startswith("<!DOCTYPE html>") and "甲局" in page
    True
    """
    page = string.Template(_asset("view.html"))
    return page.substitute(
        title=html.escape(doc.title or "policy_parser view"),
        css=_asset("view.css"),
        js=_asset("view.js"),
        payload=_embed_json(view_payload(doc)),
    )


def _run(args: argparse.Namespace, load: Callable[[str], LoadedText], out: IO[str]) -> int:
    try:
        loaded = load(args.file)
    except (LoadError, MissingExtraError) as exc:
        print(f"policy-parser: error: {exc}", file=sys.stderr)
        return 2
    page = view_html(parse(loaded.text))
    if args.output is None:
        out.write(page)
        return 0
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"policy-parser: error: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    return 0


def add_command(commands: Any, load: Callable[[str], LoadedText]) -> None:
    """Register ``view FILE [-o OUT.html]`` on the command line's subparsers.

    Args:
        commands: What ``ArgumentParser.add_subparsers`` returned.
        load: How the command line reads ``FILE`` (``-`` is standard input) into text.
    """
    help_text = "write one self-contained HTML page: the text, its section tree, the bodies"
    sub = commands.add_parser("view", help=help_text, description=help_text)
    sub.add_argument("file", metavar="FILE", help="a .txt/.pdf/.docx/.html file, or - (stdin)")
    sub.add_argument(
        "-o", "--output", metavar="OUT.html", help="where to write the page (default: stdout)"
    )
    sub.set_defaults(run=lambda args, out: _run(args, load, out))
