"""What a title is made of: the verbs that open a task, and the ends no title has.

A title names a task as a verb and its object (``加强组织领导``) or as a noun (``总体目标``).
It never ends where a phrase is still open: on ``、和及与`` (``加强和``) or on a verb that has
not had its object (``推动`` in ``推动5G网络建设``). Items that all open with one subject
(``（一）各区要…（二）各区要…``) are sentences, not titles. The verbs are the word list
``data/title_verbs.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from policy_parser.wordlists import words

__all__ = ["ends_open", "opens_task", "same_subject", "task_verb_at"]

_OPEN_ENDS = tuple("、和及与并或")
# A subject's modal or duty word soon after the shared opening: 各区要…, 市财政局负责…
# (not 要求, 主要, 应急, 响应: 国家应急指挥部职责 opens with no duty)
_DUTY = regex.compile(
    r"(?<![主重需必只纲摘首扼])要(?![求点素件害])|(?<![响反供适对相])应(?![急用对])|必须|负责|牵头"
)
_OBJECT_START = regex.compile(r"[\p{Han}A-Za-z0-9“《]")  # not a stop: 加强。 has no object
_SUBJECT_MIN = 2
_SUBJECT_REACH = 8  # the modal stands near the end of the shared opening: 各区要, 各区县应


@cache
def _verbs() -> tuple[str, ...]:
    """The title verbs and adverbs, longest first (进一步 before 进)."""
    return tuple(sorted(words("title_verbs"), key=len, reverse=True))


@cache
def _adverbs() -> tuple[str, ...]:
    """The adverbs of the title verbs list: each needs a verb after it (积极推动)."""
    return words("title_verbs", "adverb")


@cache
def _heads() -> frozenset[str]:
    """The first characters of the title verbs, to skip most positions at once."""
    return frozenset(word[0] for word in _verbs())


def task_verb_at(text: str, p: int) -> bool:
    """Whether a title verb starts at ``p`` and its object follows: ``引导企业``, not ``引导。``."""
    if p >= len(text) or text[p] not in _heads():
        return False
    for verb in _verbs():
        if text.startswith(verb, p):
            after = p + len(verb)
            return after < len(text) and _OBJECT_START.match(text, after) is not None
    return False


def opens_task(sentence: str) -> bool:
    """Whether ``sentence`` opens with a title verb and its object: ``强化督查``."""
    return task_verb_at(sentence, 0)


def ends_open(title: str, *, verb: bool = True) -> bool:
    """Whether ``title`` ends where its phrase is still open: ``加强和``, ``积极推动``.

    With ``verb=False`` only a conjunction or an adverb counts (``积极|推动…``): before an
    organ's name a verb may end a title as a noun does (``加强信息引导|工业和信息化部…``).
    """
    return title.endswith(_OPEN_ENDS) or title.endswith(_verbs() if verb else _adverbs())


def same_subject(texts: Sequence[str]) -> bool:
    """Whether sibling items all open with one subject and its modal.

    ``（一）各区要…（二）各区应…`` are sentences of the subject's duties; none has a title,
    though its first sentence is short. A shared opening verb is no subject (``加强领导`` /
    ``加强保障``), nor is ``关于`` (``关于资金问题`` / ``关于人员问题``).
    """
    if len(texts) < 2:
        return False
    first = texts[0]
    # The shared opening of all texts is the one of the least and the greatest of them (甲乙丙,
    # 甲乙丁, 甲乙戊: 甲乙): one loop over two strings, not one over every text per character.
    low, high = min(texts), max(texts)
    size = 0
    while size < len(low) and low[size] == high[size]:
        size += 1
    if size < _SUBJECT_MIN or opens_task(first) or first.startswith("关于"):
        return False
    return all(_DUTY.search(t, max(1, size - 3), size + _SUBJECT_REACH) is not None for t in texts)
