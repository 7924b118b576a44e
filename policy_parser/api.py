"""The public entry points, and the one place the pipeline stages are wired.

Data flow::

    str → normalize → segment → lex → Lark.parse → transform → clauses/bodies → Document

Each stage is a pure function in its own module; :data:`PIPELINE` names them in order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lark.exceptions import LarkError

from policy_parser._gc import no_gc as _no_gc
from policy_parser.checks import document_warnings
from policy_parser.drafts import Draft
from policy_parser.duties import assemble
from policy_parser.encoding import detect_mojibake
from policy_parser.errors import Diagnostic, PolicyParseError, Severity, Span, line_col
from policy_parser.grammar import structure_lark
from policy_parser.loaders import LoadedText, load_text
from policy_parser.models import Document, Section, make_document
from policy_parser.normalize import TrackedText, normalize
from policy_parser.segment import Frame, segment
from policy_parser.table_blocks import attach_tables, cut_tables
from policy_parser.tables import table_drafts
from policy_parser.trace import build_trace
from policy_parser.transform import (
    NodeBuilder,
    build_nodes,
    closing_paragraphs,
    to_drafts,
    trailing_to_parent,
)

__all__ = ["PIPELINE", "parse", "parse_file", "parse_loaded"]

PIPELINE: tuple[tuple[str, str], ...] = (
    ("normalize", "policy_parser.normalize.normalize: line repair with an offset map"),
    ("segment", "policy_parser.segment.segment: the document on the page, its frame, attachments"),
    ("lex", "policy_parser.grammar.structure_lark: lark's lexer over grammars/markers.lark"),
    ("levels", "policy_parser.lex.MarkerPostLex: numbering continuity, levels, _OPEN/_CLOSE"),
    ("parse", "policy_parser.grammar.structure_lark: lark's LALR parser nests the sections"),
    ("transform", "policy_parser.transform.to_drafts: headings, own text, spans, paths"),
    ("duties", "policy_parser.duties.assemble: clauses (clauses.py) and bodies (bodies/)"),
)


def _diagnostic(source: str, code: str, severity: Severity, message: str, pos: int) -> Diagnostic:
    line, column = line_col(source, pos)
    return Diagnostic(
        code=code,
        severity=severity,
        message=message,
        line=line,
        column=column,
        span=Span(start=pos, end=min(len(source), pos + 1)),
    )


def _body(tracked: TrackedText, frame: Frame, excluded: list[tuple[int, int]]) -> TrackedText:
    """Return the frame's body text without the noise ranges inside it (page numbers, 目录)."""
    start, end = frame.body
    pieces: list[TrackedText] = []
    for a, b in sorted(excluded):
        if b <= start or a >= end:
            continue
        if a > start:
            pieces.append(tracked.slice(start, a))
        start = max(start, b)
    pieces.append(tracked.slice(start, end))
    return TrackedText.join(pieces)


@dataclass(frozen=True, slots=True)
class _Run:
    """What every document of one parse shares: the source, its normalised text, the noise."""

    source: str
    tracked: TrackedText
    excluded: list[tuple[int, int]]
    bodies: bool


def _document(run: _Run, frame: Frame) -> Document:
    """Build the Document of one frame: its metadata, its sections, its attachments."""
    return _finish(run, frame, *_sections(run, frame))


def _sections(run: _Run, frame: Frame) -> tuple[list[Section], list[Diagnostic], str, str]:
    """Read the sections of one frame's body: sections, diagnostics, preamble, closing."""
    drafts, diagnostics, preamble, closing = _frame_drafts(run, frame)
    # The token stream, the lark tree, the nodes and the body text are gone by now: only the
    # drafts stay alive while the sections are built (and ``assemble`` frees each draft it
    # has finished), which keeps the peak memory of a parse down.
    return assemble(drafts, bodies=run.bodies), diagnostics, preamble, closing


def _frame_drafts(run: _Run, frame: Frame) -> tuple[list[Draft], list[Diagnostic], str, str]:
    """Lex and parse one frame's body, or read it as a task table: its drafts and notes."""
    body = _body(run.tracked, frame, run.excluded)
    if frame.table_header:
        header_text = run.tracked.text[frame.table_header[0] : frame.table_header[1]]
        header = [cell.strip() for cell in header_text.split("\n") if cell.strip()]
        rows = table_drafts(body, header)
        if rows is not None:
            return rows, [], "", ""
    return _drafts(run.source, body)


def _drafts(source: str, body: TrackedText) -> tuple[list[Draft], list[Diagnostic], str, str]:
    """Lex and parse a body: its drafts, diagnostics, preamble and closing paragraphs."""
    body, tables = cut_tables(body)  # a table's cells look like markers: read apart
    try:
        parsed = structure_lark(NodeBuilder).parse(body.text)
    except LarkError as exc:  # never leaks: the PostLex emits only what the grammar takes
        error = _diagnostic(source, "internal-error", Severity.ERROR, f"structure: {exc}", 0)
        return [], [error], "", ""
    built = build_nodes(parsed)  # (the nodes: NodeBuilder ran inside the parser)
    diagnostics = [
        _diagnostic(source, d.code, d.severity, d.message, body.to_source(d.pos))
        for d in built.notes
    ]
    preamble_segments, nodes = built.preamble, built.sections
    preamble = "".join(body.text[s.start : s.end].strip() for s in preamble_segments)
    closing_segments = trailing_to_parent(nodes, body) + closing_paragraphs(nodes, body)
    closing = "".join(body.text[s.start : s.end].strip() for s in closing_segments)
    return attach_tables(to_drafts(nodes, body), tables), diagnostics, preamble, closing


