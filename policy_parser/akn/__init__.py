"""Akoma Ntoso 3.0 (OASIS LegalDocML) export of a parsed document: :func:`to_akn`.

Akoma Ntoso is the XML standard for legal and parliamentary documents; tools that read it
(editors, legislation portals, comparison tools) can take a parsed 条例 or 实施方案 as is.
See ``docs/formats.md`` for the mapping. The XML is built with lxml, an optional dependency
(``pip install "policy-parser[akn]"``), loaded on the first call only.

Like :mod:`policy_parser.export`, this package reads documents through the protocols of
:mod:`policy_parser.views` and imports nothing of ``models``, so that ``Document.to_akn()``
can call it without an import cycle.
"""

from __future__ import annotations

from policy_parser.views import Document

__all__ = ["to_akn"]

_MISSING = (
    'the Akoma Ntoso export needs lxml, which is not installed: pip install "policy-parser[akn]"'
)


def to_akn(doc: Document) -> str:
    r"""Return ``doc`` as an Akoma Ntoso 3.0 XML document (a ``str``, UTF-8 declared).

    A 条例/办法/规定 becomes an ``act``, a 草案/征求意见稿 a ``bill``, anything else (通知,
    意见, 方案 …) a ``doc`` named after its kind; attachments are nested documents.

    >>> import policy_parser as pp  # doctest: +SKIP
    >>> pp.parse("甲市乙条例\n第一条 为了规范乙工作，制定本条例。").to_akn()  # doctest: +SKIP
    '<?xml version=\'1.0\' encoding=\'utf-8\'?>\n<akomaNtoso …><act name="regulation">…'

    Raises:
        ImportError: lxml is not installed; the message says how to install it.
    """
    try:
        import lxml.etree  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError as exc:
        raise ImportError(_MISSING) from exc
    from policy_parser.akn.document import akoma_ntoso  # needs lxml: loaded on first use

    return akoma_ntoso(doc)
