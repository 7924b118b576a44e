"""Render a parsed document back to text, in a canonical form that parses to the same tree.

One line per section marker: ``marker heading。text`` when a section has a heading and its own
text (a run-in title, ``（一）加强领导。各区要…``), ``marker heading`` alone when it has no
text, ``marker text`` when it has no heading. How the parser reads a heading depends on its
siblings' form, so a heading keeps the form its source gave it where the source shows it (a
stop, a title line, a title glued to its text), and a section with no heading among titled
siblings is written ``marker`` ⏎ ``text``. Decimal outlines and flattened table rows keep
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
from collections.abc import Sequence

from policy_parser.run_in import run_together
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


_STOPS = "。？！"


def _written_stop(section: _Section, source: str) -> str | None:
    """What the source put right after the heading: a stop, ``""`` (glued) or None (line end).

    The parser reads a heading by its siblings' form as well as its own: ``一、加强领导。``
    (a run-in title) and ``一、加强领导`` (a title line) give the same heading, but only the
    title line makes ``二、加强协作各部门要…`` split as a title glued to its text. So the
    heading is written as the source wrote it, where the source shows it.
    """
    heading = section.heading or ""
    start = section.span.start + len(section.marker)
    at = source.find(heading, start, start + len(heading) + 4)  # after 第一条　 or 1.1
    if at < 0 or not heading:
        return None
    after = at + len(heading)
    if after < len(source) and source[after] in _STOPS:  # an index: "" is in every str
        return source[after]
    if section.text and source.startswith(section.text[:1], after):
        return ""
    if section.text and source[after : after + 1] in ("\n", "\r"):
        return "\n"  # a title line: 一、总体要求 ⏎ 以习近平…
    return None


def _section_lines(section: _Section, source: str, bare: bool, flat: bool) -> list[str]:
    """Write one section and its descendants, one marker line each.

    A heading with text is written run-in (``（一）加强领导。各区要…``): a heading alone on
    the line of the last section would read its text as the closing paragraph. The stop after
    a heading is the source's (:func:`_written_stop`). ``bare``: the section has no heading
    but a sibling has one, so its text goes on the next line.
    """
    kind = str(section.kind)
    heading, text = section.heading, section.text
    if kind == _TABLE_ROW:  # 1企业投资项目承诺制改革　　山西开展…
        lines = [section.marker + (heading or "") + "\u3000\u3000" + text]
    else:
        head = section.marker + ("\u3000" if kind in _SPACED else "")
        written = (
            None if heading is None or heading[-1:] in _STOPS else _written_stop(section, source)
        )
        if flat and written in ("", "\n"):
            written = None
        if heading is None:
            lines = [head, text] if bare and text else [head + text]
        elif text and written == "\n":
            lines = [head + heading, text]
        elif text:
            stop = "" if heading[-1:] in _STOPS else ("。" if written is None else written)
            lines = [head + heading + stop + text]
        elif written:
            lines = [head + heading + written]
        elif "，" in heading and len(heading) <= _STOPPED_TITLE_MAX and heading[-1:] not in _STOPS:
            # 加强，加强加强: a short title line with a comma and no stop reads as the first
            # half of a hard-wrapped sentence and joins the next line; its stop keeps it a
            # heading. A longer one keeps no stop, which would make it a sentence of text.
            lines = [head + heading + "。"]
        else:
            lines = [head + heading]
    lines.extend(_group_lines(section.children, source))
    return lines


def _run_together(sections: Sequence[_Section], source: str) -> bool:
    """Whether most of the siblings began on a line already begun in the source.

    ``一、总体目标2025年…。二、重点任务引导…``: the parser split titles glued to their text
    there by rules for such run-together text (transform/drafts.py), which one marker line per
    section no longer is: such titles are written run-in, with a stop. The same question the
    parser asks (:mod:`policy_parser.run_in`).
    """
    return run_together([s.span.start for s in sections], source)


def _group_lines(sections: Sequence[_Section], source: str) -> list[str]:
    """Write sibling sections.

    Whether a marker line opens with a heading is decided among siblings: ``一、加强。``
    beside ``二、加强协作。各部门要…`` reads as titled too. A sibling without a heading is
    therefore written with its marker alone on the line (``一、`` ⏎ ``加强。``), which never
    reads as a title, whenever another sibling has one.
    """
    titled = any(s.heading is not None for s in sections)
    flat = _run_together(sections, source)
    lines: list[str] = []
    for section in sections:
        # A decimal marker alone on its line (5.2.4) is no marker: 5.2.4 is a number there.
        bare = titled and str(section.kind) not in (_TABLE_ROW, *_SPACED)
        lines.extend(_section_lines(section, source, bare, flat))
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
    lines.extend(_group_lines(doc.sections, doc.source))
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
