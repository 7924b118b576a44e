"""The marker styles as the lexer sees them: terminal → kind, canonical depth, style families.

``grammars/markers.lark`` names one terminal per style; this module maps each terminal to its
:class:`~policy_parser.models.MarkerKind` and says how deep a style sits by default
(GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）, then the rest). The sets group the styles
the numbering rules treat alike.
"""

from __future__ import annotations

from policy_parser.models import MarkerKind

__all__ = ["KIND_OF_TERMINAL", "RANK", "rank"]

# Terminal name → kind (the order lark tries them at one position is their priority in
# markers.lark; this order is the same).
KIND_OF_TERMINAL: dict[str, MarkerKind] = {
    "PART": MarkerKind.PART,
    "CHAPTER": MarkerKind.CHAPTER,
    "SECTION": MarkerKind.SECTION,
    "ARTICLE": MarkerKind.ARTICLE,
    "CN_PAREN": MarkerKind.CN_PAREN,
    "ARABIC_PAREN": MarkerKind.ARABIC_PAREN,
    "CN_COMMA": MarkerKind.CN_COMMA,
    "DECIMAL": MarkerKind.DECIMAL,
    "ARABIC_DOT": MarkerKind.ARABIC_DOT,
    "ARABIC_HALF_PAREN": MarkerKind.ARABIC_HALF_PAREN,
    "CIRCLED": MarkerKind.CIRCLED,
    "LATIN": MarkerKind.LATIN,
    "TABLE_ROW": MarkerKind.TABLE_ROW,
}
# Canonical depth (GB/T 9704-2012 7.3.3 for 一、 → （一） → 1. → （1）, then the rest).
RANK: dict[MarkerKind, float] = {
    MarkerKind.PART: 0,
    MarkerKind.CHAPTER: 1,
    MarkerKind.SECTION: 2,
    MarkerKind.ARTICLE: 3,
    MarkerKind.DECIMAL: 4,
    MarkerKind.CN_COMMA: 4,
    MarkerKind.CN_PAREN: 5,
    MarkerKind.ARABIC_DOT: 6,
    MarkerKind.ARABIC_PAREN: 7,
    MarkerKind.ARABIC_HALF_PAREN: 8,
    MarkerKind.CIRCLED: 9,
    MarkerKind.LATIN: 10,
    MarkerKind.TABLE_ROW: 6,
    MarkerKind.APPENDIX: 0,
}
# Styles only a line start holds (1.1　 inside a sentence is a number, a. a letter).
LINE_ONLY = frozenset((MarkerKind.DECIMAL, MarkerKind.LATIN))
ARABIC = frozenset(
    (
        MarkerKind.ARABIC_DOT,
        MarkerKind.ARABIC_PAREN,
        MarkerKind.ARABIC_HALF_PAREN,
        MarkerKind.DECIMAL,
        MarkerKind.TABLE_ROW,
    )
)
STATUTE = frozenset((MarkerKind.PART, MarkerKind.CHAPTER, MarkerKind.SECTION, MarkerKind.ARTICLE))
# Run-together text may glue these to the word before (…精准性（一）研究…, …总则第一条为了…).
MAY_GLUE = frozenset((MarkerKind.TABLE_ROW, MarkerKind.CN_PAREN, *STATUTE))
PARENS = frozenset((MarkerKind.CN_PAREN, MarkerKind.ARABIC_PAREN))
# Styles whose ignored line-start candidates are worth an ``ignored-marker`` note.
STRONG = frozenset((MarkerKind.CN_COMMA, MarkerKind.CN_PAREN, *STATUTE))
# A list that goes on may glue its next number to the item before: …管理局2.辽河… …局二、划入…
GLUE_NEXT = frozenset((MarkerKind.ARABIC_DOT, MarkerKind.CN_COMMA))
# The GB/T 9704 four, among which a skipped level is worth a warning.
GBT = frozenset(
    (MarkerKind.CN_COMMA, MarkerKind.CN_PAREN, MarkerKind.ARABIC_DOT, MarkerKind.ARABIC_PAREN)
)
# Styles that open a level by document order, under whatever list is open when they first
# appear (1.甲 ⏎ （一）子 nests （一） under 1.); the heading styles (一、, 第X章 …) and decimal
# outlines take their canonical rank instead (1.甲 ⏎ 一、乙: 一、 is above).
BY_ORDER = frozenset(
    (
        MarkerKind.CN_PAREN,
        MarkerKind.ARABIC_DOT,
        MarkerKind.ARABIC_PAREN,
        MarkerKind.ARABIC_HALF_PAREN,
        MarkerKind.CIRCLED,
        MarkerKind.LATIN,
    )
)
# Styles whose line-start items an excerpt may pick, numbers kept (5. → 12.).
PICKED = frozenset((MarkerKind.ARABIC_DOT, MarkerKind.CN_PAREN, MarkerKind.ARABIC_PAREN))
# A style's level key is its value (decimals aside); a dict spares the enum's value property.
KEY_OF_KIND = {kind: kind.value for kind in MarkerKind}


def rank(kind: MarkerKind, key: str) -> float:
    """Canonical depth of a style; outline depth counts for decimals (1 > 1.1 > 1.1.1).

    >>> rank(MarkerKind.DECIMAL, "decimal2") > rank(MarkerKind.DECIMAL, "decimal1")
    True
    """
    return RANK[kind] + (int(key[7:]) / 10 if kind is MarkerKind.DECIMAL else 0)
