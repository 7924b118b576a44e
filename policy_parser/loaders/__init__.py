"""Loaders: turn a file on disk into the text the parser reads.

``load_text(path)`` picks a loader by the file's suffix:

============  =================  ===========================================================
suffix        loader             extra needed
============  =================  ===========================================================
.txt .text    :mod:`.text`       none (UTF-8, UTF-8/16/32 with BOM, GB18030/GBK detected)
.pdf          :mod:`.pdf`        ``pip install "policy-parser[pdf]"`` (pdfplumber)
.docx         :mod:`.docx`       ``pip install "policy-parser[docx]"`` (python-docx)
.html .htm    :mod:`.html`       ``pip install "policy-parser[html]"`` (selectolax)
============  =================  ===========================================================

Every loader returns a :class:`LoadedText`; the parser's spans index ``LoadedText.text``, and
``LoadedText.pages`` maps those offsets back to PDF pages.

Before any decoding the first bytes are checked (:mod:`.sniff`): a PDF or a .docx is read by its
own loader whatever its name says (``LoadedText.notes`` says so), and an old ``.doc``/``.xls``
or an ``.xlsx``/``.odt`` raises :class:`LoadError` saying what to convert it to, instead of
decoding into nonsense.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from policy_parser.loaders.sniff import sniff
from policy_parser.loaders.text import DecodeFailure, decode_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "LoadError",
    "LoadNote",
    "LoadedText",
    "MissingExtraError",
    "load_bytes",
    "load_text",
]

#: Suffix → loader kind.
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}


@dataclass(frozen=True)
class LoadNote:
    """One thing a loader found or did, for a warning diagnostic.

    Attributes:
        code: The diagnostic code: ``content-kind`` or ``mojibake-repaired``.
        message: A sentence for people.
        severity: ``warning``, or ``info`` for what is only worth knowing (a file without a
            suffix recognised as a PDF).
    """

    code: str
    message: str
    severity: str = "warning"


@dataclass(frozen=True)
class LoadedText:
    """The text a loader extracted from a file.

    Attributes:
        text: The extracted text; the parser's spans index this string.
        kind: ``text``, ``pdf``, ``docx`` or ``html``.
        encoding: The encoding detected for ``text`` and ``html`` files, else None.
        path: The file read, or None for stdin / bytes.
        pages: For PDFs, the offset in ``text`` where each page starts (``pages[0] == 0``);
            empty for other kinds.
        title: A title the container declares outside the text (HTML ``<title>`` / ``h1``,
            docx core properties), or None. Informational: the parser reads the title from
            ``text``.
        notes: What the loader found and did that the user should hear of: a file whose
            bytes are another kind than its name says (``content-kind``), mojibake repaired
            (``mojibake-repaired``). :func:`policy_parser.parse_file` turns each into a
            warning diagnostic.
    """

    text: str
    kind: str
    encoding: str | None = None
    path: Path | None = None
    pages: tuple[int, ...] = field(default_factory=tuple)
    title: str | None = None
    notes: tuple[LoadNote, ...] = field(default_factory=tuple)

    def page_of(self, offset: int) -> int | None:
        """Return the 1-based PDF page holding character ``offset``, or None if not a PDF."""
        if not self.pages:
            return None
        page = 0
        for number, start in enumerate(self.pages):
            if start <= offset:
                page = number
        return page + 1


class LoadError(ValueError):
    """A file could not be read as a policy text; the message names the file.

    Attributes:
        path: The file.
        reason: What went wrong, without the file name.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class MissingExtraError(ImportError):
    """A loader needs an optional dependency that is not installed.

    The message says which extra to install, e.g. ``pip install "policy-parser[pdf]"``.
    """

    def __init__(self, extra: str, package: str, suffix: str) -> None:
        self.extra = extra
        self.package = package
        super().__init__(
            f'reading {suffix} files needs {package}: pip install "policy-parser[{extra}]"'
        )


