"""Clauses and responsible bodies of every section, read in document order.

The stage after ``transform``: it splits each section's own text into clauses
(``clauses.split_clauses``), finds the bodies each clause names (``bodies.find_bodies``), maps
their offsets back to the source, and threads the document's reading rules from one section to
the next, so that ``（A、B负责，排在第一位的部门为牵头部门，下同）`` in item 1 makes A the lead of
the items after it. A run-in title (``（五）引导企业积极履行科普社会责任。``) is a sentence of its
item and is read too; a title line (``一、总体要求``) is not. A task table's row
(``drafts.TableRow``) becomes one clause, its task cell, whose bodies are those its role cells
name (``bodies.cell_bodies``). Each clause carries the deadline it or its row's 完成时限 cell
states (``deadlines``): ``完成时限：2024年底前`` → 2024-12-31; a task line's deadline holds
for its whole section (``task_lines``).
"""

from __future__ import annotations

from dataclasses import replace

from policy_parser.bodies import INITIAL_RULES, ReadingRules, cell_bodies, find_bodies
from policy_parser.clauses import split_clauses
from policy_parser.deadlines import DeadlinePhrase, cell_deadline, clause_deadline
from policy_parser.drafts import Draft, TableRow
from policy_parser.models import (
    BodyMention,
    Clause,
    Deadline,
    Section,
    Span,
    make_clause,
    make_deadline,
    make_mention,
    make_section,
)
from policy_parser.normalize import TrackedText
from policy_parser.task_lines import spread_task_deadline

__all__ = ["assemble"]


def _clauses(
    part: TrackedText, rules: ReadingRules, out: list[Clause]
) -> tuple[ReadingRules, bool]:
    """Split one text part into clauses and read their bodies, offsets mapped to the source.

    The clauses are appended to ``out``; returns the rules for what follows and whether a
    clause states a deadline (only then can a task line's deadline spread).
    """
    text = part.text
    n = len(text)
    # A part that is one run of the source (almost every own text: 各区要加强宣传。 on a line of
    # its own) maps an offset inside it by one shift; only a part joined from several runs
    # asks its offset map. The same values as ``part.source_span``, without its call per
    # clause, body and deadline.
    shift = part.srcs[0] if part.starts == (0,) else None

    def span(start: int, end: int) -> Span:
        if shift is not None and 0 <= start < end <= n:
            return Span(shift + start, shift + end)
        a, b = part.source_span(start, end)
        return Span(a, b)

    dated = False
    for start, end in split_clauses(text):
        clause = text[start:end]
        found, rules = find_bodies(clause, rules)
        bodies: list[BodyMention] = []
        if found:
            bodies = [
                make_mention(f.name, f.role, span(start + f.start, start + f.end)) for f in found
            ]
        due = clause_deadline(clause)
        deadline = None
        if due is not None:
            deadline = _deadline(due, span(start + due.start, start + due.end))
            dated = True
        # A clause lies inside the text, non-empty: one run maps it by the shift alone.
        where = Span(shift + start, shift + end) if shift is not None else span(start, end)
        out.append(make_clause(clause, where, bodies, deadline))
    return rules, dated


def _deadline(phrase: DeadlinePhrase, span: Span) -> Deadline:
    """A deadline phrase found in a clause or cell, at its place in the source."""
    return make_deadline(phrase.text, span, phrase.date, phrase.kind)


def _row_clause(row: TableRow) -> Clause:
    """A task-table row as a clause: its task cell, with the bodies of its role cells."""
    bodies = [
        make_mention(f.name, f.role, Span(*cell.text.source_span(f.start, f.end)))
        for cell in row.cells
        for f in cell_bodies(cell.text.text, cell.role)
    ]
    content = row.content
    deadline = None
    if row.deadline is not None:
        # The 完成时限 cell, else the task cell itself: 建设平台（2024年底前完成）.
        due = cell_deadline(row.deadline.text)
        if due is not None:
            deadline = _deadline(due, Span(*row.deadline.source_span(due.start, due.end)))
    if deadline is None:
        due = clause_deadline(content.text)
        if due is not None:
            deadline = _deadline(due, Span(*content.source_span(due.start, due.end)))
    span = Span(*content.source_span(0, len(content)))
    return make_clause(content.text, span, bodies, deadline)


def _without_subject(rules: ReadingRules, last: ReadingRules) -> ReadingRules:
    """Return ``rules`` without their subject; ``last`` (subjectless) when only that differs.

    A section must not carry the last one's subject (市科协要… then 各区要…), and most sections
    have one: building a fresh ReadingRules for each cost more than the rest of the step.
    Compares every field of ReadingRules but the subject.
    """
    if rules.first_listed_leads == last.first_listed_leads and rules.unlisted == last.unlisted:
        return last
    return rules.with_subject(())


def assemble(drafts: list[Draft], *, bodies: bool = True) -> list[Section]:
    """Return the finished sections of ``drafts``, with clauses and bodies when asked.

    Args:
        drafts: The top-level drafts of one document. The list is emptied as they are
            finished: a finished draft's own texts and offsets are freed before the next one
            is read, so that drafts and sections are never both alive whole (the peak memory
            of a parse).
        bodies: Read clauses and bodies (False: structure only, faster).

    Returns:
        The frozen sections, children included.
    """
    rules = INITIAL_RULES
    # The last rules without a subject (see _without_subject), e.g. after 市科协要….
    bare = INITIAL_RULES

    def finish(draft: Draft) -> Section:
        nonlocal rules, bare
        # A subject carries from sentence to sentence within a section, never into the next
        # one; reading rules such as 下同 carry through the document.
        if rules.subject:
            rules = bare = _without_subject(rules, bare)
        unlisted_before = rules.unlisted
        clauses: list[Clause] = []
        if bodies and draft.rows is not None:
            clauses = [_row_clause(row) for row in draft.rows]
        elif bodies:
            dated = False
            for part in (draft.run_in, draft.own):
                if part is not None and part.text:
                    rules, due = _clauses(part, rules, clauses)
                    dated = dated or due
            if dated:  # a task line's deadline is a clause's deadline: none, nothing to spread
                clauses = spread_task_deadline(clauses)
        # Most sections are leaves: no comprehension is run for them.
        children = [finish(child) for child in draft.children] if draft.children else []
        if children and rules.unlisted != unlisted_before:
            # 以下均需X落实，不再列出 binds the items after it within the section that holds
            # them (its own children, or the siblings after a note written as an item): the
            # sections after that one are no longer bound.
            rules = replace(rules, unlisted=unlisted_before)
        return make_section(
            level=draft.level,
            marker=draft.marker,
            kind=draft.kind,
            number=draft.number,
            heading=draft.heading,
            text=draft.own.text,
            children=children,
            clauses=clauses,
            span=draft.span,
            path=draft.path,
        )

    drafts.reverse()  # popped from the end, in document order
    sections: list[Section] = []
    while drafts:
        sections.append(finish(drafts.pop()))
    return sections
