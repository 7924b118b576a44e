"""Clause split: a section's own text cut into sentences and self-contained ``；`` parts.

A clause ends at ``。！？`` (and ``!?``), and at ``；`` where the part after it has its own
subject (``主流媒体要…；各类媒体要…``) — not where it goes on with the same one
(``扩大覆盖面、增强实效性；强化责任意识``). Nothing inside ``（）()“”‘’《》【】〔〕`` splits.
A responsibility annotation after a full stop (``…规范使用。（财政部牵头，…负责）``) stays
with the sentence it annotates.
"""

from __future__ import annotations

import re

from policy_parser.bodies import BRACKET, BRACKET_PAIRS, starts_with_subject

__all__ = ["split_clauses"]

_STOPS = frozenset("。！？!?")
# The loops below jump from one character that matters to the next with a regex scan instead
# of looking at every character in Python (the split was a per-character loop over each
# section). The stdlib engine: a plain class scans fast.
_CLOSERS = frozenset(BRACKET_PAIRS.values())
# What the split acts on: an opening bracket or quote, a full stop, a semicolon.
_EVENT = re.compile("[" + re.escape("".join(BRACKET_PAIRS) + "".join(_STOPS) + "；;") + "]")


def _close_group(text: str, i: int) -> int:
    """Return the index after the bracket group opening at ``text[i]``, or -1 if unclosed."""
    stack = [BRACKET_PAIRS[text[i]]]
    for m in BRACKET.finditer(text, i + 1):
        ch = m.group()
        if ch == stack[-1]:
            stack.pop()
            if not stack:
                return m.end()
        elif ch in BRACKET_PAIRS:
            stack.append(BRACKET_PAIRS[ch])
    return -1


def _sentence_end(text: str, i: int) -> int:
    """Return where the sentence whose full stop is ``text[i]`` ends.

    Further stops and closing quotes go with it (``…呢？”``), and so does an annotation in
    brackets right after it: ``…规范使用。（财政部牵头，…负责）`` is one clause.
    """
    n = len(text)
    end = i + 1
    while end < n and (text[end] in _STOPS or text[end] in _CLOSERS):
        end += 1
    k = end
    while k < n and text[k].isspace():
        k += 1
    if k < n and text[k] in "（(":
        close = _close_group(text, k)
        if close > 0:
            end = close
            if end < n and text[end] in _STOPS:
                end += 1
    return end


def split_clauses(text: str) -> list[tuple[int, int]]:
    """Split a section's own text into clauses.

    Args:
        text: The section's own text (heading excluded, line breaks already removed).

    Returns:
        ``(start, end)`` offsets into ``text``, in order; each clause is stripped of
        surrounding spaces and empty clauses are dropped.

    Example:
        >>> t = "科协要发挥作用。有关群团组织要开展科普宣传（含“三下乡”。）。"
        >>> [t[s:e] for s, e in split_clauses(t)]
        ['科协要发挥作用。', '有关群团组织要开展科普宣传（含“三下乡”。）。']
    """
    cuts: list[int] = []
    n = len(text)
    search = _EVENT.search  # looked up once per section, not once per event
    i = 0
    while (event := search(text, i)) is not None:
        i = event.start()
        ch = text[i]
        if ch in _STOPS:
            if i + 1 == n:  # the text's last character (各区要加强宣传。): nothing can follow
                cuts.append(n)
                break
            i = _sentence_end(text, i)
            cuts.append(i)
        elif ch in BRACKET_PAIRS:
            # A quote closed by the same character (ASCII '"') is not in BRACKET_PAIRS; curly
            # quotes and brackets nest, and nothing inside them splits.
            close = _close_group(text, i)
            # A stray opener (a lost closing quote) must not swallow the rest of the section.
            i = close if close > 0 else i + 1
        else:  # a semicolon
            if starts_with_subject(text[i + 1 :]):
                cuts.append(i + 1)
            i += 1
    cuts.append(n)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans
