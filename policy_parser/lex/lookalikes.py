"""Lookalikes: numerals that match a marker terminal but do not open a part of the text.

Each rule only rejects a candidate, from the characters around it on its line; which of the
remaining candidates are markers is for numbering continuity (``continuity.py``). The words
that mark a reference are data: ``policy_parser/data/marker_references.txt``.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from policy_parser.lex.kinds import PARENS, STATUTE
from policy_parser.models import MarkerKind
from policy_parser.wordlists import words

__all__ = [
    "after_statute_title",
    "bracket_depths",
    "cited_items",
    "digit_after",
    "reference",
    "weak_reference",
]

_YEAR = regex.compile(r"[0-9]{4}年")
_HAN = regex.compile(r"[\u4e00-\u9fff]")
# A chapter or section title glued to the article after it: short, no punctuation.
_STATUTE_TITLE = regex.compile(r"[^\n。；;：:，,、！？!?（(“”《》]{1,24}")
_OPENERS = "（(《“‘〈「『【["
_CLOSERS = "）)》”’〉」』】]"
_BRACKETS = regex.compile(f"[{regex.escape(_OPENERS + _CLOSERS)}]")


@cache
def _after(tag: str) -> re.Pattern[str]:
    """The words of ``marker_references.txt`` tagged ``tag``, as one alternation."""
    return re.compile("|".join(re.escape(w) for w in words("marker_references", tag)))


@cache
def _paren_after() -> frozenset[str]:
    return frozenset(words("marker_references", "paren"))


@cache
def _cited() -> re.Pattern[str]:
    """A cited list of items after a bracketed numeral: 至（三）项, 、（二）项, 项."""
    joins = "|".join(re.escape(w) for w in words("marker_references", "join"))
    units = "".join(words("marker_references", "unit"))
    return re.compile(rf"(?:(?:{joins})[（(][一二三四五六七八九十百0-9]{{1,4}}[）)])*[{units}]")


def cited_items(kind: MarkerKind, line: str, end: int) -> bool:
    """Whether a bracketed numeral ending at ``end`` opens a cited list of items.

    ``（一）至（三）项规定的情形``, ``（一）、（二）项除外`` and ``（二）项`` cite items of a list;
    ``（一）项目管理`` (a word that starts with 项, ``compound`` in the data) is an item, and
    so is ``（一）项；``: a lone unit cites only when a word goes on the sentence (项规定的).
    """
    if kind not in PARENS:
        return False
    m = _cited().match(line, end)
    if m is None:
        return False
    if m.end() - end > 1:
        return True  # 至（三）项, 、（二）项: a list of numbers
    return _HAN.match(line, m.end()) is not None and line[end : end + 2] not in _compounds()


@cache
def _compounds() -> frozenset[str]:
    return frozenset(words("marker_references", "compound"))


def digit_after(line: str, end: int) -> bool:
    """Whether a digit follows the candidate ending at ``end``, a year aside.

    ``1.5亿元`` has one (a decimal number); ``3．2020年底前…`` has a year, which a marker may
    precede.
    """
    return line[end : end + 1].isdigit() and not _YEAR.match(line, end)


def reference(
    kind: MarkerKind, line: str, start: int, end: int, at_line_start: bool, digit: bool
) -> bool:
    """Whether the candidate ``line[start:end]`` reads as a number cited in a sentence.

    ``1、2、3`` (a digit after 、 or ）), ``1.5亿元`` inside a line, ``第三条规定的``,
    ``依照第（一）项`` and ``（一）项`` are such; ``六、项目建设…`` is item 六. ``digit`` is
    :func:`digit_after` at ``end``.
    """
    after = line[end : end + 2]
    if digit and kind in (MarkerKind.CN_COMMA, MarkerKind.ARABIC_HALF_PAREN):
        return True  # 1、2、3
    if digit and kind is MarkerKind.ARABIC_DOT and not at_line_start:
        return True  # 1.5亿元 — but 3．2020年底前… is a marker before a year
    if kind in STATUTE and _after("statute").match(after):
        return True
    if not at_line_start:
        if start and line[start - 1] == "第":
            return True  # 第（一）项
        if after[:1] in _paren_after() and kind in PARENS:
            return True  # （一）项 — but 六、项目建设… is item 六
        if cited_items(kind, line, end):
            return True  # ，（一）、（二）项除外
    return False


def weak_reference(line: str, end: int) -> bool:
    """Whether what follows a statute marker may make it a reference: ``第五条和第六条``."""
    return _after("weak").match(line, end) is not None


def after_statute_title(prev_kind: MarkerKind, prev_end: int, start: int, text: str) -> bool:
    """Whether a candidate at ``start`` directly follows the short title of a statute marker.

    ``第二章　外国合同者的权利和义务第十三条中方…``: the chapter's title ends where the article
    begins, so the article stands at a boundary though no sentence end precedes it.
    """
    return _STATUTE_TITLE.fullmatch(text, prev_end, start) is not None


def bracket_depths(line: str) -> tuple[list[int], list[int]]:
    """Return bracket positions and the nesting depth after each, for depth look-ups.

    A candidate inside brackets or quotes (``（下称…1．…）``, ``“一、…”``) is cited, not a
    marker: its depth is the depth after the last bracket before it.
    """
    positions: list[int] = []
    depths: list[int] = []
    depth = 0
    for m in _BRACKETS.finditer(line):
        ch = m.group()
        if ch in _OPENERS:
            depth += 1
        elif depth:
            depth -= 1
        positions.append(m.start())
        depths.append(depth)
    return positions, depths
