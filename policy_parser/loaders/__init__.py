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
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from policy_parser.loaders.text import DecodeFailure, decode_bytes

__all__ = [
    "SUPPORTED_SUFFIXES",
    "LoadError",
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
    """

    text: str
    kind: str
    encoding: str | None = None
    path: Path | None = None
    pages: tuple[int, ...] = field(default_factory=tuple)
    title: str | None = None

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

    Args:
        data: The file's bytes.
        kind: ``text``, ``pdf``, ``docx`` or ``html``.
        name: A name for messages.

    Raises:
        LoadError: The content cannot be read as that kind.
        MissingExtraError: The loader for ``kind`` needs an extra that is not installed.
    """
    try:
        if kind == "text":
            text, encoding = decode_bytes(data)
            return LoadedText(text=text, kind="text", encoding=encoding)
        if kind == "pdf":
            from policy_parser.loaders.pdf import load_pdf

            return load_pdf(data)
        if kind == "docx":
            from policy_parser.loaders.docx import load_docx

            return load_docx(data)
        if kind == "html":
            from policy_parser.loaders.html import load_html

            return load_html(data)
    except DecodeFailure as exc:
        raise LoadError(name, str(exc)) from None
    except (MissingExtraError, LoadError):
        raise
    except Exception as exc:  # a broken PDF/zip/HTML: libraries raise many types
        raise LoadError(name, f"cannot read as {kind}: {type(exc).__name__}: {exc}") from exc
    raise ValueError(f"unknown loader kind {kind!r}; expected one of text, pdf, docx, html")


def load_text(path: str | Path) -> LoadedText:
    """Read a policy document from a file and return its text.

    The loader is chosen by suffix (``.txt``, ``.pdf``, ``.docx``, ``.html``/``.htm``); files
    with another suffix are read as text.

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
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, exc.strerror or str(exc)) from exc
    return dataclasses.replace(load_bytes(data, kind, name=str(path)), path=path)
