"""Element names and ``eId`` identifiers of the sections, built from their paths.

A section path is its markers from the top, ``四/（十八）``; the Akoma Ntoso naming convention
writes the same thing as ``para_4__point_18``: one ``prefix_number`` per level, joined by two
underscores, the prefix an ASCII abbreviation of the element. The numbers are those the markers
count (``（十八）`` → 18), so an ``eId`` is stable across parses and uses only ASCII whatever
numerals the document writes.
"""

from __future__ import annotations

from typing import NamedTuple

from policy_parser.views import Section

__all__ = ["EIds", "Element", "element_of"]


class Element(NamedTuple):
    """The element a section becomes, its ``name`` (``hcontainer`` only) and ``eId`` prefix."""

    tag: str
    name: str | None
    prefix: str


# The legal divisions have elements of their own; the enumerations of a policy text (一、 is the
# main division of a plan, （一） 1. （1） ① a. the items inside it) are paragraphs and points;
# the styles Akoma Ntoso has no word for (1.2.1 outlines, a flattened table's row number, a 附件
# heading inside the text) are named hcontainers, so that nothing is forced into a wrong element.
_ELEMENTS = {
    "part": Element("part", None, "part"),
    "chapter": Element("chapter", None, "chp"),
    "section": Element("section", None, "sec"),
    "article": Element("article", None, "art"),
    "cn_comma": Element("paragraph", None, "para"),
    "cn_paren": Element("point", None, "point"),
    "arabic_dot": Element("point", None, "point"),
    "arabic_paren": Element("point", None, "point"),
    "arabic_half_paren": Element("point", None, "point"),
    "circled": Element("point", None, "point"),
    "latin": Element("point", None, "point"),
}


def element_of(section: Section) -> Element:
    """Return the element for a section's marker kind: 第三条 → ``article``, （一） → ``point``.

    >>> element_of(type("S", (), {"kind": type("K", (), {"value": "decimal"})})())
    Element(tag='hcontainer', name='decimal', prefix='decimal')
    """
    kind = section.kind.value
    return _ELEMENTS.get(kind) or Element("hcontainer", kind, kind)


class EIds:
    """Hands out ``eId`` values, each once per document (the schema requires them unique).

    The same path can occur twice when a document numbers a list again (two （一） under one
    heading); the second gets a suffix: ``para_1__point_1`` then ``para_1__point_1_2``.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, wanted: str) -> str:
        """Return ``wanted``, or ``wanted_2``, ``wanted_3`` … if it was handed out already."""
        eid, count = wanted, 1
        while eid in self._used:
            count += 1
            eid = f"{wanted}_{count}"
        self._used.add(eid)
        return eid

    def of(self, section: Section, parent: str) -> str:
        """Return the ``eId`` of ``section`` under the element whose ``eId`` is ``parent``.

        >>> ids = EIds()
        >>> s = type("S", (), {"kind": type("K", (), {"value": "article"}), "number": 3})()
        >>> ids.of(s, "chp_1")
        'chp_1__art_3'
        """
        own = f"{element_of(section).prefix}_{section.number}"
        return self.take(f"{parent}__{own}" if parent else own)
