"""Brackets, quotes, titles and document numbers hold no bodies: found, classified, masked.

``开展“科技之春”活动（市科协牵头）`` keeps the annotation ``（市科协牵头）`` for ``annotations`` and
masks it and the quote with ``□`` for the readers of running text; a bracket inside a name
(``区县（自治县）人民政府``) stays, and ``国发〔2018〕41号`` is masked.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from policy_parser.bodies.annotations import _LABEL_WORD
from policy_parser.bodies.names import _HAN
from policy_parser.wordlists import one_of, words

#: The brackets and quotes that group text, opening → closing (clauses.py splits by them too).
BRACKET_PAIRS = {
    "（": "）",
    "(": ")",
    "“": "”",
    "‘": "’",
    "《": "》",
    "【": "】",
    "〔": "〕",
    "[": "]",
}

_MASK = "□"

#: Any of them, opening or closing (a plain class: the stdlib engine scans for it faster).
BRACKET = re.compile(
    "[" + re.escape("".join(BRACKET_PAIRS) + "".join(BRACKET_PAIRS.values())) + "]"
)

# A keyword marks a bracket as a responsibility annotation: （财政部牵头，…负责）.
# The tests of a bracket's text use the stdlib engine: on such short strings its call costs
# less than the regex module's (none of them needs a feature of the regex module).
_ANNOTATION_KEY = re.compile(
    one_of([*words("role_verbs", "annotation"), *words("role_labels", "bracket_key")])
)

# A bracket inside a name: 区县（自治县）, 乡镇（街道）, 县（市、区）, 市交通委（市道运局）.
_NAME_BRACKET = re.compile(rf"[{_HAN}、]{{1,8}}")

# Patterns used per clause are compiled here: regex.match(str, …) pays a cache lookup that
# cost more than the match itself (a fifth of parse time on many short sections).
_HAN_CHAR = regex.compile(rf"[{_HAN}]")

_DEFINED_AS = re.compile("简称|下称|以下|含")

_DOC_NUMBER = regex.compile(rf"[{_HAN}]{{1,12}}〔\d{{4}}〕\d+号")


class _Group(NamedTuple):
    start: int  # the opening bracket
    end: int  # after the closing bracket
    kind: str  # 'annotation', 'name' or 'masked'


def _groups(text: str) -> list[_Group]:
    """Find the top-level bracket, quote and title groups of a clause and classify them."""
    groups: list[_Group] = []
    stack: list[tuple[str, int]] = []
    for bracket in BRACKET.finditer(text):  # only the brackets, not every character
        i = bracket.start()
        ch = bracket.group()
        if stack and ch == BRACKET_PAIRS[stack[-1][0]]:
            opener, start = stack.pop()
            if stack:
                continue
            inner = text[start + 1 : i]
            if opener in "（(" and _ANNOTATION_KEY.search(inner):
                kind = "annotation"
            elif opener == "【" and _LABEL_WORD.fullmatch(inner):
                kind = "label"  # 【责任单位】市商务委: read as 责任单位：
            elif (
                opener in "（(〔"
                and _NAME_BRACKET.fullmatch(inner)
                and start > 0
                and _HAN_CHAR.match(text[start - 1])
                and not _DEFINED_AS.search(inner)
            ):
                kind = "name"
            else:
                kind = "masked"
            groups.append(_Group(start, i + 1, kind))
        elif ch in BRACKET_PAIRS:
            stack.append((ch, i))
    return groups


def _masked(text: str, groups: list[_Group]) -> str:
    """Return ``text`` with its annotations, quotes, titles and document numbers masked.

    ``开展“三下乡”活动`` → ``开展□□□□□活动``: a masked stretch names no body.
    """
    if not groups and "〔" not in text:
        return text  # most clauses: no bracket at all
    spans = [(g.start, g.end) for g in groups if g.kind in ("annotation", "masked")]
    if "〔" in text:
        spans += [m.span() for m in _DOC_NUMBER.finditer(text)]
    if not spans:
        return text
    # Joined from slices, not written into a list of every character: cheaper on long clauses.
    # A document number may overlap a group; the mask covers their union.
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if end > pos:
            start = max(start, pos)
            parts += (text[pos:start], _MASK * (end - start))
            pos = end
    parts.append(text[pos:])
    return "".join(parts)
