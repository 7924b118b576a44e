"""Closing formulas (特此通知。 特此公告。 此复。): the set phrase that ends a body.

They belong to no preamble and no section: the body ends before them, and the closing block
skips them. The phrases are data (``closing_formulas.txt``).
"""

from __future__ import annotations

import regex

from policy_parser.wordlists import words

_FORMULA = "(?:" + "|".join(regex.escape(w) for w in words("closing_formulas")) + ")"


# A formula alone on its line: '特此通知。', '此复', '特此公告！'.
_FORMULA_LINE = regex.compile(rf"^{_FORMULA}\s*[。.．！!]?$")


# A formula ending the last line of a body, after a sentence: '…认真落实。特此通知。'.
_FORMULA_TAIL = regex.compile(rf"(?<=[。！？；”’）)]|^)\s*{_FORMULA}\s*[。.．！!]?\s*$")


def _is_formula(s: str) -> bool:
    """Whether line ``s`` is a closing formula alone: '特此通知。'."""
    return len(s) <= 8 and _FORMULA_LINE.match(s) is not None


def _formula_tail(text: str, start: int, end: int) -> int:
    """Where a closing formula ending ``text[start:end]`` starts (``end`` when there is none).

    Made up: '…请认真落实。特此通知。' gives the offset of '特'.
    """
    lo = max(start, end - 12)
    m = _FORMULA_TAIL.search(text, lo, end)
    if m is None:
        return end
    k = m.start()
    while k < end and text[k].isspace():
        k += 1
    return k
