"""The few lxml calls the builders share: elements in the Akoma Ntoso namespace, clean text.

lxml is imported here and in no other place of the package but the builders, which
``policy_parser.akn.to_akn`` loads only when called: ``import policy_parser`` works without it.
"""

from __future__ import annotations

from typing import Any

import regex
from lxml import etree  # type: ignore[import-untyped, unused-ignore]  # stubs are optional

__all__ = ["NS", "clean", "element", "serialize", "sub"]

#: The Akoma Ntoso 3.0 namespace (OASIS LegalDocML).
NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# Characters XML 1.0 cannot hold: C0 controls but tab, newline, carriage return; lone
# surrogates (a str can hold them, UTF-8 cannot); U+FFFE and U+FFFF.
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    r"""Return ``text`` with the characters XML cannot hold replaced by U+FFFD, visibly.

    >>> clean("甲\x0c乙")
    '甲\ufffd乙'
    """
    return _NOT_XML.sub("\ufffd", text)


def _attrs(attrs: dict[str, str | None]) -> dict[str, str]:
    return {k.rstrip("_"): clean(v) for k, v in attrs.items() if v is not None}


def element(tag: str, **attrs: str | None) -> Any:
    """Return a new element ``tag`` of the Akoma Ntoso namespace; ``None`` attributes are left out.

    A trailing underscore lets Python keywords be attributes: ``class_="lead"`` → ``class``.
    """
    return etree.Element(f"{{{NS}}}{tag}", _attrs(attrs), nsmap={None: NS})


def sub(parent: Any, tag: str, text: str | None = None, **attrs: str | None) -> Any:
    """Append a child ``tag`` to ``parent``, with ``text`` if given, and return it."""
    child = etree.SubElement(parent, f"{{{NS}}}{tag}", _attrs(attrs))
    if text is not None:
        child.text = clean(text)
    return child


def serialize(root: Any) -> str:
    """Return ``root`` as indented XML text with its declaration."""
    data: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
    return data.decode("utf-8")
