"""One document as an ``act``, ``bill`` or ``doc`` element, its attachments nested inside.

The parts follow the schema's order: ``meta``; ``preface`` (标题 in ``docTitle``, 发文字号 in
``docNumber``, 发文机关 in ``docAuthority``, 成文日期 in ``docDate``, 主送机关); ``preamble``
(the opening paragraphs); ``body`` (``mainBody`` in a ``doc``); ``conclusions`` (the closing
paragraphs); ``attachments``, each ``attachment`` holding a whole document of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from policy_parser.akn.body import paragraphs, sections
from policy_parser.akn.ids import EIds
from policy_parser.akn.kinds import akn_kind
from policy_parser.akn.meta import Frbr, Organizations, frbr_of, meta
from policy_parser.akn.xml import element, serialize, sub
from policy_parser.views import Document

__all__ = ["akoma_ntoso", "document"]


def _line(preface: Any, name: str) -> Any:
    # An empty text, not None: the pretty-printer then leaves the line's content alone instead
    # of indenting it with whitespace that would become part of the title.
    p = sub(preface, "p", class_=name)
    p.text = ""
    return p


def _preface(root: Any, doc: Document, orgs: Organizations) -> None:
    preface = element("preface")
    if doc.title:
        sub(_line(preface, "title"), "docTitle", doc.title)
    if doc.doc_number:
        sub(_line(preface, "number"), "docNumber", doc.doc_number)
    if doc.issuers:
        p = _line(preface, "issuers")
        for index, issuer in enumerate(doc.issuers):
            authority = sub(p, "docAuthority", issuer, refersTo=f"#{orgs.ref(issuer)}")
            if index + 1 < len(doc.issuers):
                authority.tail = "　"  # 国家发展改革委　国家能源局, as a title joins them
    if doc.date:
        shown = f"{doc.date.year}年{doc.date.month}月{doc.date.day}日"
        sub(_line(preface, "date"), "docDate", shown, date=doc.date.isoformat())
    if doc.addressees:
        sub(preface, "p", "、".join(doc.addressees) + "：", class_="addressees")
    if len(preface):
        root.append(preface)


def _main(root: Any, doc: Document, tag: str, prefix: str, ids: EIds, orgs: Organizations) -> None:
    main = sub(root, "body" if tag != "doc" else "mainBody")
    sections(main, doc.sections, prefix, ids, orgs)
    if len(main):
        return
    # Both containers need a child: a document without numbered sections (a short notice
    # whose text is all preamble) gets an empty, named one rather than an invalid file.
    if tag == "doc":
        sub(main, "p")
    else:
        empty = sub(
            main,
            "hcontainer",
            name="empty",
            eId=ids.take(f"{prefix}__empty" if prefix else "empty"),
        )
        sub(sub(empty, "content"), "p")


def _attachments(
    root: Any, doc: Document, parent: Frbr, prefix: str, ids: EIds, issuers: Sequence[str]
) -> None:
    # An attachment that names no issuer of its own is issued by those of the document it is
    # attached to: the 办法 a 通知 issues is the notice's organs' work.
    if not doc.attachments:
        return
    holder = sub(root, "attachments")
    for number, attachment in enumerate(doc.attachments, start=1):
        eid = ids.take(f"{prefix}__att_{number}" if prefix else f"att_{number}")
        wrapper = sub(holder, "attachment", eId=eid)
        component = f"{parent.component}/att_{number}" if prefix else f"!att_{number}"
        frbr = Frbr(*parent[:2], component, attachment.date or parent.date)
        wrapper.append(document(attachment, ids, eid, frbr, issuers))


def document(
    doc: Document,
    ids: EIds,
    prefix: str = "",
    parent: Frbr | None = None,
    issuers: Sequence[str] = (),
) -> Any:
    """Return ``doc`` as its Akoma Ntoso element, attachments included.

    Args:
        doc: the document (or an attachment of one).
        ids: the ``eId`` values handed out so far in the file.
        prefix: ``""`` for the main document, the attachment's ``eId`` (``att_1``) otherwise.
        parent: the main document's URIs, which an attachment shares (it is a component of
            that work, told apart by ``FRBRthis``: ``…/!att_1``).
        issuers: the authors of an attachment that names none: its parent's issuers.
    """
    kind = akn_kind(doc.title)
    root = element(kind.element, name=kind.name)
    orgs = Organizations(f"{prefix}__" if prefix else "")
    issuers = doc.issuers or issuers
    authors = [orgs.ref(issuer) for issuer in issuers]
    frbr = frbr_of(doc, kind.element, kind.name) if parent is None else parent
    _preface(root, doc, orgs)
    if doc.preamble:
        paragraphs(sub(root, "preamble"), doc.preamble, orgs)
    _main(root, doc, kind.element, prefix, ids, orgs)
    if doc.closing:
        paragraphs(sub(root, "conclusions"), doc.closing, orgs)
    _attachments(root, doc, frbr, prefix, ids, issuers)
    root.insert(0, meta(doc, frbr, orgs, authors, kind.name))
    return root


def akoma_ntoso(doc: Document) -> str:
    """Return the XML text of ``doc``: an ``akomaNtoso`` root holding its document element."""
    root = element("akomaNtoso")
    root.append(document(doc, EIds()))
    return serialize(root)
