"""The entry point: every reader run over one clause, and the results merged.

``find_bodies`` masks the clause (``masking``), reads its annotations and field line
(``annotations``), then the running text: subjects (``subjects``), bare duty verbs
(``duty_verbs``), incentive objects (``incentives``); a specific role wins over
``responsible`` for one span, the level and the subject carry (``carry``), duplicates go.
"""

from __future__ import annotations

from dataclasses import replace
from operator import itemgetter

from policy_parser.bodies.annotations import _LABEL, _annotation
from policy_parser.bodies.carry import _carried_subject, _carry_level, _opening_subject
from policy_parser.bodies.duty_verbs import _duty_subjects
from policy_parser.bodies.found import Found
from policy_parser.bodies.incentives import _INCENTIVE, _INCENTIVE_GATE, _incentive_objects
from policy_parser.bodies.masking import _MASK, BRACKET, _Group, _groups, _masked
from policy_parser.bodies.rules import _NO_SUBJECT, _PERSIST, _RULE, ReadingRules
from policy_parser.bodies.scope import scope_note
from policy_parser.bodies.subjects import _PLEASE, _VERB, _addressees, _agents, _verb_bodies
from policy_parser.models import Role


def _free_text(masked: str) -> list[Found]:
    """The bodies running text names: addressees of 请, subjects, agents of 由, incentive objects.

    ``高等院校要…`` (a subject), ``请各区…`` (an addressee), ``由市应急局牵头`` (an agent),
    ``鼓励企业…`` (an object). An incentive whose clause already obliged a subject before it,
    or any span already read as a subject, gives no second role.
    """
    verbs = list(_VERB.finditer(masked))
    please = list(_PLEASE.finditer(masked)) if "请" in masked else []
    incentives = list(_INCENTIVE.finditer(masked)) if _INCENTIVE_GATE.search(masked) else []
    if not verbs and not please and not incentives and "由" not in masked:
        return []
    found = _addressees(masked, please) if please else []
    subjects = list(found)  # bodies the clause obliges: an incentive after them is theirs
    claimed = [(f.start, f.end) for f in found]  # spans read as a subject: no second role
    for f, named_before in _verb_bodies(masked, verbs) if verbs else ():
        found.append(f)
        if named_before:
            claimed.append((f.start, f.end))
            if f.role is not Role.COOPERATE:
                subjects.append(f)
    if "由" in masked:
        for n in _agents(masked):
            if not any(s < n.end and n.start < e for s, e in claimed):
                agent = Found(n.name, Role.RESPONSIBLE, n.start, n.end)
                subjects.append(agent)
                found.append(agent)
    if incentives:
        found += _incentive_objects(masked, incentives, subjects, claimed)
    return found


def _annotated(clause: str, rules: ReadingRules) -> tuple[list[Found], str, ReadingRules]:
    """Read a clause's annotations and field line; return them, the masked text, the rules.

    The masked text is the clause without its annotations, quotes and titles (see
    ``masking``) and without a field line (``…开展宣传。责任单位：市科协``), which is read here.
    """
    found: list[Found] = []
    if BRACKET.search(clause) is None:
        # Most clauses hold no bracket (〔 of a document number included): nothing to group
        # or mask, and two calls saved per clause.
        groups: list[_Group] = []
        masked = clause
    else:
        groups = _groups(clause)
        masked = _masked(clause, groups)
    # Every label ends in 单位, 部门 or 主体; most clauses have none of them.
    labelled = "单位" in masked or "部门" in masked or "主体" in masked
    label = _LABEL.search(masked) if labelled else None
    if label and (label.start() == 0 or masked[label.start() - 1] in "。；;！？ \t\n\u3000"):
        # A field line: 责任单位：市科协  参加单位：市教委 (after the sentence it labels).
        found, rules = _annotation(clause, label.start(), len(clause), rules, field_line=True)
        # The label stands outside every bracket group, so the text before it keeps its
        # groups and its mask.
        clause = clause[: label.start()]
        masked = masked[: label.start()]
        groups = [g for g in groups if g.end <= label.start()]
    for g in groups:
        if g.kind == "annotation":
            more, rules = _annotation(clause, g.start + 1, g.end - 1, rules)
            found.extend(more)
    if "第一" in masked and _RULE.search(masked) is not None and _PERSIST.search(clause):
        # 各项任务中排在第一位的部门为牵头部门 (in running text, for what follows)
        rules = replace(rules, first_listed_leads=True)
    return found, masked, rules


