"""Subjects of bare duty verbs at the start of a part: 国家能源局抓紧制定…；机构按照规则做好….

No modal marks these subjects, so only organ-like names (a lexicon organ, a name ending in
局/委/部门 …) are taken, and only at the start of a clause or of a ``；`` part; work done under
another body's guidance (``协会在发展改革委指导下做好…``) is assigned to the acting body.
"""

from __future__ import annotations

import re

import regex

from policy_parser.bodies.found import Found
from policy_parser.bodies.lists import _split_list
from policy_parser.bodies.names import _ADVERB_CHARS, _BARE_NAMES
from policy_parser.bodies.patterns import _end_chars, _patterns, is_body_name
from policy_parser.bodies.subjects import _UNDER, _organ_like
from policy_parser.models import Role
from policy_parser.wordlists import words

# A part that opens with a body and a bare duty verb: 国家能源局抓紧制定…；电力交易机构按照
# 交易规则做好…. Only at the start of a clause or a ；-part. The stdlib engine: its literal
# prefix scan makes these short searches cheaper than with the regex module.
# No duty verb starts another, so the order of data/duty_verbs.txt does not matter.
_DUTY_WORDS = "|".join(regex.escape(w) for w in words("duty_verbs"))
# An adverbial that may stand between the name and its duty verb: 机构按照交易规则做好….
_ACCORDING = "按照|根据|依照|依据"
_ACCORDING_WORDS = frozenset(_ACCORDING.split("|"))
# Plain alternations: no group or lookaround, so the stdlib engine scans for them fast.
_DUTY_ANY = re.compile(_DUTY_WORDS)

_DUTY_OR_ACCORDING = re.compile(f"{_DUTY_WORDS}|{_ACCORDING}")

_PART_END = re.compile(r"[，,。；;：:□\s]")

_SEMICOLON = re.compile("[；;]")


def _duty_subjects(masked: str) -> list[Found]:
    """Subjects of bare duty verbs at part starts; names only, no category and no people."""
    if _DUTY_OR_ACCORDING.search(masked) is None:
        return []  # most clauses: no duty verb at all, so none after any part start
    found: list[Found] = []
    starts = [0]
    if "；" in masked or ";" in masked:
        starts += [m.end() for m in _SEMICOLON.finditer(masked)]
    end_chars = _end_chars()
    for pos in starts:
        while pos < len(masked) and masked[pos].isspace():
            pos += 1
        stop = pos + 42  # a subject of at most 40 characters
        verb = _DUTY_OR_ACCORDING.search(masked, pos + 2, stop)
        under = None
        while verb is not None:
            if masked[verb.start() : verb.end() + 1] not in _NOT_DUTY:  # 组织部, 组织者
                if masked[verb.start() - 1] in end_chars:
                    break
                if masked[verb.start() - 1] == "下":
                    under = _UNDER.search(masked, pos, verb.start())
                    if under is not None:
                        break
            verb = _DUTY_OR_ACCORDING.search(masked, verb.end(), stop)
        if verb is None or masked[verb.start() - 1] in _ADVERB_CHARS:
            continue  # 各地要加强: 要 has given the subject its role
        if _PART_END.search(masked, pos + 1, verb.start()):
            continue  # the verb is not in the first phrase of the part
        if under is not None:
            # 煤炭工业协会在发展改革委指导下做好…: guided work is assigned work, whatever
            # kind of body does it.
            subject = _patterns()["subject"].fullmatch(masked, pos, under.start())
            if subject is not None:
                found += [
                    Found(n.name, Role.RESPONSIBLE, n.start, n.end)
                    for n in _split_list(subject)
                    if n.name not in _BARE_NAMES and is_body_name(n.name)
                ]
            continue
        if verb.group() in _ACCORDING_WORDS:
            end = _PART_END.search(masked, verb.end())
            if not _DUTY_ANY.search(masked, verb.end(), end.start() if end else len(masked)):
                continue
        subject = _patterns()["subject"].fullmatch(masked, pos, verb.start())
        if subject is None:
            continue
        found += [
            Found(n.name, Role.RESPONSIBLE, n.start, n.end)
            for n in _split_list(subject)
            if n.name not in _BARE_NAMES and _organ_like(n.name)
        ]
    return found


# 组织 as a noun: 组织部, 组织者, and before a list mark (科协组织、科研机构…要…).
_NOT_DUTY = frozenset(
    ("组织部", "组织人", "组织者", "组织机", "组织、", "组织和", "组织等", "组织及")
)
