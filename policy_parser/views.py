"""Read-only views of the models, for the modules the models call.

``models.Document.to_markdown()``, ``render()`` and ``Responsibilities.to_csv()`` call
``export`` and ``render``; if those imported ``models`` back, the two would form an import
cycle. They are typed by these protocols instead, which name the fields they read: any
object with those fields (a parsed :class:`~policy_parser.models.Document`, a test double)
will do.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import Protocol

__all__ = ["Deadline", "Document", "Mention", "Responsibility", "Section", "Span", "Valued"]


class Span(Protocol):
    """A span: offsets into ``Document.source``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Valued(Protocol):
    """An enum member: ``MarkerKind``, ``Role``."""

    @property
    def value(self) -> str: ...


class Mention(Protocol):
    """A :class:`~policy_parser.models.BodyMention`."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> Valued: ...
    @property
    def span(self) -> Span: ...


class Section(Protocol):
    """What the exports and the rendering read of a :class:`~policy_parser.models.Section`."""

    @property
    def level(self) -> int: ...
    @property
    def marker(self) -> str: ...
    @property
    def kind(self) -> Valued: ...
    @property
    def number(self) -> int: ...
    @property
    def heading(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def span(self) -> Span: ...
    @property
    def bodies(self) -> Sequence[Mention]: ...
    @property
    def children(self) -> Sequence[Section]: ...


class Deadline(Protocol):
    """What the exports read of a :class:`~policy_parser.models.Deadline`."""

    @property
    def text(self) -> str: ...
    @property
    def date(self) -> _dt.date | None: ...
    @property
    def kind(self) -> Valued: ...


class Responsibility(Protocol):
    """What the exports read of a :class:`~policy_parser.models.Responsibility` row."""

    @property
    def path(self) -> str: ...
    @property
    def heading(self) -> str | None: ...
    @property
    def clause(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def role(self) -> Valued: ...
    @property
    def span(self) -> Span: ...
    @property
    def task_path(self) -> str | None: ...
    @property
    def deadline(self) -> Deadline | None: ...


class Document(Protocol):
    """What the exports and the rendering read of a :class:`~policy_parser.models.Document`."""

    @property
    def title(self) -> str | None: ...
    @property
    def doc_number(self) -> str | None: ...
    @property
    def issuers(self) -> Sequence[str]: ...
    @property
    def addressees(self) -> Sequence[str]: ...
    @property
    def date(self) -> _dt.date | None: ...
    @property
    def preamble(self) -> str | None: ...
    @property
    def closing(self) -> str | None: ...
    @property
    def sections(self) -> Sequence[Section]: ...
    @property
    def attachments(self) -> Sequence[Document]: ...
    def walk(self) -> Iterator[Section]: ...
