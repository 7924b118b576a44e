"""The result of comparing two versions of a document: frozen models, one row per change."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from policy_parser.errors import Span
from policy_parser.models import Role

__all__ = [
    "ChangeKind",
    "DocumentDiff",
    "DutyChangeKind",
    "FieldChange",
    "ResponsibilityChange",
    "SectionChange",
    "TextEdit",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ChangeKind(StrEnum):
    """What happened to a section between the old and the new version.

    A matched section gets the first kind that applies, in this order: ``moved`` (its parent is
    not the match of its old parent, or it changed places with a sibling), ``renumbered`` (its
    own marker counts another number: 第十条 → 第十一条 after an inserted article), ``changed``
    (same place and number, other heading or text), ``unchanged``. ``renumbered`` and
    ``moved`` rows say with ``text_changed`` whether the wording changed too.
    """

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


class DutyChangeKind(StrEnum):
    """What happened to a body's task in one section: ``gained``, ``lost`` or ``role-changed``."""

    GAINED = "gained"
    LOST = "lost"
    ROLE_CHANGED = "role-changed"


class TextEdit(_Frozen):
    """One edit of a section's heading and text, as :class:`difflib.SequenceMatcher` sees it.

    Attributes:
        op: ``replace``, ``delete`` or ``insert``.
        old: The old characters ('' for insert): ``三十日``.
        new: The new characters ('' for delete): ``十五日``.
    """

    op: str
    old: str
    new: str


class SectionChange(_Frozen):
    """One section of either version and what became of it.

    Attributes:
        kind: See :class:`ChangeKind`.
        old_path: The section's path in the old version (None when added).
        new_path: Its path in the new version (None when removed).
        old_number: The number its old marker counts: 10 for 第十条.
        new_number: The number its new marker counts.
        heading: The new heading (the old one when removed), or None.
        similarity: How alike the old and new heading and text are, 0–1
            (``SequenceMatcher.ratio``); 1.0 when identical, 0.0 for added or removed.
        text_changed: The heading or own text differs.
        old_span: Where the section stands in the old document's source.
        new_span: Where it stands in the new document's source.
        edits: The edits turning the old heading and text into the new ones.
    """

    kind: ChangeKind
    old_path: str | None
    new_path: str | None
    old_number: int | None
    new_number: int | None
    heading: str | None
    similarity: float
    text_changed: bool
    old_span: Span | None
    new_span: Span | None
    edits: tuple[TextEdit, ...] = ()

    @property
    def summary(self) -> str:
        """The edits in one line: ``三十日 → 十五日; +并公告``."""
        parts = []
        for edit in self.edits:
            if edit.op == "insert":
                parts.append(f"+{edit.new}")
            elif edit.op == "delete":
                parts.append(f"-{edit.old}")
            else:
                parts.append(f"{edit.old} → {edit.new}")
        return "; ".join(parts)


class ResponsibilityChange(_Frozen):
    """A body that gained or lost a task in a section, or holds it in another role.

    Attributes:
        kind: See :class:`DutyChangeKind`.
        body: The body's name as written: ``市财政部门``.
        old_roles: Its roles in the section in the old version (empty when gained).
        new_roles: Its roles in the section in the new version (empty when lost).
        old_path: The section's old path (None when the section was added).
        new_path: The section's new path (None when the section was removed).
        heading: The section's heading, or None.
        clause: The clause naming the body: the new one, the old one when lost.
    """

    kind: DutyChangeKind
    body: str
    old_roles: tuple[Role, ...]
    new_roles: tuple[Role, ...]
    old_path: str | None
    new_path: str | None
    heading: str | None
    clause: str


class FieldChange(_Frozen):
    """A field of the document's frame with another value: ``title``, ``date``, ``issuers``."""

    field: str
    old: str | None
    new: str | None


class DocumentDiff(_Frozen):
    """What changed from one version of a document to the next (see :func:`~policy_parser.compare`).

    Attributes:
        sections: Every section of both versions, in the new version's order (a removed one
            after the section that preceded it), unchanged ones included.
        responsibilities: The bodies that gained or lost a task, or changed role.
        frame: The frame fields (title, 发文字号, issuers, …) that differ.
        threshold: The similarity below which two sections were not paired.
    """

    sections: tuple[SectionChange, ...]
    responsibilities: tuple[ResponsibilityChange, ...]
    frame: tuple[FieldChange, ...] = ()
    threshold: float

    @property
    def changes(self) -> tuple[SectionChange, ...]:
        """The section rows that are not ``unchanged``."""
        return tuple(row for row in self.sections if row.kind is not ChangeKind.UNCHANGED)

    @property
    def is_empty(self) -> bool:
        """True when nothing changed: no section, body or frame field."""
        return not (self.changes or self.responsibilities or self.frame)

    def counts(self) -> dict[str, int]:
        """Count the section rows by kind and the responsibility rows by kind."""
        counted = Counter(row.kind.value for row in self.sections)
        counted.update(row.kind.value for row in self.responsibilities)
        return dict(counted)
