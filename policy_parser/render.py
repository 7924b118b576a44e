"""Render a parsed document back to text, in a canonical form that parses to the same tree.

One line per section marker: ``marker heading。text`` when a section has a heading and its own
text (a run-in title, ``（一）加强领导。各区要…``), ``marker heading`` alone when it has no
text, ``marker text`` when it has no heading. Decimal outlines and flattened table rows keep
the separator their style needs (``1.1　目的``, ``1事项　　内容``). The frame is written as
GB/T 9704 prints it: 发文字号, title, 主送机关, preamble, sections, closing, 附件说明, issuers,
date, then the attachments under ``附件N``. A promulgation order (``…令第N号``) is written as
an order: ``现公布《X》。`` then the title and its date in brackets.

This module reads documents by their attributes only (no import of ``models``), so that
``models.Document.render`` can call it without an import cycle.
"""

from __future__ import annotations

import datetime as _dt
import re

from policy_parser.views import Document as _Document
from policy_parser.views import Section as _Section

__all__ = ["render"]

# Marker styles whose marker is not followed by punctuation of its own: a space separates it.
_SPACED = frozenset({"decimal"})
_TABLE_ROW = "table_row"
# A promulgation order's number: '国务院令第693号', also with its year ('某局令2024年第3号').
_ORDER = re.compile(r"令(?:[〔［\[（(]?\d{4}[〕］\]）)]?年?)?第")


def _date(date: _dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


# transform/headings.py reads a first sentence of up to this many characters, standing above
# its section's items, as the heading (_TITLE_STOP_MAX there).
_STOPPED_TITLE_MAX = 30


def _section_lines(section: _Section) -> list[str]:
    """Write one section and its descendants, one marker line each.

    A heading with text is written run-in (``（一）加强领导。各区要…``): a heading alone on
    the line of the last section would read its text as the closing paragraph.
    """
    kind = str(section.kind)
    heading, text = section.heading, section.text
    if kind == _TABLE_ROW:  # 1企业投资项目承诺制改革　　山西开展…
        lines = [section.marker + (heading or "") + "\u3000\u3000" + text]
    else:
        head = section.marker + ("\u3000" if kind in _SPACED else "")
        if heading is None:
            lines = [head + text]
        elif text:
            stop = "" if heading[-1:] in "。？！" else "。"
            lines = [head + heading + stop + text]
        elif (
            "，" in heading and len(heading) <= _STOPPED_TITLE_MAX and heading[-1:] not in "。？！"
        ):
            # 加强，加强加强: a short title line with a comma and no stop reads as the first
            # half of a hard-wrapped sentence and joins the next line; its stop keeps it a
            # heading. A longer one keeps no stop, which would make it a sentence of text.
            lines = [head + heading + "。"]
        else:
            lines = [head + heading]
    for child in section.children:
        lines.extend(_section_lines(child))
    return lines


def _head_lines(doc: _Document) -> list[str]:
    """The frame before the sections: 发文字号, title, 主送机关, preamble."""
    lines: list[str] = []
    if doc.doc_number and _ORDER.search(doc.doc_number) is not None and doc.title:
        # An order: the issuer and the date are read from the order itself.
        lines += [doc.doc_number, f"现公布《{doc.title}》。", doc.title]
        if doc.date:
            lines.append(f"（{_date(doc.date)}）")
    else:
        lines += [v for v in (doc.doc_number, doc.title) if v]
    if doc.addressees:
        lines.append("，".join(doc.addressees) + "：")
    if doc.preamble:
        lines.append(doc.preamble)
    return lines


def _lines(doc: _Document) -> list[str]:
    lines = _head_lines(doc)
    for section in doc.sections:
        lines.extend(_section_lines(section))
    if doc.closing:
        lines.append(doc.closing)
    if doc.attachments:
        names = [f"{i}.{a.title or ''}" for i, a in enumerate(doc.attachments, start=1)]
        lines.append("附件：" + "\n".join(names))
    is_order = bool(doc.doc_number and _ORDER.search(doc.doc_number) is not None and doc.title)
    if not is_order:
        lines.extend(doc.issuers)
        if doc.date:
            lines.append(_date(doc.date))
    if len(doc.attachments) == 1 and doc.attachments[0].attachments:
        # A notice that issues one document with attachments of its own prints it right
        # after the signature: a marker 附件1 would make its own 附件1 a sibling.
        lines.extend(_lines(doc.attachments[0]))
    else:
        for i, attachment in enumerate(doc.attachments, start=1):
            lines.append(f"附件{i}")
            lines.extend(_lines(attachment))
    return lines


def render(doc: _Document) -> str:
    r"""Return the document as canonical text: ``parse(render(doc))`` gives the same tree.

    Args:
        doc: A parsed :class:`~policy_parser.models.Document`.

    Returns:
        The text, one line per section marker, ending in a newline.

    >>> import policy_parser as pp
    >>> print(render(pp.parse("一、总体要求\n（一）加强领导。各区要落实。")), end="")
    一、总体要求
    （一）加强领导。各区要落实。
    """
    return "\n".join(_lines(doc)) + "\n"
