"""The document: its frame, its sections and attachments, and the queries over them."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from pydantic import (
    Field,
    SerializerFunctionWrapHandler,
    field_serializer,
    model_validator,
)

from policy_parser.errors import Diagnostic, Span
from policy_parser.models.base import _Frozen, _trusted
from policy_parser.models.deadlines import Deadline
from policy_parser.models.kinds import MarkerKind, Role, path_key
from policy_parser.models.sections import BodyMention, Clause, Section, _preorder
from policy_parser.models.tasks import task_paths
from policy_parser.models.trace import TraceEntry

__all__ = ["Document", "PathBody", "Responsibilities", "Responsibility", "make_document"]


class PathBody(NamedTuple):
    """A body mention with the path of the section it was found in."""

    path: str
    body: BodyMention


class Responsibility(_Frozen):
    """One row of the responsibility table: which body a clause assigns work to, and how.

    Attributes:
        path: The path of the section the clause stands in ('附件1/3' for a table row).
        heading: That section's heading.
        clause: The clause.
        body: The body's name.
        role: What the clause asks of it.
        span: Where the name stands in the source.
        deadline: When the work is due, where the clause or its table row says so.
        task_path: The section whose work this is: for a task-table row or a task listed in
            another attachment, the section it names by number or heading ('二/（三）');
            otherwise (or when it names none) ``path``.
    """

    path: str
    heading: str | None
    clause: str
    body: str
    role: Role
    span: Span
    deadline: Deadline | None = None
    task_path: str | None = None


class Responsibilities(list[Responsibility]):
    """The responsibility table: a list of rows that also exports itself."""

    def to_csv(self) -> str:
        """Return the table as CSV (columns: ``export.responsibilities_csv``)."""
        from policy_parser.export import responsibilities_csv  # loaded on first use

        return responsibilities_csv(self)

    def to_dataframe(self) -> Any:
        """Return the table as a pandas DataFrame (needs ``policy-parser[pandas]``)."""
        from policy_parser.export import responsibilities_dataframe

        return responsibilities_dataframe(self)


class Document(_Frozen):
    """A parsed policy document.

    Attributes:
        title: '关于新时代进一步加强科学技术普及工作的实施方案'.
        doc_number: 发文字号, '发改办财金规〔2019〕860号'.
        issuers: 发文机关.
        addressees: 主送机关, split on '，'.
        date: 成文日期.
        preamble: The opening paragraph(s) before the first section.
        closing: Unnumbered paragraphs after the last section's list (``各有关部门…报送…``).
        defined_terms: {'科普': '科学技术普及'} from '（以下简称科普）'.
        sections: The top-level sections.
        attachments: Documents attached to a notice (附件, 印发…的通知).
        diagnostics: What looked wrong.
        source: The original text, unchanged; every span indexes it.
        span: Where this document stands in ``source``.
        trace: With ``parse(text, trace=True)``, the rule that claimed each line of ``source``
            (one :class:`TraceEntry` a line, attachments included); empty otherwise, and then
            left out of the JSON.
    """

    title: str | None = None
    doc_number: str | None = None
    issuers: list[str] = Field(default_factory=list)
    addressees: list[str] = Field(default_factory=list)
    date: _dt.date | None = None
    preamble: str | None = None
    closing: str | None = None
    defined_terms: dict[str, str] = Field(default_factory=dict)
    sections: list[Section] = Field(default_factory=list)
    attachments: list[Document] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    source: str = ""
    span: Span = Span(start=0, end=0)
    # Left out of a dump when empty, so that an untraced document dumps as it always did.
    trace: tuple[TraceEntry, ...] = Field(default=(), exclude_if=lambda trace: not trace)

    @field_serializer("attachments", mode="wrap")
    def _attachments_without_source(
        self, attachments: list[Document], handler: SerializerFunctionWrapHandler
    ) -> Any:
        """Serialise the source once: an attachment sharing its parent's omits ``source``.

        Every attachment of a parse indexes the same text, so a notice with three attachments
        would otherwise carry four copies of it in its JSON. :meth:`_inherit_source` puts it
        back on validation, so ``Document.model_validate_json(doc.model_dump_json()) == doc``.
        """
        dumped = handler(attachments)
        for attachment, data in zip(attachments, dumped, strict=True):
            if attachment.source == self.source and isinstance(data, dict):
                data.pop("source", None)
        return dumped

    @model_validator(mode="after")
    def _inherit_source(self) -> Document:
        """Give each attachment validated without a ``source`` its parent's, at any depth.

        An after-validator, so that strict JSON validation still reads the JSON itself. The
        attachments are replaced by copies (never changed in place: a caller may hold them).
        """
        # A document without a source of its own waits for its parent to give it one.
        if "source" in self.model_fields_set and any(
            "source" not in a.model_fields_set for a in self.attachments
        ):
            object.__setattr__(self, "attachments", _share_source(self.attachments, self.source))
        return self

    @property
    def main(self) -> Document:
        r"""The document the user is after: the issued one when this is only a wrapper.

        A notice that issues a plan (``关于印发…的通知``) has no sections of its own; the plan
        is its first attachment with sections (see ``docs/models.md``). For any other document
        (a plan, a regulation, a 修改决定 with its items) this is the document itself.

        >>> import policy_parser as pp
        >>> notice = pp.parse("关于印发甲方案的通知\n各单位：\n现将《甲方案》印发给你们。\n"
        ...                   "附件\n甲方案\n一、总体要求\n（一）乙方要负责。")  # doctest: +SKIP
        >>> notice.main.find("一/（一）").heading  # doctest: +SKIP
        '乙方要负责'
        """
        if self.sections:
            return self
        for attachment in self.attachments:
            if any(True for _ in attachment.walk(attachments=True)):
                return attachment.main
        return self

    def walk(self, *, attachments: bool = False) -> Iterator[Section]:
        """Yield every section of this document, pre-order.

        Args:
            attachments: Also yield the sections of the attachments, after the document's own.
        """
        yield from _preorder(self.sections)
        if attachments:
            for attachment in self.attachments:
                yield from attachment.walk(attachments=True)

    def _paths(self, prefix: str = "") -> Iterator[tuple[str, Section]]:
        """Yield (full path, section) for this document and its attachments: '附件1/二/（三）'."""
        for section in self.walk():
            yield prefix + section.path, section
        for i, attachment in enumerate(self.attachments, start=1):
            yield from attachment._paths(f"{prefix}附件{i}/")

    def find(self, path: str) -> Section | None:
        """Return the section at ``path``, or the first whose last marker matches.

        ``path`` is written as :attr:`Section.path` (``'四/（十八）'``); a section of an attachment
        is found by its own path too, or as ``'附件1/四/（十八）'``. Markers are compared as in
        paths: trailing 、 . ． dropped, brackets made full-width.
        """
        want = [path_key(part) for part in path.split("/") if part.strip()]
        if not want:
            return None
        target = "/".join(want)
        sections = list(self._paths())
        for full, section in sections:
            if target in (full, section.path):
                return section
        if len(want) == 1:
            for _, section in sections:
                if path_key(section.marker) == want[0]:
                    return section
        return None

    def clauses(self, body: str | None = None, role: Role | str | None = None) -> list[Clause]:
        """Return the clauses naming a body that contains ``body`` with ``role`` (None: any).

        ``role`` is a :class:`Role`, its value (``"lead"``) or a Chinese role word
        (``"牵头"``, ``"负责"``, ``"配合"``, ``"鼓励"``: ``data/role_aliases.txt``).
        Clauses of attachments count too (a notice's issued plan is where the work is).

        Raises:
            ValueError: ``role`` names no role.
        """
        wanted_role = Role.of(role) if role is not None else None
        return [
            clause
            for _, section in self._paths()
            for clause in section.clauses
            if any(
                (body is None or body in b.name) and wanted_role in (None, b.role)
                for b in clause.bodies
            )
        ]

    def bodies(self) -> list[PathBody]:
        """Return every body mention with its section's path, attachments included.

        Paths in an attachment start with ``附件N/``.
        """
        return [PathBody(p, b) for p, s in self._paths() for c in s.clauses for b in c.bodies]

    def responsibilities(self) -> Responsibilities:
        """Return the responsibility table: one row per (clause, body), in document order.

        Attachments are included (paths ``附件N/…``). The table is a list of
        :class:`Responsibility` rows with ``to_csv()`` and ``to_dataframe()``. A row of a
        task table (or a task another attachment lists) carries the path of the section it
        names as ``task_path``; every row carries its clause's ``deadline``.
        """
        pairs = list(self._paths())
        tasks = self._task_paths(pairs)
        return Responsibilities(
            Responsibility(
                path=p,
                heading=s.heading,
                clause=c.text,
                body=b.name,
                role=b.role,
                span=b.span,
                deadline=c.deadline,
                task_path=tasks.get(p, p),
            )
            for p, s in pairs
            for c in s.clauses
            for b in c.bodies
        )

    def _task_paths(self, pairs: list[tuple[str, Section]]) -> dict[str, str]:
        """Map each task row to the section it names (see ``models.tasks``).

        Task rows are task-table rows and, outside the plan (``main``), sections whose
        clauses state a deadline: a task list attached to the plan.
        """
        main = {id(s) for s in self.main.walk()}
        listed = [
            (p, s)
            for p, s in pairs
            if s.clauses
            and (
                s.kind is MarkerKind.TABLE_ROW
                or (id(s) not in main and any(c.deadline for c in s.clauses))
            )
        ]
        return task_paths(pairs, listed) if listed else {}

    def to_markdown(self) -> str:
        """Render the section tree as Markdown (see :func:`policy_parser.export.to_markdown`)."""
        from policy_parser.export import to_markdown  # loaded on first use

        return to_markdown(self)

    def render(self) -> str:
        """Return the document as canonical text (see :func:`policy_parser.render.render`).

        Parsing the rendering gives the same tree: one marker line per section, its heading run
        in before its own text (``（一）加强领导。各区要…``), the frame around them.
        """
        from policy_parser.render import render  # render reads documents by attribute only

        return render(self)

    def to_akn(self) -> str:
        """Return the document as Akoma Ntoso 3.0 XML (see :func:`policy_parser.akn.to_akn`).

        Raises:
            ImportError: lxml is missing (``pip install "policy-parser[akn]"``).
        """
        from policy_parser.akn import to_akn  # akn reads documents through views only

        return to_akn(self)

    def to_records(self) -> list[dict[str, Any]]:
        """Flatten the sections into rows for pandas/Parquet (see ``export.to_records``)."""
        from policy_parser.export import to_records

        return to_records(self)


def _share_source(attachments: list[Document], source: str) -> list[Document]:
    """Return ``attachments`` with ``source`` given to those validated without one, at any depth."""
    return [
        a
        if "source" in a.model_fields_set
        else a.model_copy(
            update={"source": source, "attachments": _share_source(a.attachments, source)}
        )
        for a in attachments
    ]


def make_document(
    fields: dict[str, Any], *, sections: list[Section], attachments: list[Document]
) -> Document:
    """Build a :class:`Document` from typed values without validation (see ``_trusted``).

    The parse builds its documents so (``api.py``), and ``wire.unpack`` rebuilds them so.

    Args:
        fields: Every field of a document but ``sections`` and ``attachments``, typed as a
            document holds them (``wire.pack`` keeps them so).
        sections: The rebuilt sections.
        attachments: The rebuilt attachments.

    Raises:
        ValueError: ``fields`` does not name exactly the other fields.
    """
    if fields.keys() != _OTHER_FIELDS:
        raise ValueError(f"not the fields of a Document: {sorted(fields)}")
    # One dict, in the declared order: the only one a short text's parse builds at its peak.
    parts = {"sections": sections, "attachments": attachments}
    values = {name: parts[name] if name in parts else fields[name] for name in _FIELD_NAMES}
    return _trusted(Document, values)


_FIELD_NAMES = tuple(Document.model_fields)
_OTHER_FIELDS = frozenset(_FIELD_NAMES) - {"sections", "attachments"}
