"""A section's marker line → its heading and its own text (a :class:`Reading`).

``一、总体要求`` is a title line; ``（一）强化科普经费投入。各区县要…`` opens with a run-in title;
``第五条　…`` and ``（一）非法倾倒应税固体废物；`` have none. A line that cannot tell alone gets
a :class:`Tier` and its siblings decide (``drafts.py``).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

import regex

from policy_parser.models import MarkerKind
from policy_parser.normalize import TrackedText
from policy_parser.transform.phrases import opens_task

__all__ = ["VOTES", "Reading", "Tier", "first_sentence_end", "read_marker_line"]

_STATUTE_TITLED = {MarkerKind.PART, MarkerKind.CHAPTER, MarkerKind.SECTION}
_LINE_END_PUNCT = tuple("。；;！？!?：:，,、")
_RUN_IN_MAX = 25  # a run-in title is short: （一）强化科普经费投入。
_RUN_IN_COMMA_MAX = 14  # …and if it has a comma, shorter still: （一）坚持深化改革，简政放权。
_TITLE_MAX = 80
# Plain patterns tried on most marker lines use the standard ``re``: several times faster per
# call than ``regex``, the same matches.
_DATE_START = re.compile(r"[0-9０-９]{4}年|[0-9０-９]{1,2}月")  # 2020年底前实现… is substance
# Two or more spaces after a title of at least two characters (not 总　　则).
_TITLE_GAP = regex.compile(r"(?<=^[^\s\u3000]{2,40})[\u3000 ]{2,}(?=\S)")
# Before a title gap: commas may join its phrases (严格依法保护环境，推动…), sentence ends not.
_GAP_TITLE_PUNCT = regex.compile(r"[。；;：:！？!?]|[，,、]$")
# A sentence that introduces a list or states a rule is not a title: 有下列行为之一的，…。
_NOT_A_TITLE = re.compile(r"[：:；;]|下列|如下|以下")
# A first sentence whose subject takes a modal is the item's substance, not its title:
# （一）市财政局要保障资金。负责… (not 主要, 重要, 需要 …, 要求, 要素 …).
_DUTY_SENTENCE = re.compile(
    r"^[^，,]{2,12}?(?:(?<![主重需必只纲摘首扼])要(?![求点素件害])|应当|必须)"
)
_TITLE_STOP_MAX = 30  # （一）统筹两个市场，打造加工制造中心。 above its own items
_TASK_MAX = 12  # a task named by a verb and its object is short: （三）强化督查。


def _not_a_title(first: str) -> bool:
    """Whether a first sentence introduces a list, states a rule, or a subject's duty."""
    return bool(_NOT_A_TITLE.search(first) or _DUTY_SENTENCE.search(first))


def _short_tier(first: str, after: bool, more: bool) -> Tier:
    """The tier of a short first sentence, ``after``: text follows it on its line.

    A sentence that names a task, a verb and its object (``强化督查``), followed by more text on
    its line is a run-in title whatever its siblings do (``（三）强化督查。各地要…`` among items
    with none); a longer one, or one with a comma (``加强领导，落实责任``), may be the item's
    substance and is left to the siblings.
    """
    if not (after or more):
        return _AMBIGUOUS
    task = len(first) <= _TASK_MAX and "，" not in first and "," not in first
    return _TASK if after and task and opens_task(first) else _STRICT


_SENTENCE_SCAN = regex.compile(r"[（(《“‘〈【）)》”’〉】。！？!?]")
_OPENING = frozenset("（(《“‘〈【")
# The text before the first stop or opening bracket: closing brackets there change no depth.
# A plain class, so the standard ``re``, several times faster per call than ``regex``.
_PLAIN_HEAD = re.compile(r"[^（(《“‘〈【。！？!?]*")
_CELL_BREAK = regex.compile(r"\u3000\u3000+|\t+")
_CLOSING = frozenset("）)》”’〉】")


def first_sentence_end(text: str) -> int | None:
    """Return the offset of the first 。！？ outside brackets and quotes, or None."""
    # Most lines open no bracket before their first stop: it is the answer, found in one call.
    head = _PLAIN_HEAD.match(text)
    assert head is not None  # the pattern matches the empty string
    pos = head.end()
    if pos == len(text):
        return None
    if text[pos] not in _OPENING:
        return pos
    depth = 0
    for m in _SENTENCE_SCAN.finditer(text, pos):
        ch = m.group()
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return None


class Tier(StrEnum):
    """How sure a reading is that the marker line starts with a heading."""

    TITLE = "title"  # the line is a title and the item goes on: 一、总体要求 ⏎ 以习近平…
    STRICT = "strict"  # a short run-in first sentence: （一）强化科普经费投入。各区县要…
    LENIENT = "lenient"  # a longer one, a title only among titled siblings (≤ 30 characters)
    AMBIGUOUS = "ambiguous"  # a title-like line with nothing after it: 6.区委…急需紧缺人才。
    # a short verb-object run-in with text after it on its line, a title even among siblings
    # with none: （三）强化督查。各地要…
    TASK = "task"
    NONE = "none"  # an article, a list item, or an item whose first sentence is its substance


