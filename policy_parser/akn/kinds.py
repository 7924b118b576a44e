"""Which Akoma Ntoso document type a document is, read off the last word of its title.

Akoma Ntoso has one root element per document type: ``act`` for a normative text in force,
``bill`` for a draft, ``doc`` for everything else, each with a ``name`` attribute saying the
subtype. A Chinese title says its type in its last word (文种): ``甲市乙条例`` is an act,
``甲市乙办法（征求意见稿）`` a bill, ``关于乙的通知`` a doc named ``notice``. The words are data
(``data/akn_kinds.txt``), so a user adds a kind there, not here.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from policy_parser.wordlists import entries

__all__ = ["AknKind", "akn_kind"]

_TYPES = ("act", "bill", "doc")
#: What a title without a known last word becomes.
DEFAULT = ("doc", "document")
# A closing bracket group: '（试行）', '(2023年修订)', '（征求意见稿）'.
_TRAILING_GROUP = regex.compile(r"[（(]([^（()）]*)[）)]\s*$")
# Quotation and book-title marks a title may end in: '…办法》' in '关于《…办法》的说明'.
_CLOSERS = "》〉」』”\"' \u3000"


class AknKind(NamedTuple):
    """The Akoma Ntoso root element and its ``name``: ``("act", "regulation")``."""

    element: str
    name: str


@cache
def _table() -> tuple[tuple[str, AknKind], ...]:
    """The words of ``data/akn_kinds.txt``, longest first, each with its kind."""
    out: list[tuple[str, AknKind]] = []
    for word, tags in entries("akn_kinds"):
        element = [t for t in tags if t in _TYPES]
        names = sorted(tags - set(_TYPES))
        if len(element) != 1 or len(names) != 1:
            raise ValueError(f"akn_kinds.txt: {word!r} needs one of {_TYPES} and one name tag")
        out.append((word, AknKind(element[0], names[0])))
    return tuple(sorted(out, key=lambda item: len(item[0]), reverse=True))


def _ending(text: str) -> AknKind | None:
    return next((kind for word, kind in _table() if text.endswith(word)), None)


def akn_kind(title: str | None) -> AknKind:
    """Return the Akoma Ntoso type of a document with this title.

    The phenomenon: the document kind is the title's last word, before any bracketed note
    (``（试行）``); a draft says so in such a note (``（草案）``) or as the last word itself.

    >>> akn_kind("甲市乙条例")
    AknKind(element='act', name='regulation')
    >>> akn_kind("甲市乙办法（征求意见稿）")
    AknKind(element='bill', name='draft-for-comment')
    >>> akn_kind("关于开展乙工作的通知")
    AknKind(element='doc', name='notice')
    >>> akn_kind(None)
    AknKind(element='doc', name='document')
    """
    text = (title or "").strip().rstrip(_CLOSERS)
    while match := _TRAILING_GROUP.search(text):
        inside = _ending(match.group(1).strip())
        if inside is not None and inside.element == "bill":
            return inside
        text = text[: match.start()].rstrip().rstrip(_CLOSERS)
    return _ending(text) or AknKind(*DEFAULT)
