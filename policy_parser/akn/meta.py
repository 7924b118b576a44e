"""The ``meta`` block: FRBR identification and the ``references`` to the bodies named.

Akoma Ntoso identifies a document on three FRBR levels, each with a URI: the work (the 条例 as
enacted), its expression (the Chinese text of a given date), the manifestation (this XML file).
``references`` lists every organ the document names once, as a ``TLCOrganization`` with an
ASCII ``eId`` (``org_3``) and the Chinese name in ``showAs``; the text points at it with
``refersTo="#org_3"``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any, NamedTuple

import regex

from policy_parser.akn.xml import element, sub
from policy_parser.views import Document

__all__ = ["SOURCE", "UNKNOWN_DATE", "Frbr", "Organizations", "frbr_of", "meta"]

#: The ``eId`` of the agent that made the XML (policy_parser), which ``source`` attributes name.
SOURCE = "policy_parser"
#: FRBRdate requires a date; a document that states none gets this one, named ``unknown``.
UNKNOWN_DATE = _dt.date(1, 1, 1)
_DIGITS = regex.compile(r"\d+")


class Organizations:
    """The organs of one document in the order first named, each with its ``org_N`` eId."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix  # 'att_1__' in an attachment, '' in the main document
        self._ids: dict[str, str] = {}

    def ref(self, name: str) -> str:
        """Return the ``eId`` of ``name``, adding it if new: 甲局 → ``org_1``."""
        if name not in self._ids:
            self._ids[name] = f"{self.prefix}org_{len(self._ids) + 1}"
        return self._ids[name]

    def items(self) -> list[tuple[str, str]]:
        """Return ``(name, eId)`` pairs in the order first named."""
        return list(self._ids.items())


class Frbr(NamedTuple):
    """The URIs of a document on the FRBR levels, and the date they carry."""

    work: str
    expression: str
    component: str  # '!main' for the document, '!att_1' for its first attachment
    date: _dt.date


def frbr_of(doc: Document, element: str, name: str) -> Frbr:
    """Return the URIs of ``doc``: ``/akn/cn/act/regulation/2019-01-12/2019-3-5f1e2a``.

    The last part, the work's number, is made of the digits of the 文号 (``国发〔2019〕3号`` →
    ``2019-3``) and a short hash of the 文号 or title, so that two documents numbered alike by
    different organs (国发〔2019〕3号, 国办发〔2019〕3号) keep different URIs, in ASCII.
    """
    date = doc.date or UNKNOWN_DATE
    key = doc.doc_number or doc.title or ""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    number = "-".join([*_DIGITS.findall(doc.doc_number or ""), digest])
    work = f"/akn/cn/{element}/{name}/{date.isoformat()}/{number}"
    language = f"zho@{doc.date.isoformat()}" if doc.date else "zho@"
    return Frbr(work, f"{work}/{language}", "!main", date)


def _core(level: Any, this: str, uri: str, date: _dt.date, authors: list[str]) -> None:
    sub(level, "FRBRthis", value=this)
    sub(level, "FRBRuri", value=uri)
    named = "unknown" if date == UNKNOWN_DATE else "issued"
    sub(level, "FRBRdate", date=date.isoformat(), name=named)
    for author in authors:
        sub(level, "FRBRauthor", href=f"#{author}")


def _identification(
    meta_el: Any, doc: Document, frbr: Frbr, authors: list[str], subtype: str, source: str
) -> None:
    ident = sub(meta_el, "identification", source=f"#{source}")
    work = sub(ident, "FRBRWork")
    _core(work, f"{frbr.work}/{frbr.component}", frbr.work, frbr.date, authors)
    sub(work, "FRBRcountry", value="cn")
    sub(work, "FRBRsubtype", value=subtype)
    if doc.doc_number:
        sub(work, "FRBRnumber", value=doc.doc_number)
    if doc.title:
        sub(work, "FRBRname", value=doc.title)
    expression = sub(ident, "FRBRExpression")
    _core(expression, f"{frbr.expression}/{frbr.component}", frbr.expression, frbr.date, authors)
    sub(expression, "FRBRlanguage", language="zho")
    manifestation = sub(ident, "FRBRManifestation")
    this = f"{frbr.expression}/{frbr.component}.xml"
    _core(manifestation, this, f"{frbr.expression}.akn", frbr.date, [source])


def meta(doc: Document, frbr: Frbr, orgs: Organizations, authors: list[str], subtype: str) -> Any:
    """Return the ``meta`` block of ``doc``, listing the organs gathered in ``orgs``.

    ``authors`` are the ``eId`` of the issuers (FRBRauthor); a document that names no issuer is
    authored by :data:`SOURCE` (policy_parser), which is also the ``source`` of every statement
    made here. In an attachment every ``eId`` carries the attachment's prefix (``att_1__org_1``):
    the schema wants them unique over the whole file, attachments included.
    """
    source = f"{orgs.prefix}{SOURCE}"
    meta_el = element("meta")
    _identification(meta_el, doc, frbr, authors or [source], subtype, source)
    references = sub(meta_el, "references", source=f"#{source}")
    href = "/akn/ontology/organization"
    sub(references, "TLCOrganization", eId=source, href=f"{href}/{SOURCE}", showAs=SOURCE)
    for name, eid in orgs.items():
        sub(references, "TLCOrganization", eId=eid, href=f"{href}/cn/{eid}", showAs=name)
    return meta_el
