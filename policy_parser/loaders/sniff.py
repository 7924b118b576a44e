r"""What a file's first bytes say it is, whatever its name says.

A file's suffix can lie or be missing: a PDF saved as ``通知`` with no extension, a Word file
sent as ``.txt``, an old ``.doc`` renamed ``.docx``. Read as text, such bytes decode into
nonsense (GB18030 maps almost any byte pair somewhere) and the parse silently finds nothing.
Containers announce themselves in their first bytes, so those are checked before any decoding:

========================  ==================================================================
first bytes               what it is
========================  ==================================================================
``%PDF``                  a PDF: read with the PDF loader
``PK\x03\x04``            a ZIP: ``word/document.xml`` inside is a .docx (the docx loader);
                          ``xl/`` is an Excel workbook, an OpenDocument ``mimetype`` an .odt
                          or .ods: no loader, the message says what to convert it to
``D0 CF 11 E0 A1 B1``     an OLE compound file: an old binary .doc/.xls/.ppt: convert it
``<html`` ``<!doctype``   HTML (only when the name gives no kind: a ``.txt`` of HTML source
                          stays text)
========================  ==================================================================
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

__all__ = ["Sniffed", "sniff"]

_PDF = b"%PDF"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_OPENINGS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What the first bytes of a file show.

    Attributes:
        kind: The loader that reads it (``pdf``, ``docx``, ``html``), or None when no loader
            does (then ``advice`` says what to do).
        what: What the bytes are, for messages: ``a PDF (the bytes start with %PDF)``.
        advice: For an unreadable container, what to convert it to; else empty.
    """

    kind: str | None
    what: str
    advice: str = ""


def _zip_kind(data: bytes) -> Sniffed:
    """Tell a .docx from the other ZIP-based office files by the names inside."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace").strip()
                if ("mimetype" in names)
                else ""
            )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return Sniffed("docx", "a ZIP archive (the bytes start with PK), read as .docx")
    if "word/document.xml" in names:
        return Sniffed("docx", "a Word .docx document (a ZIP holding word/document.xml)")
    if any(n.startswith("xl/") for n in names):
        return Sniffed(None, "an Excel .xlsx workbook", "save the sheet as .docx or .txt")
    if any(n.startswith("ppt/") for n in names):
        return Sniffed(None, "a PowerPoint .pptx file", "save it as .docx, .pdf or .txt")
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        kind = mimetype.rsplit(".", 1)[-1]
        return Sniffed(None, f"an OpenDocument file ({kind})", "convert it to .docx")
    return Sniffed(None, "a ZIP archive that is no Word document", "unpack it first")


def sniff(data: bytes, *, html: bool = True) -> Sniffed | None:
    """Return what ``data``'s first bytes show it is, or None for plain text.

    Args:
        data: The file's bytes.
        html: Also recognise HTML source (off when the file's name already gives a kind).

    Example:
        >>> sniff(b"%PDF-1.7 ...").kind
        'pdf'
        >>> sniff("一、总体要求".encode()) is None
        True
    """
    if data.startswith(_PDF):
        return Sniffed("pdf", "a PDF (the bytes start with %PDF)")
    if data.startswith(_ZIP):
        return _zip_kind(data)
    if data.startswith(_OLE):
        return Sniffed(
            None,
            "an old binary Office file (.doc/.xls, OLE bytes D0 CF 11 E0)",
            "convert it to .docx",
        )
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if html and head.startswith(_HTML_OPENINGS):
        return Sniffed("html", "HTML source")
    return None