def _finish(
    run: _Run,
    frame: Frame,
    sections: list[Section],
    diagnostics: list[Diagnostic] | None = None,
    preamble: str = "",
    closing: str = "",
) -> Document:
    """Build the Document of a frame from its sections: metadata, span, attachments."""
    ranges = [frame.body] + [
        (f.start, f.end) for f in (frame.title, frame.doc_number, *frame.issuers) if f
    ]
    if frame.date_span:
        ranges.append(frame.date_span)
    first, last = min(a for a, _ in ranges), max(b for _, b in ranges)
    lo, hi = run.tracked.source_span(first, last) if last > first else (0, 0)
    lo, hi = min(lo, len(run.source)), min(hi, len(run.source))
    # Built without validation (``make_document``): every value is typed here, and pydantic's
    # validation would copy each list and build a set of field names per document.
    fields = {
        "title": frame.title.value if frame.title else None,
        "doc_number": frame.doc_number.value if frame.doc_number else None,
        "issuers": [f.value for f in frame.issuers],
        "addressees": [f.value for f in frame.addressees],
        "date": frame.date,
        "preamble": preamble or None,
        "closing": (closing + (frame.formula.value if frame.formula else "")) or None,
        "defined_terms": dict(frame.defined_terms),
        "diagnostics": diagnostics or [],
        "source": run.source,
        "span": Span(start=lo, end=max(lo, hi)),
        "trace": (),
    }
    attachments = [_document(run, a) for a in frame.attachments]
    return make_document(fields, sections=sections, attachments=attachments)


def _errors(doc: Document) -> Iterator[Diagnostic]:
    yield from (d for d in doc.diagnostics if d.severity is Severity.ERROR)
    for attachment in doc.attachments:
        yield from _errors(attachment)


def _parsed(text: str, bodies: bool, trace: bool) -> Document:
    """The document of ``text`` before its warnings.

    A function of its own so that the normalised text and the frame are gone when the
    warnings are read: on a short text they are a tenth of the peak memory of the parse.
    """
    tracked = normalize(text)
    frame = segment(tracked.text, trace=trace)
    doc = _document(_Run(text, tracked, frame.excluded, bodies), frame)
    if trace:
        doc = doc.model_copy(update={"trace": build_trace(doc, frame, tracked)})
    return doc


def parse(text: str, *, strict: bool = False, bodies: bool = True, trace: bool = False) -> Document:
    """Parse a Chinese policy text into a :class:`Document`.

    Args:
        text: The text, as extracted from a file, a web page or a PDF; it is never modified.
        strict: Raise :class:`PolicyParseError` on the first problem of severity ``error``
            (numbering gaps, duplicates) instead of only reporting it in ``diagnostics``.
        bodies: Read clauses and responsible bodies (False: the structure only, faster).
        trace: Fill :attr:`Document.trace`: the rule that claimed each line of ``text``
            (``docs/segmentation.md`` lists the rules).

    Returns:
        The document. Lenient parsing never raises on any ``str``.

    Raises:
        TypeError: ``text`` is not a ``str``.
        PolicyParseError: ``strict`` is set and the text has an error.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    # Scanned before the parse, so that the scan's buffers and the parse's never add up.
    moji = detect_mojibake(text)
    with _no_gc():
        doc = _parsed(text, bodies, trace)
    warnings = document_warnings(doc)  # a parse that found nothing says so (checks.py)
    if moji is not None:  # a warning: strict does not raise on it
        warnings.insert(
            0, _diagnostic(text, "mojibake", Severity.WARNING, moji.message, moji.start)
        )
    if warnings:
        doc = doc.model_copy(update={"diagnostics": [*warnings, *doc.diagnostics]})
    if strict:
        for diag in _errors(doc):
            raise PolicyParseError.from_diagnostic(diag, text)
    return doc


def parse_file(
    path: str | Path, *, strict: bool = False, bodies: bool = True, trace: bool = False
) -> Document:
    """Read a policy document from a file and parse it.

    ``.txt`` (UTF-8, UTF-8/UTF-16 with BOM, GB18030/GBK detected), ``.pdf``, ``.docx``,
    ``.html``/``.htm``; see ``docs/loaders.md``. Spans index the extracted text
    (``doc.source``).

    Args:
        path: The file.
        strict: As for :func:`parse`.
        bodies: As for :func:`parse` (False: the structure only, faster).
        trace: As for :func:`parse`: fill :attr:`Document.trace`.

    Returns:
        The document.

    Raises:
        LoadError: The file is missing, unreadable, undecodable or broken (a ValueError
            naming it).
        MissingExtraError: The loader's extra is not installed (an ImportError saying what to
            pip install).
        PolicyParseError: ``strict`` is set and the text has an error.
    """
    return parse_loaded(load_text(path), strict=strict, bodies=bodies, trace=trace)


def parse_loaded(
    loaded: LoadedText, *, strict: bool = False, bodies: bool = True, trace: bool = False
) -> Document:
    """Parse what a loader extracted; its notes become ``warning`` diagnostics.

    Args:
        loaded: From :func:`~policy_parser.loaders.load_text` or ``load_bytes``.
        strict: As for :func:`parse`.
        bodies: As for :func:`parse`.
        trace: As for :func:`parse`.
    """
    doc = parse(loaded.text, strict=strict, bodies=bodies, trace=trace)
    if not loaded.notes:
        return doc
    # What the loader found (PDF bytes under a .txt name, mojibake it repaired) is said once.
    notes = [
        _diagnostic(doc.source, n.code, Severity(n.severity), n.message, 0) for n in loaded.notes
    ]
    return doc.model_copy(update={"diagnostics": [*notes, *doc.diagnostics]})
