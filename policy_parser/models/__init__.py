"""The typed result: frozen pydantic v2 models of a parsed policy document.

Field names follow ``SPEC.md``; they are the public contract. Every :class:`Span` indexes the
original text, ``Document.source``.

The models live in five modules: ``kinds`` (marker kinds, roles), ``sections`` (sections,
clauses, body mentions), ``deadlines`` (a task's 完成时限), ``document`` (the document and its
queries) and ``tasks`` (which section a task-table row names); every name is importable from
``policy_parser.models``.
"""

from __future__ import annotations

from policy_parser.errors import Span
from policy_parser.models.deadlines import Deadline, DeadlineKind, make_deadline
from policy_parser.models.document import (
    Document,
    PathBody,
    Responsibilities,
    Responsibility,
    make_document,
)
from policy_parser.models.kinds import MarkerKind, Role, path_key
from policy_parser.models.sections import (
    BodyMention,
    Clause,
    Section,
    make_clause,
    make_mention,
    make_section,
)
from policy_parser.models.trace import TraceEntry

__all__ = [
    "BodyMention",
    "Clause",
    "Deadline",
    "DeadlineKind",
    "Document",
    "MarkerKind",
    "PathBody",
    "Responsibilities",
    "Responsibility",
    "Role",
    "Section",
    "Span",
    "TraceEntry",
    "make_clause",
    "make_deadline",
    "make_document",
    "make_mention",
    "make_section",
    "path_key",
]
