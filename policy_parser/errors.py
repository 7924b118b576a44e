"""Errors and diagnostics.

A lenient parse never raises: what looks wrong becomes a :class:`Diagnostic` on the document.
A strict parse turns the first diagnostic of severity ``error`` into a
:class:`PolicyParseError` that carries the line, the column and a context snippet whose caret
sits under the right character even below Chinese text (wide characters take two columns).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from policy_parser._fastinit import fast_init

__all__ = ["Diagnostic", "PolicyParseError", "Severity", "Span", "line_col", "render_context"]


@fast_init
@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Document.source``.

    A slotted dataclass, not a model: a document holds one per section, clause and body, and a
    model instance costs ten times the memory. pydantic validates and serialises it like a
    model (``{"start": …, "end": …}``).
    """

    start: int
    end: int

    def slice(self, source: str) -> str:
        """Return the part of ``source`` this span covers."""
        return source[self.start : self.end]


class Severity(StrEnum):
    """How bad a diagnostic is; ``error`` is what ``strict=True`` raises on."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Diagnostic(BaseModel):
    """Something that looks wrong in the input, reported instead of raised.

    Attributes:
        code: A stable identifier, e.g. ``numbering-gap`` (see ``docs/diagnostics.md``).
        severity: ``info``, ``warning`` or ``error``.
        message: A sentence for people, naming what was found and what was expected.
        line: 1-based line in the source.
        column: 1-based column (in characters) in the source.
        span: Where in the source.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    line: int
    column: int
    span: Span


@lru_cache(maxsize=1)
def _newlines(source: str) -> array[int]:
    # One parse asks for the line of every diagnostic in the same source: counting newlines
    # from the start each time is quadratic (200,000 repeated markers took minutes).
    return array("q", (m.start() for m in _NEWLINE.finditer(source)))


_NEWLINE = re.compile("\n")


def line_col(source: str, pos: int) -> tuple[int, int]:
    """Return the 1-based ``(line, column)`` of character offset ``pos`` in ``source``."""
    pos = max(0, min(pos, len(source)))
    newlines = _newlines(source)
    line = bisect_left(newlines, pos) + 1
    column = pos - (newlines[line - 2] + 1 if line > 1 else 0) + 1
    return line, column


def _width(text: str) -> int:
    # 全角 characters (Chinese, full-width punctuation) take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_context(source: str, pos: int, radius: int = 30) -> str:
    """Return the source line around ``pos`` with a caret under the character at ``pos``.

    The caret is padded by display width, so it lands under the right character in a terminal
    even when the line holds Chinese text.
    """
    pos = max(0, min(pos, len(source)))
    start = source.rfind("\n", 0, pos) + 1
    end = source.find("\n", pos)
    end = len(source) if end < 0 else end
    lo, hi = max(start, pos - radius), min(end, pos + radius)
    text = source[lo:hi].replace("\r", "").replace("\t", " ")
    return f"{text}\n{' ' * _width(source[lo:pos].replace(chr(13), ''))}^"


class PolicyParseError(ValueError):
    """Raised by ``parse(text, strict=True)`` on the first problem of severity ``error``.

    Attributes:
        msg: The bare message.
        doc: The source text.
        pos: Character offset of the problem.
        lineno: 1-based line (alias ``line``).
        colno: 1-based column (alias ``column``).
        code: The diagnostic code.
        context: The source line with a caret under the problem.
    """

    def __init__(self, msg: str, doc: str, pos: int, code: str = "error") -> None:
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.code = code
        self.lineno, self.colno = line_col(doc, pos)
        self.context = render_context(doc, pos)
        super().__init__(f"{msg} (at line {self.lineno}, column {self.colno})\n{self.context}")

    @property
    def line(self) -> int:
        """The 1-based line of the problem."""
        return self.lineno

    @property
    def column(self) -> int:
        """The 1-based column of the problem."""
        return self.colno

    @classmethod
    def from_diagnostic(cls, diag: Diagnostic, source: str) -> PolicyParseError:
        """Build the error for ``diag``."""
        return cls(diag.message, source, diag.span.start, diag.code)
