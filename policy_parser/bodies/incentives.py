"""Objects of incentive verbs: 鼓励企业…, 引导高校、科研院所等…, 鼓励和支持老科技工作者….

The object list after 鼓励/引导/支持/倡导/号召 is ``encouraged``, unless the clause obliged a
subject before the verb (the work is then the subject's) or the verb stands in a purpose phrase
(``为了鼓励公民举报…``).
"""

from __future__ import annotations

import re

import regex

from policy_parser.bodies.found import Found, _Name
from policy_parser.bodies.lists import _forward
from policy_parser.bodies.subjects import _phrase_start
from policy_parser.models import Role
from policy_parser.wordlists import entries, one_of, words

_INCENTIVE_WORDS = one_of(w for w, tags in entries("incentive_verbs") if not tags)
# 支持和规范社会组织: a verb coordinated after an incentive shares its object.
_PAIRED = one_of(words("incentive_verbs", "paired"))

# 获支持企业, 给予支持: a noun, not a verb with an object.
_INCENTIVE = regex.compile(
    rf"(?<!获|得|给予|予以|的){_INCENTIVE_WORDS}(?:(?:和|、|并)(?:{_INCENTIVE_WORDS}|{_PAIRED}))*"
)

# 支持一批高水平科研院所: quantity and quality words before the object are no part of it.
_MODIFIERS = regex.compile(rf"{one_of(words('incentive_verbs', 'modifier'))}+")

# 鼓励企业特别是科技企业…: a second list singles out part of the first; both are objects.
_ESPECIALLY = regex.compile(rf"[，,]?{one_of(words('incentive_verbs', 'especially'))}")

_INCENTIVE_GATE = re.compile(_INCENTIVE_WORDS)  # cheap test before the look-behind scan

# 为了鼓励公民举报…，制定本办法: a purpose phrase gives no role.
_PURPOSE = regex.compile(r"为了|为(?!牵头)")


def _incentive_objects(
    masked: str,
    incentives: list[regex.Match[str]],
    subjects: list[Found],
    claimed: list[tuple[int, int]],
) -> list[Found]:
    """The objects of incentive verbs (``鼓励企业…``, ``引导高校、科研院所等…``): encouraged.

    An incentive after an obliged subject is that subject's work, not an encouragement
    (``中小学校要…，组织并支持师生开展…``: the text obliges the school), and so is none in a
    purpose phrase (``为了鼓励公民举报…，制定本办法``).
    """
    found: list[Found] = []
    for m in incentives:
        if any(f.end <= m.start() for f in subjects):
            continue
        if _PURPOSE.match(masked, _phrase_start(masked, m.start()), m.start()):
            continue
        for n in _objects(masked, m.end()):
            if not any(s < n.end and n.start < e for s, e in claimed):
                found.append(Found(n.name, Role.ENCOURAGED, n.start, n.end))
    return found


def _objects(masked: str, pos: int) -> list[_Name]:
    """The object list read forward from ``pos``, past modifiers, with a 特别是-list after it.

    ``支持一批高水平科研院所…`` → 科研院所; ``鼓励企业特别是科技企业…`` → 企业, 科技企业.
    """
    modifier = _MODIFIERS.match(masked, pos)
    named = _forward(masked, modifier.end() if modifier else pos)
    if named:
        more = _ESPECIALLY.match(masked, named[-1].end)
        if more is not None:
            named += _objects(masked, more.end())
    return named
