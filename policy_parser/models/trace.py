"""A trace entry: which rule claimed one line of the source (``parse(text, trace=True)``)."""

from __future__ import annotations

from policy_parser.errors import Span
from policy_parser.models.base import _Frozen

__all__ = ["TraceEntry"]


class TraceEntry(_Frozen):
    """One line of the original text and the rule that claimed it.

    Made up: the line '甲发〔2020〕1号' under a title gives
    ``TraceEntry(line=2, span=Span(start=9, end=19), rule='header:doc_number', ...)``.

    Attributes:
        line: The 1-based line number in the original text (``Document.source``).
        span: The line in the original text, without its line break.
        rule: The name of the rule that claimed the line, as the code names it:
            ``title:markdown_candidate``, ``header:addressees``, ``close:date``,
            ``section:cn_comma`` (see ``docs/segmentation.md``).
        text: The line, shortened to 200 characters (``…`` marks a cut).
        section: The path of the section the line is in (``'二/（三）'``, ``'附件1/一'`` in an
            attachment), or None outside any section.
    """

    line: int
    span: Span
    rule: str
    text: str
    section: str | None = None
