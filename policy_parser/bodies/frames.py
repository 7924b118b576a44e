"""What stands between a subject and its verb and is no part of either: adverbials, conditions.

``市文旅委依照有关规定牵头…`` (an adverbial of manner), ``各区、各部门在职责范围内，分别负责…``
(a frame), ``各学校在开展活动中发现问题的，应当报告`` (a condition closed by 的): the subject is
the name list before them. ``subjects`` strips them before it reads a subject span.
"""

from __future__ import annotations

import functools
import re

import regex

from policy_parser.wordlists import one_of, words

# A title or bracket inside the adverbial is masked (□): 依照□□□□规定.
_PHRASE = r"[^，,。；;：:、]"

# 市文旅委依照有关规定 | 牵头, 各区在职责范围内 | 负责: the adverbial runs to the span's end
# (市文旅委按照 | 《办法》牵头: a title after the opener is masked and ends the phrase).
_ADVERBIAL = regex.compile(
    rf"(?:{one_of(words('adverbials', 'according'))}{_PHRASE}{{0,20}}"
    rf"|{one_of(words('adverbials', 'frame'))}{_PHRASE}{{1,20}}?"
    rf"{one_of(words('adverbials', 'frame_end'))})$"
)

_CONDITION = regex.compile(one_of(words("adverbials", "condition")))

_OPENERS = frozenset(w[0] for tag in ("according", "frame") for w in words("adverbials", tag))
# The same characters as a class for the stdlib engine, which finds the first in C (a set
# test over the string builds an object per Chinese character).
_OPENER = re.compile("[" + re.escape("".join(sorted(_OPENERS))) + "]")


_COORDINATED = ("或者", "或", "和", "及", "并", "、")

# 对锐意改革的地区要表扬, 申请人的单位须一致: a 的-phrase that opens with a preposition or
# ends with a person or body is no modifier of an obliged subject (the names are objects or
# possessed).
_NOT_MODIFIER = regex.compile(r"^[对向与给把被将为从]|[人者]的$")


def is_modifier(phrase: str) -> bool:
    """Return whether ``phrase`` (ending in 的) may modify an obliged subject.

    ``承担科普任务的`` may (``承担科普任务的科研院所应当…``); ``对锐意改革的`` (an object of 对)
    and ``申请人的`` (a possessor) may not.
    """
    return _NOT_MODIFIER.search(phrase) is None


def strip_adverbial(span: str) -> str:
    """Return the subject span without an adverbial standing before the verb.

    ``市文旅委依照有关规定`` → ``市文旅委`` (before 牵头), ``各区在职责范围内`` → ``各区``
    (before ``，分别负责``), ``按照职责分工`` → ``""`` (the subject stands before the comma:
    ``各部门在市政府领导下，按照职责分工负责…``). A span with no adverbial is returned as it is.
    """
    opener = _OPENER.search(span)
    if opener is None or span.endswith(_COORDINATED):
        # Most spans hold no opener. A span ending in 或者/和 coordinates the verb with
        # another (X按照规定组织或者参加…): the role verb is not the clause's only one.
        return span
    # The leftmost opener whose phrase runs to the end: 按照 inside the adverbial stays in it.
    while opener is not None:
        i = opener.start()
        if _ADVERBIAL.match(span, i) is not None:
            return span[:i]
        opener = _OPENER.search(span, i + 1)
    return span


@functools.lru_cache(maxsize=1024)
def condition_cuts(phrase: str) -> tuple[int, ...]:
    """Where a condition may open in a phrase closed by 的: ``各学校|在活动中发现问题的``.

    ``各学校在开展活动中发现问题的，应当及时报告``: the school is the obliged subject; the
    candidate subjects are the text before each condition opener, leftmost first.
    """
    if not phrase.endswith("的"):
        return ()
    return tuple(m.start() for m in _CONDITION.finditer(phrase) if m.start() > 1)
