"""PDF files, through pdfplumber: text lines by position, then paragraphs rebuilt.

A PDF has no paragraphs, only positioned lines. A 公文 PDF is hard-wrapped: a paragraph's
lines run to the right margin and the paragraph ends on a short line; a new paragraph starts
with a two-character indent (首行缩进两字). Page furniture sits in the top and bottom lines of
every page: page numbers (``— 3 —``, ``- 1 -``, ``第3页``, ``3/12``) and running headers.

:func:`assemble` works on plain :class:`PdfLine` values so it is tested without a PDF;
:func:`load_pdf` only extracts the lines with pdfplumber. See ``docs/loaders.md`` for why
pdfplumber and not PyMuPDF.
"""

from __future__ import annotations

import io
import itertools
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from policy_parser.loaders import LoadedText, require

__all__ = ["PdfLine", "assemble", "is_page_number", "load_pdf"]


@dataclass(frozen=True)
class PdfLine:
    """One text line of a page, with its geometry in PDF points (top grows downwards)."""

    text: str
    x0: float
    x1: float
    top: float
    size: float


_DASH = r"[\s\-—–－―‐_~～·•]"
_PAGE_NUMBER = regex.compile(
    rf"^{_DASH}*(?:"
    r"\d{1,4}"  # 3, — 3 —, - 3 -
    r"|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?"  # 第3页 / 第3页 共12页
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"  # 3/12
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    rf"){_DASH}*$"
)
# Lines that end a sentence: a paragraph may end on them even when they fill the line.
_SENTENCE_END = tuple("。！？；：”」）")
_MARKER_START = regex.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百零〇\d]+[章节条编]|[①-⑳])"
)
_ZONE = 2  # how many lines at the top and at the bottom of a page may be furniture


def is_page_number(text: str) -> bool:
    """Return whether a line is a page number: ``— 3 —``, ``- 1 -``, ``第3页``, ``3/12``."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def _furniture_key(text: str) -> str:
    # Running headers differ only by their page number or date: compare them without digits.
    return str(regex.sub(r"\s+", "", regex.sub(r"\d+", "#", text)))


def _strip_furniture(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    zone_counts: Counter[str] = Counter()
    for lines in pages:
        zone = lines[:_ZONE] + lines[-_ZONE:] if len(lines) > 2 * _ZONE else lines
        zone_counts.update({_furniture_key(line.text) for line in zone})
    repeated = {
        key
        for key, count in zone_counts.items()
        if len(pages) >= 2 and count >= 2 and count * 2 >= len(pages)
    }
    kept: list[list[PdfLine]] = []
    for lines in pages:
        keep: list[PdfLine] = []
        for index, line in enumerate(lines):
            in_zone = index < _ZONE or index >= len(lines) - _ZONE
            if in_zone and (is_page_number(line.text) or _furniture_key(line.text) in repeated):
                continue
            keep.append(line)
        kept.append(keep)
    return kept


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _join(left: str, right: str) -> str:
    # CJK wraps between any two characters; Latin words wrapped at a space need it back.
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right


class _Layout(NamedTuple):
    """The geometry a document's lines share: font size, margins, indent habit, line pitch."""

    size: float
    left: float
    right: float
    uses_indent: bool
    leading: float


def _measure(pages: list[list[PdfLine]], body: list[PdfLine]) -> _Layout:
    """Measure the body text's typical font size, margins, indent habit and line pitch.

    One stray line must not move a margin, so the left margin is the 10th percentile of the
    line starts and the right one the 95th of the line ends; a document indents paragraphs
    when at least two lines start 0.8 em right of the margin. In a made-up page of 10-point
    lines at x0 72 (two at 92) 12 points apart: size 10, left 72, indents, leading 12.
    """
    size = statistics.median(line.size for line in body) or 10.0
    left = _percentile([line.x0 for line in body], 0.1)
    right = _percentile([line.x1 for line in body], 0.95)
    indented = [line.x0 >= left + 0.8 * size for line in body]
    uses_indent = sum(indented) >= 2
    gaps = [
        b.top - a.top
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if 0 < b.top - a.top < 4 * size
    ]
    leading = statistics.median(gaps) if gaps else 1.2 * size
    return _Layout(size, left, right, uses_indent, leading)


