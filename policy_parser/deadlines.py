"""Deadlines (完成时限) read from a table cell, a labelled field or an annotation.

Plans say when each task is due, in a 完成时限 column, in a field line
(``牵头单位：市科协；完成时限：2024年底前``) or inside the task's annotation
(``（市科协牵头，2024年底前完成）``). Three kinds of phrase are read:

* a date, normalised to the last day it allows: ``2025年底前`` → 2025-12-31,
  ``2024年6月底前`` → 2024-06-30, ``2023年12月31日前`` → 2023-12-31, ``2024年上半年`` →
  2024-06-30, ``2024年第三季度`` → 2024-09-30, ``2023—2025年`` → 2025-12-31;
* work kept up with no end: ``长期坚持``, ``持续推进`` (``data/deadline_words.txt``, tag
  ``ongoing``);
* work done each period: ``每年``, ``每季度`` (tag ``recurring``), also ``每年年底前``.

Offsets are those of the string passed in; ``duties`` maps them to the source.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

import regex

from policy_parser.models import DeadlineKind
from policy_parser.numerals import to_int
from policy_parser.wordlists import one_of, words

__all__ = ["DeadlinePhrase", "cell_deadline", "clause_deadline", "parse_deadline"]


class DeadlinePhrase(NamedTuple):
    """A deadline phrase found in a string, its offsets relative to that string."""

    text: str
    start: int
    end: int
    date: _dt.date | None
    kind: DeadlineKind


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_WIDTH = regex.compile("[０-９]")
_Y = r"\d{4}|[〇零一二三四五六七八九]{4}"
# 2023—2025年: a range is due at its end.
_YEAR = rf"(?:(?P<from>{_Y})年?\s*[—–\-~～至到]\s*)?(?P<year>{_Y})\s*年"
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
_DAY = (
    r"(?P<day>3[01]|[12][0-9]|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
    r"\s*[日号]"
)
_PART = (
    rf"(?:{_MONTH}(?:{_DAY}|(?P<mpart>底|末|份|上旬|中旬|下旬))?"
    r"|(?P<half>上半年|下半年)|第?(?P<quarter>[一二三四1-4])季度"
    r"|(?P<yend>年?底|年?末|年内|全年|年度))?"
)
_BEFORE = r"(?P<before>以前|之前|前)?"
_DATE = regex.compile(_YEAR + _PART + _BEFORE)
_DATE_BEFORE = regex.compile(_YEAR + _PART + r"(?P<before>以前|之前|前)")
_QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_VALUE = regex.compile(r"[^；;。，,\n）)]*")  # a field's value runs to the next delimiter


def _number(written: str) -> int | None:
    """An Arabic or Chinese number: '6', '06', '十二', '二〇二五' (digit by digit for years)."""
    if written.isdigit():
        return int(written)
    if len(written) == 4 and all(c in "〇零一二三四五六七八九" for c in written):
        return int(
            "".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in written)
        )
    return to_int(written)


def _last_day(m: regex.Match[str]) -> _dt.date | None:
    """The last day a matched date allows, or None when it names no real day."""
    year = _number(m["year"])
    if year is None or not 1900 <= year <= 2200:
        return None
    month, day = 12, 31
    if m["month"]:
        month = _number(m["month"]) or 0
        if not 1 <= month <= 12:
            return None
        day = calendar.monthrange(year, month)[1]
        if m["day"]:
            day = _number(m["day"]) or 0
        elif m["mpart"] in ("上旬", "中旬"):
            day = 10 if m["mpart"] == "上旬" else 20
    elif m["half"] == "上半年":
        month, day = 6, 30
    elif m["quarter"]:
        month = _QUARTER[m["quarter"]]
        day = calendar.monthrange(year, month)[1]
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None  # 2023年2月30日前


@cache
def _words() -> regex.Pattern[str]:
    """The ongoing and recurring words, longest first; 每年 may take a date part (每年年底前)."""
    ongoing = one_of(words("deadline_words", "ongoing"))
    recurring = one_of(words("deadline_words", "recurring"))
    n = "[0-9一二三四五六七八九十]+"
    return regex.compile(
        rf"(?P<recurring>{recurring}(?:{n}月(?:底|末|{n}[日号])?|年?底|年?末|季度末|月底)?"
        rf"(?:以前|之前|前)?)|(?P<ongoing>{ongoing})"
    )


@cache
def _first_chars() -> frozenset[str]:
    """The first characters of the ongoing and recurring words (长, 持, 每 …)."""
    return frozenset(w[0] for tag in ("ongoing", "recurring") for w in words("deadline_words", tag))


@cache
def _phrase_char() -> re.Pattern[str]:
    """年 or the first character of a deadline word: one of them is in every phrase.

    A plain class for the stdlib engine, which scans for it in C (``frozenset.isdisjoint``
    over a string builds an object per Chinese character).
    """
    return re.compile("[" + re.escape("".join(sorted({"年", *_first_chars()}))) + "]")


@cache
def _word_char() -> re.Pattern[str]:
    """The first character of a deadline word (长, 持, 每 …), as a class: see _phrase_char."""
    return re.compile("[" + re.escape("".join(sorted(_first_chars()))) + "]")


def field_label(labels: Iterable[str]) -> str:
    """The opener of a labelled field, as a regex: ``【X】`` or ``X：`` for a label X.

    >>> regex.match(field_label(["完成时限"]), "【完成时限】2024年底前") is not None
    True
    """
    alternatives = one_of(labels)
    return rf"(?:【{alternatives}】|{alternatives}\s*[：:])"


@cache
def _label() -> regex.Pattern[str]:
    """A deadline field label and its colon: 完成时限：, 【完成时限】, 时间节点:."""
    return regex.compile(field_label(words("deadline_words", "label")) + r"\s*")


def _phrase(text: str, m: regex.Match[str], start: int, end: int) -> DeadlinePhrase | None:
    if m.re is _DATE or m.re is _DATE_BEFORE:
        date = _last_day(m)
        if date is None:
            return None
        return DeadlinePhrase(text[start:end], start, end, date, DeadlineKind.BY_DATE)
    kind = DeadlineKind.RECURRING if m["recurring"] else DeadlineKind.ONGOING
    return DeadlinePhrase(text[start:end], start, end, None, kind)


def parse_deadline(text: str, start: int = 0, end: int | None = None) -> DeadlinePhrase | None:
    """Return the first deadline phrase in ``text[start:end]``: a date or a deadline word.

    >>> parse_deadline("2024年6月底前").date
    datetime.date(2024, 6, 30)
    >>> parse_deadline("长期坚持").kind.value
    'ongoing'
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    # Same length, so offsets hold; translate is slow on CJK text, so only where needed.
    digits = piece.translate(_DIGITS) if _FULL_WIDTH.search(piece) else piece
    found: list[DeadlinePhrase] = []
    # Most pieces hold neither a 年 nor a word's first character: no regex runs on them.
    patterns = [_DATE] if "年" in piece else []
    if _word_char().search(piece) is not None:
        patterns.append(_words())
    for pattern in patterns:
        for m in pattern.finditer(digits):
            phrase = _phrase(piece, m, m.start(), m.end())
            if phrase is not None:
                found.append(phrase)
                break
    if not found:
        return None
    first = min(found, key=lambda p: p.start)
    return first._replace(start=first.start + start, end=first.end + start)


