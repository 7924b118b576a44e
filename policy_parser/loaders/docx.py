"""Word ``.docx`` files, through python-docx: paragraphs, tables and automatic numbering.

Word keeps list numbers out of the text: a paragraph says "level 1 of list 5" and
``numbering.xml`` says how that level counts (``numFmt``: ``chineseCounting``, ``decimal`` …)
and how it is written (``lvlText``: ``"%1、"``, ``"（%2）"``). A policy written with Word's
numbering would lose every section marker if we read only the runs, so :class:`Numbering`
replays the counters the way Word does and writes the markers back in front of the text.

Tables become one line per row with the cells joined by a tab, so a task table (序号 / 任务 /
牵头单位 / 配合单位) keeps one task per line. A vertically merged cell repeats its value in the
rows it spans, so every row names its 牵头单位.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from policy_parser.loaders import LoadedText, require
from policy_parser.numerals import from_int

__all__ = ["Level", "Numbering", "format_number", "load_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _w(tag: str) -> str:
    return _W + tag


def _val(element: Any, tag: str) -> str | None:
    # <w:tag w:val="..."/> child of element, or None.
    if element is None:
        return None
    child = element.find(_w(tag))
    return None if child is None else child.get(_w("val"))


_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(value: int) -> str:
    out = []
    for unit, letters in _ROMAN:
        count, value = divmod(value, unit)
        out.append(letters * count)
    return "".join(out)


def _letters(value: int) -> str:
    # Word's a…z, aa…zz, aaa…: the letter repeated, not base 26.
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def format_number(value: int, fmt: str) -> str:
    """Write ``value`` the way Word's ``numFmt`` does: 3 + ``chineseCounting`` → '三'.

    Unknown formats fall back to decimal, as Word itself does for formats it cannot render.
    """
    if value <= 0 and fmt not in ("decimal", "decimalZero"):
        return str(value)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):  # fmt: skip
        return from_int(value) if value < 100_000 else str(value)
    if fmt == "chineseLegalSimplified":
        return from_int(value).translate(_LEGAL) if value < 100_000 else str(value)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(value))
    if fmt == "ideographTraditional":
        return _TIANGAN[(value - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(value - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + value - 1) if value <= 20 else str(value)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + value - 1) if value <= 20 else f"({value})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + value - 1) if value <= 20 else f"{value}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerLetter":
        return _letters(value)
    return str(value)


@dataclass(frozen=True)
class Level:
    """One level of a Word list definition (``w:lvl``)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # None: restart after any shallower level; 0: never
    suffix: str = "tab"
    legal: bool = False  # isLgl: show the other levels' numbers in decimal


def _level(element: Any) -> Level:
    start = _val(element, "start")
    restart = _val(element, "lvlRestart")
    legal = element.find(_w("isLgl"))
    return Level(
        start=int(start) if start is not None else 1,
        fmt=_val(element, "numFmt") or "decimal",
        text=_val(element, "lvlText") or "",
        restart=int(restart) if restart is not None else None,
        suffix=_val(element, "suff") or "tab",
        legal=legal is not None and legal.get(_w("val"), "1") not in ("0", "false"),
    )