def _continues(
    layout: _Layout,
    previous: PdfLine | None,
    line: PdfLine,
    text: str,
    paragraphs: list[str],
    gap: bool,
) -> bool:
    """Whether ``line`` carries on the paragraph the ``previous`` line is in (a hard wrap).

    The previous line reaches the right margin and this one is not indented; without an
    indent habit the previous paragraph must also not end a sentence and this line must not
    open a section marker. A made-up wrap: '各单位要加强' at the margin, then '管理。' flush
    left, gives '各单位要加强管理。'; without indents, '一、总体要求' after a full stop does not.
    """
    return (
        previous is not None
        and not gap
        and previous.x1 >= layout.right - 1.2 * layout.size
        and line.x0 < layout.left + 0.8 * layout.size
        and (
            layout.uses_indent
            or not (paragraphs[-1].endswith(_SENTENCE_END) or _MARKER_START.match(text))
        )
    )


def _place(
    paragraphs: list[str], offset: int, text: str, continues: bool, gap: bool
) -> tuple[int, int]:
    """Add a line's ``text`` to ``paragraphs``; return where it starts and the new end offset.

    Offsets count in the paragraphs joined by newlines: a continued line is joined to the last
    paragraph (a space only between two Latin words), any other starts a paragraph after a
    newline, with a blank line first where the page leaves a vertical gap. Made up: after
    ['甲乙'] at offset 2, a new paragraph '丙' starts at 3 and the end moves to 4.
    """
    if continues:
        joined = _join(paragraphs[-1], text)
        start = offset + len(joined) - len(paragraphs[-1]) - len(text)
        offset += len(joined) - len(paragraphs[-1])
        paragraphs[-1] = joined
    else:
        if paragraphs:
            if gap:
                paragraphs.append("")  # a blank line where the page leaves one
                offset += 1
            offset += 1  # the "\n" before this paragraph
        start = offset
        paragraphs.append(text)
        offset += len(text)
    return start, offset


def assemble(pages: list[list[PdfLine]]) -> tuple[str, tuple[int, ...]]:
    """Rebuild paragraphs from positioned lines; return ``(text, page_start_offsets)``.

    Page numbers and running headers/footers are dropped. A line continues the previous
    paragraph when the previous line reaches the right margin and this line is not indented
    (and, in documents that do not indent paragraphs, the previous line does not end a
    sentence and this line does not start with a section marker). This holds across a page
    break, so a paragraph broken over two pages comes back as one line.
    """
    pages = _strip_furniture([sorted(p, key=lambda ln: (round(ln.top), ln.x0)) for p in pages])
    body = [line for lines in pages for line in lines if line.text.strip()]
    if not body:
        return "", tuple(0 for _ in pages)
    layout = _measure(pages, body)

    paragraphs: list[str] = []
    page_starts: list[int] = []
    offset = 0  # where the next character lands in "\n".join(paragraphs)
    previous: PdfLine | None = None
    for lines in pages:
        first_on_page = True
        for line in lines:
            text = line.text.strip()
            if not text:
                continue
            gap = (
                previous is not None
                and first_on_page is False
                and (line.top - previous.top > 1.6 * layout.leading)
            )
            continues = _continues(layout, previous, line, text, paragraphs, gap)
            start, offset = _place(paragraphs, offset, text, continues, gap)
            if first_on_page:
                page_starts.append(start)
                first_on_page = False
            previous = line
        if first_on_page:  # an empty page starts where the next text would
            page_starts.append(offset + 1 if paragraphs else 0)
    text = "\n".join(paragraphs) + "\n"
    return text, tuple(page_starts)


def _line(raw: dict[str, Any]) -> PdfLine:
    sizes = [float(ch["size"]) for ch in raw.get("chars", []) if str(ch.get("text", "")).strip()]
    return PdfLine(
        text=str(raw["text"]),
        x0=float(raw["x0"]),
        x1=float(raw["x1"]),
        top=float(raw["top"]),
        size=statistics.median(sizes) if sizes else float(raw["bottom"]) - float(raw["top"]),
    )


def load_pdf(data: bytes) -> LoadedText:
    """Extract a PDF's text in reading order, without page furniture, paragraphs rejoined.

    Raises:
        MissingExtraError: pdfplumber is not installed.
    """
    pdfplumber = require("pdfplumber", "pdf", "pdfplumber", ".pdf")
    pages: list[list[PdfLine]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            pages.append([_line(raw) for raw in page.extract_text_lines(return_chars=True)])
    text, starts = assemble(pages)
    return LoadedText(text=text, kind="pdf", pages=starts)