class Reading(NamedTuple):
    """How a marker line reads: its heading, its own text, and how sure that is."""

    heading: str | None
    run_in: TrackedText | None  # the heading when it is a sentence of the item
    own: TrackedText
    tier: Tier

    @property
    def clear(self) -> bool:
        """Whether the line decides alone (False: its siblings decide)."""
        return self.tier in _CLEAR_TIERS

    @property
    def vote(self) -> int:
        """+1 for a heading, -1 for none, 0 when the line cannot tell."""
        return VOTES.get(self.tier, 0)


_CLEAR_TIERS = frozenset((Tier.TITLE, Tier.STRICT, Tier.TASK, Tier.NONE))
# A tier's vote (Reading.vote): +1 for a heading, -1 for none, 0 (absent) when it cannot tell.
VOTES = {Tier.TITLE: 1, Tier.STRICT: 1, Tier.TASK: 1, Tier.NONE: -1}
# Python 3.11 finds an enum member on its class through a descriptor, a call each time
# (``Tier.NONE`` costs ten times a global): the per-section code reads these constants.
_ARTICLE, _TABLE_ROW = MarkerKind.ARTICLE, MarkerKind.TABLE_ROW
_TITLE, _STRICT, _LENIENT, _AMBIGUOUS = Tier.TITLE, Tier.STRICT, Tier.LENIENT, Tier.AMBIGUOUS
_TASK, _NONE = Tier.TASK, Tier.NONE


def read_marker_line(
    kind: MarkerKind, rest: TrackedText, following: list[TrackedText], has_children: bool
) -> Reading:
    """Split a section's marker line into its heading and its own text.

    A line that is a title (``一、总体要求``, no end punctuation) gives the heading; so does a
    short first sentence when more of the item follows (``（一）强化科普经费投入。各区县要…``).
    Articles and list items (``（一）非法倾倒应税固体废物；``) have none, nor does an item whose
    first sentence starts with a date (``1．2020年底前实现…。``). Longer first sentences and
    title-like lines with nothing after them are left to the siblings: :func:`to_drafts`.

    Args:
        kind: The marker style.
        rest: The marker line after the marker.
        following: The section's later text lines (before any child).
        has_children: Whether child sections follow.

    Returns:
        The reading of the line.
    """
    line = rest.text
    more = bool(following) or has_children
    if kind is _ARTICLE or not line:
        return Reading(None, None, TrackedText.join([rest, *following]), _NONE)
    if kind in _STATUTE_TITLED:
        return Reading(line, None, TrackedText.join(following), _TITLE)
    if kind is _TABLE_ROW:
        # The first cell is the row's title: 1企业投资项目承诺制改革　　山西开展…
        cell = _CELL_BREAK.search(line)
        if cell:
            own = TrackedText.join([rest.strip_slice(cell.end(), len(line)), *following])
            return Reading(line[: cell.start()], None, own, _TITLE)
    # A title gap is two spaces, one of them ideographic or both plain: most lines have none.
    gap = _TITLE_GAP.search(line) if "\u3000" in line or "  " in line else None
    if gap and not _GAP_TITLE_PUNCT.search(line[: gap.start()]):
        # Run-together text keeps a title apart by spaces: 一、加强监管执法　　有效解决…
        own = TrackedText.join([rest.strip_slice(gap.end(), len(line)), *following])
        return Reading(line[: gap.start()], None, own, _TITLE)
    end = first_sentence_end(line)
    if len(line) <= _TITLE_MAX and not line.endswith(_LINE_END_PUNCT) and end is None:
        tier = _TITLE if more else _AMBIGUOUS
        return Reading(line, None, TrackedText.join(following), tier)
    if end is not None and not _DATE_START.match(line):
        first = line[:end]
        if len(first) <= _TITLE_STOP_MAX and not _not_a_title(first):
            after = rest.strip_slice(end + 1, len(line))
            limit = _RUN_IN_COMMA_MAX if "，" in first or "," in first else _RUN_IN_MAX
            if not after.text and more:
                limit = _TITLE_STOP_MAX  # （一）统筹两个市场，打造加工制造中心。 above its items
            if len(first) <= limit:
                tier = _short_tier(first, bool(after.text), more)
            elif after.text or more:
                tier = _LENIENT
            else:
                # One long sentence.
                return Reading(None, None, TrackedText.join([rest, *following]), _NONE)
            own = TrackedText.join([after, *following])
            return Reading(first, rest.slice(0, end), own, tier)
    return Reading(None, None, TrackedText.join([rest, *following]), _NONE)