def find_bodies(clause: str, rules: ReadingRules) -> tuple[list[Found], ReadingRules]:
    """Find the bodies a clause names, with their roles.

    Args:
        clause: One clause (or a heading). Offsets in the result index this string.
        rules: The reading rules stated earlier in the document (``INITIAL_RULES`` at the
            start); an annotation ending in ``下同`` changes them.

    Returns:
        The bodies in text order without duplicates, and the rules for the clauses after
        this one.

    Example:
        >>> found, _ = find_bodies("高等院校、科研机构要加强科普。", INITIAL_RULES)
        >>> [(f.name, f.role.value) for f in found]
        [('高等院校', 'responsible'), ('科研机构', 'responsible')]
    """
    found, masked, rules = _annotated(clause, rules)
    if rules.unlisted or "列出" in clause:  # most clauses: no scope note, none in force
        found, masked, rules = _scoped(clause, found, masked, rules)
    free = _free_text(masked)
    free += _duty_subjects(masked)
    if free:
        found.extend(_specific(free))
    subject = _opening_subject(masked, free) if free else ()
    if rules.subject and not subject:
        carried = _carried_subject(masked, rules.subject, found)
        if carried:
            found.extend(carried)
            subject = rules.subject
    if subject != rules.subject:
        rules = (
            rules.with_subject(subject)
            if subject or rules.unlisted
            else _NO_SUBJECT[rules.first_listed_leads]
        )
    if not found:
        return [], rules
    if "、" in clause:  # the whole clause: a field line's bodies lie past the masked text
        found = _carry_level(clause, found)
    return _dedupe(found), rules


def _scoped(
    clause: str, found: list[Found], masked: str, rules: ReadingRules
) -> tuple[list[Found], str, ReadingRules]:
    """Apply a scope note: state one (``以下均需各区政府落实，不再列出``) or add its bodies.

    The clause stating the note gives no body of its own (the note is masked); every later
    clause with an annotation gets the note's bodies, responsible, spanning the annotation.
    """
    note = scope_note(clause) if "列出" in clause else None
    if note is not None:
        (start, end), names = note
        found = [f for f in found if not (start <= f.start and f.end <= end)]
        masked = masked[:start] + _MASK * (end - start) + masked[end:]
        return found, masked, replace(rules, unlisted=tuple(n.name for n in names))
    if rules.unlisted and found:
        start, end = min(f.start for f in found), max(f.end for f in found)
        named = {f.name for f in found}
        found = found + [
            Found(n, Role.RESPONSIBLE, start, end) for n in rules.unlisted if n not in named
        ]
    return found, masked, rules


def _specific(found: list[Found]) -> list[Found]:
    """Keep the specific role of a subject: 省级能源主管部门应会同… is lead, not responsible."""
    if len(found) == 1:  # most clauses: one body, which no other can make more specific
        return found
    specific = {(f.start, f.end) for f in found if f.role in (Role.LEAD, Role.COOPERATE)}
    return [f for f in found if f.role is not Role.RESPONSIBLE or (f.start, f.end) not in specific]


_OFFSETS = itemgetter(2, 3)  # (start, end) of a Found: a C key for sorting in text order


def _dedupe(found: list[Found]) -> list[Found]:
    """Keep each (name, role) once, in text order.

    ``市科协牵头…，市科协负责汇总`` names 市科协 lead and responsible, each once.
    """
    if len(found) == 1:  # most clauses: one body, nothing to sort or drop
        return found
    seen: set[tuple[str, Role]] = set()
    out: list[Found] = []
    for f in sorted(found, key=_OFFSETS):
        if (f.name, f.role) not in seen:
            seen.add((f.name, f.role))
            out.append(f)
    return out
