"""Exports: Markdown, flat records for pandas, a reviewable outline, a responsibility CSV.

All functions take a :class:`~policy_parser.models.Document` and read only its public fields,
so they work on any document, whichever stages produced it. This module imports nothing of
``models``: it is typed by the protocols of :mod:`policy_parser.views`, so the models can offer
``Document.to_markdown()`` and ``Responsibilities.to_csv()`` by calling it without an import
cycle.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import regex

from policy_parser.views import Document, Responsibility, Section

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]  # stubs are optional

__all__ = [
    "RECORD_FIELDS",
    "RESPONSIBILITY_FIELDS",
    "outline",
    "outline_line",
    "responsibilities_csv",
    "responsibilities_dataframe",
    "responsibility_record",
    "responsibility_task",
    "section_label",
    "to_dataframe",
    "to_markdown",
    "to_records",
]


@runtime_checkable
class _HasResponsibilities(Protocol):  # a Document, told apart from a list of rows
    def responsibilities(self) -> Iterable[Responsibility]: ...


#: The columns of :func:`to_records`, in order.
RECORD_FIELDS = (
    "document",
    "path",
    "parent",
    "level",
    "marker",
    "kind",
    "number",
    "heading",
    "text",
    "bodies",
    "span_start",
    "span_end",
)
#: The columns of :func:`responsibilities_csv`, in order.
RESPONSIBILITY_FIELDS = (
    *("path", "heading", "body", "role", "clause", "span_start", "span_end"),
    *("task_path", "deadline", "deadline_date", "deadline_kind"),
)
# A paragraph that starts like "1." or "- " would become a Markdown list; escape it.
_MD_LIST_START = regex.compile(r"^(\d+)([.)])|^([-+*])(?=\s)|^(#)")


def _documents(doc: Document) -> list[tuple[int, Document]]:
    # The document itself is number 0, its attachments 1, 2, … in order.
    return [(0, doc), *((i, a) for i, a in enumerate(doc.attachments, start=1))]


def section_label(section: Section) -> str:
    """Return the marker as written, then the heading: '一、总体要求', '第一章 总则', '第三条'."""
    marker = section.marker.strip()
    if not section.heading:
        return marker
    glue = " " if marker[-1:].isalnum() else ""  # 第一章 总则, 1 总则; but 一、总体要求
    return f"{marker}{glue}{section.heading}"


def _bodies_label(section: Section) -> str:
    seen: list[str] = []
    for body in section.bodies:
        item = f"{body.name}:{body.role.value}"
        if item not in seen:
            seen.append(item)
    return f"[{', '.join(seen)}]" if seen else ""


def _md_escape(text: str) -> str:
    return "\n".join(_MD_LIST_START.sub(r"\1\\\2\3\4", line) for line in text.splitlines())


def to_markdown(doc: Document) -> str:
    """Render the document as Markdown whose headings follow the section tree.

    The title becomes ``#``; each section a heading one level deeper per tree level
    (``##`` for level 1) holding its marker and heading, followed by its own text. Below
    Markdown's six heading levels sections become nested list items. Metadata (发文字号,
    issuers, date) follows the title; attachments follow the body after a rule.

    Args:
        doc: The parsed document.

    Returns:
        The Markdown text, ending with a newline.
    """
    parts: list[str] = []
    for index, document in _documents(doc):
        if index:
            parts.append("---")
        title = document.title or ("附件" if index else "(untitled)")
        parts.append(f"# {title}")
        meta = [
            f"- 发文字号: {document.doc_number}" if document.doc_number else "",
            f"- 发文机关: {'、'.join(document.issuers)}" if document.issuers else "",
            f"- 主送: {'，'.join(document.addressees)}" if document.addressees else "",
            f"- 成文日期: {document.date.isoformat()}" if document.date else "",
        ]
        if any(meta):
            parts.append("\n".join(m for m in meta if m))
        if document.preamble:
            parts.append(_md_escape(document.preamble))
        for section in document.walk():
            depth = section.level + 1
            heading = section_label(section)
            bodies = _bodies_label(section)
            if depth <= 6:
                parts.append(f"{'#' * depth} {heading}")
                if section.text:
                    parts.append(_md_escape(section.text))
                if bodies:
                    parts.append(f"*{bodies}*")
            else:
                indent = "  " * (depth - 7)
                line = " ".join(p for p in (heading, section.text, bodies) if p)
                parts.append(f"{indent}- {line}")
    return "\n\n".join(parts) + "\n"


def to_records(doc: Document) -> list[dict[str, Any]]:
    """Flatten the section tree into one row per section, ready for pandas or Parquet.

    Every row has the keys of :data:`RECORD_FIELDS`: ``document`` (0 for the document, 1…
    for its attachments), ``path``, ``parent`` (the parent's path or ``""``), ``level``,
    ``marker``, ``kind`` (a string), ``number``, ``heading``, ``text``, ``bodies``
    (``"name:role; …"``), ``span_start``, ``span_end``. Values are str, int or None only.

    Args:
        doc: The parsed document.

    Returns:
        The rows in document order (pre-order).
    """
    rows: list[dict[str, Any]] = []
    for index, document in _documents(doc):
        for section in document.walk():
            parent = section.path.rsplit("/", 1)[0] if "/" in section.path else ""
            rows.append(
                {
                    "document": index,
                    "path": section.path,
                    "parent": parent,
                    "level": section.level,
                    "marker": section.marker,
                    "kind": section.kind.value,
                    "number": section.number,
                    "heading": section.heading,
                    "text": section.text,
                    "bodies": "; ".join(f"{b.name}:{b.role.value}" for b in section.bodies),
                    "span_start": section.span.start,
                    "span_end": section.span.end,
                }
            )
    return rows


def to_dataframe(doc: Document) -> pandas.DataFrame:
    """Return :func:`to_records` as a pandas DataFrame.

    Raises:
        ImportError: pandas is not installed (``pip install "policy-parser[pandas]"``).
    """
    try:
        import pandas  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:
        raise ImportError('to_dataframe needs pandas: pip install "policy-parser[pandas]"') from exc
    return pandas.DataFrame(to_records(doc), columns=list(RECORD_FIELDS))


def outline_line(section: Section) -> str:
    """Return one outline line: two spaces per level below the top, marker, heading, bodies."""
    parts = [section_label(section)]
    bodies = _bodies_label(section)
    if bodies:
        parts.append(bodies)
    return "  " * (section.level - 1) + " ".join(parts)


def outline(doc: Document) -> str:
    """Return a compact, reviewable outline: a ``# title`` line, then one line per section.

    Each section line is indented two spaces per level and holds the marker as written, the
    heading and the bodies named in the section's own clauses, e.g.::

        # 关于新时代进一步加强科学技术普及工作的实施方案
        一、总体要求
          （一）强化科普经费投入 [各区县:responsible]

    Attachments follow, each under its own ``# title`` line (``# 附件`` when untitled).
    This is the format :func:`policy_parser.testing.assert_outline` compares.

    Args:
        doc: The parsed document.

    Returns:
        The outline, one line per section, ending with a newline.
    """
    lines: list[str] = []
    for index, document in _documents(doc):
        if document.title or index:
            lines.append(f"# {document.title or '附件'}")
        lines.extend(outline_line(section) for section in document.walk())
    return "\n".join(lines) + "\n" if lines else ""


def _responsibility_rows(rows: Iterable[Responsibility]) -> Iterator[tuple[Any, ...]]:
    for row in rows:
        values = (row.path, row.heading or "", row.body, row.role.value, row.clause)
        task = responsibility_task(row)
        yield (*values, row.span.start, row.span.end, *(v or "" for v in task.values()))


def responsibility_record(row: Responsibility) -> dict[str, Any]:
    """A responsibility row as a record keyed by :data:`RESPONSIBILITY_FIELDS` (None: absent)."""
    return {
        "path": row.path,
        "heading": row.heading,
        "body": row.body,
        "role": row.role.value,
        "clause": row.clause,
        "span_start": row.span.start,
        "span_end": row.span.end,
        **responsibility_task(row),
    }


def responsibility_task(row: Responsibility) -> dict[str, str | None]:
    """The task columns of a responsibility row: its task's section and its deadline.

    ``{"task_path": "二/（三）", "deadline": "2025年底前", "deadline_date": "2025-12-31",
    "deadline_kind": "by-date"}``; the deadline columns are None where no deadline is given.
    """
    due = row.deadline
    return {
        "task_path": row.task_path,
        "deadline": due.text if due else None,
        "deadline_date": due.date.isoformat() if due and due.date else None,
        "deadline_kind": due.kind.value if due else None,
    }


def responsibilities_csv(doc: _HasResponsibilities | Iterable[Responsibility]) -> str:
    """Return the responsibility table (:meth:`Document.responsibilities`) as CSV with a header.

    Columns: ``path, heading, body, role, clause, span_start, span_end, task_path, deadline,
    deadline_date, deadline_kind`` (the last four: :func:`responsibility_task`).
    """
    rows = doc.responsibilities() if isinstance(doc, _HasResponsibilities) else doc
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(RESPONSIBILITY_FIELDS)
    writer.writerows(_responsibility_rows(rows))
    return buffer.getvalue()


def responsibilities_dataframe(
    doc: _HasResponsibilities | Iterable[Responsibility],
) -> pandas.DataFrame:
    """Return the responsibility table as a pandas DataFrame (columns as for CSV).

    Raises:
        ImportError: pandas is not installed (``pip install "policy-parser[pandas]"``).
    """
    try:
        import pandas  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:
        raise ImportError(
            'responsibilities_dataframe needs pandas: pip install "policy-parser[pandas]"'
        ) from exc
    rows = doc.responsibilities() if isinstance(doc, _HasResponsibilities) else doc
    return pandas.DataFrame(list(_responsibility_rows(rows)), columns=list(RESPONSIBILITY_FIELDS))
