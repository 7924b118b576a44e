"""The vocabularies of the models: marker kinds, roles and how a marker is written in a path."""

from __future__ import annotations

from enum import StrEnum

import regex

from policy_parser.wordlists import entries

__all__ = ["MarkerKind", "Role", "path_key"]


class MarkerKind(StrEnum):
    """The enumeration styles a section marker can have."""

    PART = "part"  # 第一编
    CHAPTER = "chapter"  # 第一章
    SECTION = "section"  # 第一节
    ARTICLE = "article"  # 第一条
    CN_COMMA = "cn_comma"  # 一、
    CN_PAREN = "cn_paren"  # （一） or (一)
    ARABIC_DOT = "arabic_dot"  # 1. 1． 1、
    ARABIC_PAREN = "arabic_paren"  # （1） or (1)
    ARABIC_HALF_PAREN = "arabic_half_paren"  # 1）
    CIRCLED = "circled"  # ①
    LATIN = "latin"  # a. a）
    DECIMAL = "decimal"  # 1 / 1.1 / 1.2.1 outlines
    TABLE_ROW = "table_row"  # 1企业投资项目承诺制改革　　… (a flattened table's row number)
    APPENDIX = "appendix"  # 附件1 / 附录一 inside a document


class Role(StrEnum):
    """What a clause asks of a body (see ``docs/bodies.md``)."""

    RESPONSIBLE = "responsible"
    LEAD = "lead"
    COOPERATE = "cooperate"
    ENCOURAGED = "encouraged"

    @classmethod
    def _missing_(cls, value: object) -> Role | None:
        """Accept the Chinese role words of ``data/role_aliases.txt``: ``Role("牵头")`` is lead.

        Also any case of the English values (``"Lead"``). Unknown values still raise
        ``ValueError``, listing what is accepted.
        """
        if not isinstance(value, str):
            return None
        word = value.strip()
        for alias, tags in entries("role_aliases"):
            if alias == word:
                return cls(next(iter(tags)))
        lowered = word.lower()
        return next((role for role in cls if role.value == lowered), None)

    @classmethod
    def of(cls, value: Role | str) -> Role:
        """Return the role ``value`` names: a Role, its value, or a Chinese alias (``牵头``).

        Raises:
            ValueError: ``value`` names no role; the message lists the accepted words.
        """
        try:
            return cls(value)
        except ValueError:
            words = ", ".join(w for w, _ in entries("role_aliases"))
            values = ", ".join(r.value for r in cls)
            raise ValueError(
                f"unknown role {value!r}: expected one of {values} or {words}"
            ) from None


_PATH_STRIP = regex.compile(r"\s+")
_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）"})


def path_key(marker: str) -> str:
    """Return a marker as a path writes it: '一、' → '一', '(1)' → '（1）', '1．' → '1'."""
    # Asked once per section: most markers (一、 （一） 1．) hold no space and no half-width
    # bracket, and two tests in C skip the regex and the translate (slow on CJK text). Of
    # the characters \s matches, " " is the only printable one.
    if not marker.isprintable() or " " in marker:
        marker = _PATH_STRIP.sub("", marker)
    if "(" in marker or ")" in marker:
        marker = marker.translate(_HALF_TO_FULL)
    return marker.rstrip("、.．")