def cell_deadline(cell: str) -> DeadlinePhrase | None:
    """Return the deadline a 完成时限 cell gives: its first date or deadline word.

    >>> cell_deadline("2025年底前完成").text
    '2025年底前'
    """
    return parse_deadline(cell)


_BRACKET_PART = regex.compile(r"[（(][^（()）]*[）)]")
_OPEN, _CLOSE = "，,；;、（(", "，,；;、）)"  # what stands around a part of a bracket


def clause_deadline(clause: str) -> DeadlinePhrase | None:
    """Return the deadline a clause states, or None.

    Read, first found wins: the value of a deadline label (``完成时限：2024年底前``, any
    phrase of the value); a part of an annotation bracket (``（市科协牵头，长期坚持）``); a
    date written with 前 (``2025年底前完成``). A bare year (``到2025年``) is a goal, no
    deadline, and a deadline word in running text (``持续推进科普工作``) is a verb.

    >>> clause_deadline("牵头单位：市科协；完成时限：长期坚持").kind.value
    'ongoing'
    """
    if _phrase_char().search(clause) is None:
        # Every phrase holds a 年 or opens with a deadline word's first character: most
        # clauses (各区要加强宣传。) hold neither, and no label or bracket needs reading.
        return None
    if "：" in clause or ":" in clause or "】" in clause:
        for m in _label().finditer(clause):
            stop = _VALUE.match(clause, m.end())
            found = parse_deadline(clause, m.end(), stop.end() if stop else len(clause))
            if found is not None:
                return found
    if "（" in clause or "(" in clause:
        for b in _BRACKET_PART.finditer(clause):
            found = parse_deadline(clause, b.start() + 1, b.end() - 1)
            if found is None:
                continue
            # The phrase must be a date, or a whole part of the bracket: （甲局牵头，长期坚持）.
            whole = clause[found.start - 1] in _OPEN and clause[found.end] in _CLOSE
            if found.date or whole:
                return found
    if "前" in clause and "年" in clause:
        digits = clause.translate(_DIGITS) if _FULL_WIDTH.search(clause) else clause
        for m in _DATE_BEFORE.finditer(digits):
            phrase = _phrase(clause, m, m.start(), m.end())
            if phrase is not None:
                return phrase
    return None