def require(module: str, extra: str, package: str, suffix: str) -> ModuleType:
    """Import an optional dependency or raise :class:`MissingExtraError` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(extra, package, suffix) from exc


def load_bytes(data: bytes, kind: str = "text", *, name: str = "<bytes>") -> LoadedText:
    """Extract the text from a file's content already in memory (e.g. stdin).

    The first bytes are checked before anything is decoded (:func:`.sniff.sniff`): PDF or
    .docx bytes are read by their own loader whatever ``kind`` says, with a note in
    ``LoadedText.notes``; bytes of a kind no loader reads (.doc, .xlsx, .odt) raise.

    Args:
        data: The file's bytes.
        kind: ``text``, ``pdf``, ``docx``, ``html``, or ``auto`` (by the first bytes alone,
            HTML source included: for standard input, which has no name).
        name: A name for messages.

    Raises:
        LoadError: The content cannot be read as that kind, or is a kind no loader reads.
        MissingExtraError: The loader for ``kind`` needs an extra that is not installed.
    """
    if kind not in ("text", "pdf", "docx", "html", "auto"):
        raise ValueError(f"unknown loader kind {kind!r}; expected one of text, pdf, docx, html")
    found = sniff(data, html=kind == "auto")
    notes: tuple[LoadNote, ...] = ()
    if found is not None and found.kind is None:
        raise LoadError(name, f"is {found.what}, which no loader reads: {found.advice}")
    if found is not None and found.kind is not None and found.kind != kind:
        if kind != "auto":
            said = f"the content is {found.what}, not {kind}: read it as {found.kind}"
            notes = (LoadNote("content-kind", said),)
        kind = found.kind
    elif kind == "auto":
        kind = "text"
    loaded = _load_kind(data, kind, name)
    if notes:
        loaded = dataclasses.replace(loaded, notes=notes + loaded.notes)
    return loaded


def _load_kind(data: bytes, kind: str, name: str) -> LoadedText:
    try:
        if kind == "pdf":
            from policy_parser.loaders.pdf import load_pdf

            return load_pdf(data)
        if kind == "docx":
            from policy_parser.loaders.docx import load_docx

            return load_docx(data)
        if kind == "html":
            from policy_parser.loaders.html import load_html

            return load_html(data)
        text, encoding, repairs = decode_text(data)
        notes = tuple(LoadNote("mojibake-repaired", r.message) for r in repairs)
        return LoadedText(text=text, kind="text", encoding=encoding, notes=notes)
    except DecodeFailure as exc:
        raise LoadError(name, str(exc)) from None
    except (MissingExtraError, LoadError):
        raise
    except Exception as exc:  # a broken PDF/zip/HTML: libraries raise many types
        raise LoadError(name, f"cannot read as {kind}: {type(exc).__name__}: {exc}") from exc


def load_text(path: str | Path) -> LoadedText:
    """Read a policy document from a file and return its text.

    The loader is chosen by suffix (``.txt``, ``.pdf``, ``.docx``, ``.html``/``.htm``); files
    with another suffix or none are recognised by their first bytes (PDF, .docx, HTML), else
    read as text. PDF or .docx bytes under a wrong suffix are read by their own loader, with a
    note in ``LoadedText.notes``.

    Args:
        path: The file.

    Returns:
        The extracted text, with the kind, encoding and page offsets.

    Raises:
        LoadError: The file is missing, unreadable, undecodable or broken (a ``ValueError``).
        MissingExtraError: The loader needs an extra that is not installed (an ``ImportError``).

    Example:
        >>> from policy_parser.loaders import load_text
        >>> load_text("tests/data/loaders/zbq.gb18030.txt").encoding
        'gb18030'
    """
    path = Path(path)
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "auto")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, exc.strerror or str(exc)) from exc
    loaded = load_bytes(data, kind, name=str(path))
    if kind == "auto" and loaded.kind != "text":  # no suffix said what it is: say what it was
        said = f"the name has no suffix a loader knows; the content was read as {loaded.kind}"
        loaded = dataclasses.replace(loaded, notes=(LoadNote("content-kind", said, "info"),))
    return dataclasses.replace(loaded, path=path)
