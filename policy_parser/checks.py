"""Sanity checks on a parsed document: a parse that found nothing says so.

A lenient parse never fails, so a wrong input (an empty file, an English page, binary bytes
decoded as text) or a text the parser could not split (a 5 MB line whose tail all lands in one
item) used to come back as a quiet, almost empty :class:`~policy_parser.models.Document`.
These checks turn each such case into a ``warning`` diagnostic that names which one it is:

=====================  ======================================================================
code                   when
=====================  ======================================================================
``empty-text``         the text is empty or only whitespace
``no-chinese``         the text holds no Chinese character at all (``Section 1 General``)
``no-structure``       neither a title nor a numbered section was found (``今天天气很好。``)
``oversized-text``     one section's own text (or the preamble or closing) is longer than
                       :data:`MAX_OWN_TEXT` characters
=====================  ======================================================================
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from policy_parser.errors import Diagnostic, Severity, Span, line_col
from policy_parser.models import Document

__all__ = ["INPUT_CODES", "MAX_OWN_TEXT", "document_warnings"]

#: The codes that say the input itself is suspect (not its numbering): the command line prints
#: these on standard error even without ``--strict``.
INPUT_CODES = frozenset(
    {
        "empty-text",
        "no-chinese",
        "no-structure",
        "oversized-text",
        "content-kind",
        "mojibake",
        "mojibake-repaired",
    }
)

#: The longest own text (a section's body without its children, or a preamble) a real policy
#: section has is well under 1,000 characters: the longest in the project's corpus is ~650, and
#: a long 实施方案 paragraph runs to 2,000-3,000. Beyond 20,000 (about ten printed pages under
#: one marker) the markers were almost surely lost: a PDF flattened to one line, a page whose
#: line breaks were dropped, a table read as one cell.
MAX_OWN_TEXT = 20_000

_HAN = regex.compile(r"\p{Han}")


def _warning(source: str, code: str, message: str, start: int, end: int) -> Diagnostic:
    line, column = line_col(source, start)
    return Diagnostic(
        code=code,
        severity=Severity.WARNING,
        message=message,
        line=line,
        column=column,
        span=Span(start=start, end=max(start, end)),
    )


def _oversized(doc: Document) -> Iterator[tuple[str, str, Span]]:
    """Yield (what, own text, span) for each own text longer than :data:`MAX_OWN_TEXT`.

    The preamble, the closing and every section, attachments too. Lengths are tested here,
    so that a section's name (``section 四/（十八）``) is written only for one that is too long,
    not for each of a 10,000-item plan's sections.
    """
    preamble, closing = doc.preamble or "", doc.closing or ""
    if len(preamble) > MAX_OWN_TEXT:
        yield "the preamble", preamble, doc.span
    for s in doc.walk():
        if len(s.text) > MAX_OWN_TEXT:
            yield f"section {s.path}", s.text, s.span
    if len(closing) > MAX_OWN_TEXT:
        yield "the closing", closing, doc.span
    for attachment in doc.attachments:
        yield from _oversized(attachment)


def document_warnings(doc: Document) -> list[Diagnostic]:
    """Return the warnings that a parse found no document, or a part far too long.

    Args:
        doc: A parsed document; its ``source`` is the text that was parsed.

    Returns:
        ``empty-text``, ``no-chinese``, ``no-structure`` and ``oversized-text`` warnings (see
        the module docstring), in that order; none for an ordinary policy text.

    Example:
        >>> import policy_parser as pp
        >>> [d.code for d in document_warnings(pp.parse("hello world"))]
        ['no-chinese', 'no-structure']
    """
    source = doc.source
    if not source.strip():
        return [_warning(source, "empty-text", "the text is empty: nothing to parse", 0, 0)]
    found: list[Diagnostic] = []
    if _HAN.search(source) is None:
        found.append(
            _warning(
                source,
                "no-chinese",
                "the text holds no Chinese character: is it the right file, in the right "
                "encoding (a binary file read as text)?",
                0,
                min(len(source), 1),
            )
        )
    if doc.title is None and not doc.sections and not doc.attachments:
        found.append(
            _warning(
                source,
                "no-structure",
                "no document structure found: no title and no numbered sections "
                "(一、 （一） 第一条 1.)",
                0,
                min(len(source), 1),
            )
        )
    for what, text, span in _oversized(doc):
        found.append(
            _warning(
                source,
                "oversized-text",
                f"{what} holds {len(text):,} characters of its own (more than "
                f"{MAX_OWN_TEXT:,}): its numbering markers were probably lost (a text "
                "without line breaks?)",
                span.start,
                span.end,
            )
        )
    return found