@dataclass
class Numbering:
    """Word's list definitions and running counters, replayed paragraph by paragraph.

    Counters are kept per abstract list (``w:abstractNum``), since instances (``w:num``)
    of one abstract list continue one another unless they override the start value.
    """

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId → ilvl → Level
    counter_key: dict[str, str] = field(default_factory=dict)  # numId → counter set
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        """Read ``numbering.xml`` and the paragraph styles that carry numbering."""
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        abstracts: dict[str, Any] = {}
        if root is not None:
            for abstract in root.findall(_w("abstractNum")):
                abstracts[abstract.get(_w("abstractNumId"))] = abstract
        styles = cls._styles(document)
        numbering.style_numbering = {
            style_id: found for style_id, found in styles.items() if found is not None
        }
        if root is None:
            return numbering
        for num in root.findall(_w("num")):
            num_id = num.get(_w("numId"))
            abstract_id = _val(num, "abstractNumId")
            abstract = abstracts.get(abstract_id or "")
            # A numStyleLink points through a style at the list that really defines the levels.
            link = _val(abstract, "numStyleLink")
            if link and link in numbering.style_numbering:
                linked = root.find(
                    f"{_w('num')}[@{_w('numId')}='{numbering.style_numbering[link][0]}']"
                )
                linked_abstract = _val(linked, "abstractNumId") if linked is not None else None
                if linked_abstract in abstracts:
                    abstract_id, abstract = linked_abstract, abstracts[linked_abstract or ""]
            levels: dict[int, Level] = {}
            if abstract is not None:
                for lvl in abstract.findall(_w("lvl")):
                    levels[int(lvl.get(_w("ilvl"), "0"))] = _level(lvl)
            key = f"a{abstract_id}"
            for override in num.findall(_w("lvlOverride")):
                ilvl = int(override.get(_w("ilvl"), "0"))
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = _val(override, "startOverride")
                if start is not None:
                    base = levels.get(ilvl, Level())
                    levels[ilvl] = Level(
                        int(start), base.fmt, base.text, base.restart, base.suffix, base.legal
                    )
                key = f"n{num_id}"  # an overridden instance counts on its own
            numbering.levels[num_id] = levels
            numbering.counter_key[num_id] = key
        return numbering

    @staticmethod
    def _styles(document: Any) -> dict[str, tuple[str, int] | None]:
        # style id → (numId, ilvl) from the style or the styles it is based on.
        try:
            root = document.styles.element
        except AttributeError:
            return {}
        own: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in root.findall(_w("style")):
            ppr = style.find(_w("pPr"))
            numpr = ppr.find(_w("numPr")) if ppr is not None else None
            ilvl = _val(numpr, "ilvl")
            own[style.get(_w("styleId"))] = (
                _val(numpr, "numId"),
                int(ilvl) if ilvl is not None else None,
                _val(style, "basedOn"),
            )
        resolved: dict[str, tuple[str, int] | None] = {}
        for style_id in own:
            seen: set[str] = set()
            current: str | None = style_id
            num_id: str | None = None
            ilvl_found: int | None = None
            while current in own and current not in seen:
                seen.add(current)
                nid, lvl, based = own[current]
                num_id = num_id or nid
                ilvl_found = ilvl_found if ilvl_found is not None else lvl
                current = based
            resolved[style_id] = (num_id, ilvl_found or 0) if num_id else None
        return resolved

    def label(self, paragraph: Any) -> str:
        """Return the marker Word displays before ``paragraph`` (a ``w:p``), and count it."""
        ppr = paragraph.find(_w("pPr"))
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        num_id = _val(numpr, "numId")
        ilvl_text = _val(numpr, "ilvl")
        if num_id is None:
            style = _val(ppr, "pStyle")
            if style is None or style not in self.style_numbering:
                return ""
            num_id, style_ilvl = self.style_numbering[style]
            ilvl = int(ilvl_text) if ilvl_text is not None else style_ilvl
        else:
            ilvl = int(ilvl_text) if ilvl_text is not None else 0
        levels = self.levels.get(num_id)
        if num_id == "0" or not levels or ilvl not in levels:
            return ""  # numId 0 switches numbering off
        level = levels[ilvl]
        counters = self.counters.setdefault(self.counter_key[num_id], {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt in ("none", "bullet"):
            return ""  # bullets are not section markers
        text = level.text
        for index in range(9, -1, -1):  # %10 does not exist; go high to low anyway
            placeholder = f"%{index + 1}"
            if placeholder not in text:
                continue
            shown = levels.get(index, Level())
            value = counters.get(index, shown.start)
            fmt = "decimal" if level.legal and index != ilvl else shown.fmt
            text = text.replace(placeholder, format_number(value, fmt))
        return text + _separator(text, level.suffix)


def _separator(label: str, suffix: str) -> str:
    if not label or suffix == "nothing":
        return ""
    if suffix == "space":
        return " "
    # A tab renders as white space; after punctuation (一、 1. （1）) Chinese text has none,
    # after a word-like marker (第一章, 1) it has a space.
    last = label[-1]
    word_like = (last.isascii() and last.isalnum()) or "\u4e00" <= last <= "\u9fff"
    return " " if word_like else ""


_SKIP = {_w("txbxContent"), _MC + "Fallback", _w("delText"), _w("instrText"), _w("pPr")}


def _runs_text(element: Any) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _w("t"):
            yield child.text or ""
        elif tag == _w("tab"):
            yield "\t"
        elif tag in (_w("br"), _w("cr")):
            yield "\n"
        elif tag == _w("noBreakHyphen"):
            yield "-"
        else:
            yield from _runs_text(child)


def _paragraph(p: Any, numbering: Numbering) -> str:
    return numbering.label(p) + "".join(_runs_text(p))


def _table_rows(table: Any, numbering: Numbering) -> Iterator[str]:
    above: dict[int, str] = {}  # grid column → text, for vertically merged cells
    for row in table.findall(_w("tr")):
        cells: list[str] = []
        column = 0
        for cell in row.findall(_w("tc")):
            tcpr = cell.find(_w("tcPr"))
            span = int(_val(tcpr, "gridSpan") or 1)
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            if vmerge is not None and vmerge.get(_w("val"), "continue") == "continue":
                text = above.get(column, "")
            else:
                parts = [_paragraph(p, numbering) for p in cell.iter(_w("p"))]
                text = " ".join(part.strip() for part in parts if part.strip())
            above[column] = text
            cells.append(text.replace("\t", " ").replace("\n", " "))
            cells.extend([""] * (span - 1))  # keep later cells under their column headings
            column += span
        if any(cells):
            yield "\t".join(cells)


def _blocks(container: Any, numbering: Numbering) -> Iterator[str]:
    for child in container:
        if child.tag == _w("p"):
            yield _paragraph(child, numbering)
        elif child.tag == _w("tbl"):
            yield from _table_rows(child, numbering)
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            yield from _blocks(child, numbering)  # content controls wrap ordinary blocks


def load_docx(data: bytes) -> LoadedText:
    """Extract a Word document's text: numbered paragraphs and tables, in document order.

    Raises:
        MissingExtraError: python-docx is not installed.
    """
    docx = require("docx", "docx", "python-docx", ".docx")
    document = docx.Document(io.BytesIO(data))
    numbering = Numbering.from_document(document)
    lines = list(_blocks(document.element.body, numbering))
    text = "\n".join(lines).strip("\n") + "\n"
    title = (document.core_properties.title or "").strip() or None
    return LoadedText(text=text, kind="docx", title=title)
