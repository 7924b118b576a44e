"""The vocabulary several segmentation rules share: document kinds and organ-name endings.

The words are data (``data/doc_kinds.txt``, ``data/organ_suffixes.txt``); the patterns built
from them are here, so that every rule reads the same list.
"""

from __future__ import annotations

import regex

from policy_parser.wordlists import words


def _alternation(items: tuple[str, ...]) -> str:
    """A pattern for any of ``items``, longest first.

    An alternation takes the first branch that matches, so where one word begins another
    (通知 and 通知书, 委 and 委员会) the longer must come first, whatever the order of the word
    list: ``…的通知书`` reads as the kind 通知书, not 通知 with 书 left over.
    """
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in ordered) + ")"


# The kinds of document a title names, as its last word: '…的通知', '…实施方案', '…条例'.
_KIND_WORDS = words("doc_kinds", "title")
_KIND = _alternation(_KIND_WORDS)
_TITLE_END = regex.compile(rf"{_KIND}(?:[（(][^（）()]{{1,16}}[）)])?$")
_KIND_WORD = regex.compile(_KIND)
_OF_KIND = regex.compile(rf"的{_KIND}")  # '…的通报'
# The characters a title can end with (a kind word's last one, or a closing bracket): a cheap
# test that rejects most lines before any pattern runs.
_TITLE_LAST = frozenset(w[-1] for w in _KIND_WORDS) | frozenset("）)")
# A body naming its own kind: '…制定本实施方案。' (longest first: 实施方案 before 方案).
_SELF_KIND = regex.compile(
    r"(?:制定|印发|形成|提出)?本(" + _alternation(words("doc_kinds", "self")) + ")"
)
# The kinds of a notice that issues another document: '关于印发X的通知'.
_ISSUING_KIND = _alternation(words("doc_kinds", "issuing"))

# Organ names end with one of these: 国务院办公厅, 国家发展改革委, 广州市卫生健康委员会.
_ORG_SUFFIX = _alternation(words("organ_suffixes", "signature"))
_ORG_END = regex.compile(_ORG_SUFFIX + "$")
