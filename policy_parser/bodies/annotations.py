"""Responsibility annotations, read with ``grammars/annotation.lark`` over name tokens.

``（财政部牵头，国务院相关部门及各地区按职责分工负责）``, ``（负责部门：人社部、商务部）`` and
field lines (``责任单位：市科协  参加单位：市教委``) are cut here into NAME, LABEL, role-word
and delimiter tokens, and lark's LALR parser reads the token list; a part the grammar does not
cover is read on its own.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import regex
from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from policy_parser.bodies.found import Found, _Name
from policy_parser.bodies.lists import _LEAD_MARK_END, _lead_marked, _unglossed
from policy_parser.bodies.names import _ADVERBS, _BARE_NAMES, _HAN, role_verbs
from policy_parser.bodies.patterns import _patterns
from policy_parser.bodies.rules import _NO_SUBJECT, _PERSIST, _RULE, ReadingRules
from policy_parser.grammar import token_parser
from policy_parser.models import Role
from policy_parser.wordlists import one_of, words

# 由X负责, also after an adverb: （具体由市科协负责）.
_YOU_LEAD = regex.compile(rf"\s*(?:{_ADVERBS})*由")

_LABELS = {
    role: one_of(words("role_labels", role)) for role in ("lead", "cooperate", "responsible")
}

# 责任单位：X, and 【责任单位】X with the label in lenticular brackets.
_LABEL = regex.compile(
    "|".join(rf"【?(?P<{k}>(?:{v}))(?:\s*[：:]|】[：:]?)" for k, v in _LABELS.items())
)

_LABEL_WORD = regex.compile("|".join(f"(?:{v})" for v in _LABELS.values()))

_OTHER_LABEL = regex.compile(rf"[{_HAN}]{{2,8}}[：:]")

# Field labels that may follow a name with no delimiter: 责任单位：市水务局完成时限：2024年底.
_FIELD_LABEL = regex.compile(rf"{one_of(words('field_labels'))}[：:]")

_KEYWORD = regex.compile(
    r"(?P<_RESP>(?:结合(?:本地)?实际|因地制宜)(?:负责)?落实|按职责分工负责|按职责负责|分别负责|共同负责|负责落实|具体负责|负责|组织实施|落实)"
    r"|(?P<_LEAD>牵头)|(?P<_HUITONG>会同)"
    rf"|(?P<_GUIDE>{one_of(role_verbs('responsible', 'guide'))})"
    rf"|(?P<_COOP>{one_of(role_verbs('cooperate', 'annotation'))})"
)

_LABEL_RESP = regex.compile(r"(?:按职责分工|按职责|分别|共同)?负责\s*$")

_DELIMS = regex.compile(r"[，,；;。]")

_FIELD_DELIMS = regex.compile(r"[，,；;。\s]")


def _parser() -> Lark:
    return token_parser("annotation.lark")


def _tok(kind: str, value: str, start: int, end: int) -> Token:
    return Token(kind, value, start_pos=start, end_pos=end)


def _name_tokens(text: str, start: int, end: int) -> list[Token] | None:
    """Split a name chunk into NAME/_SEP/_DENG tokens, or None when it is not a name list."""
    chunk = text[start:end]
    lstrip = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if not chunk:
        return []
    base = start + lstrip
    m = _patterns()["annotation"].fullmatch(chunk)
    if m is None:
        return None
    tokens: list[Token] = []
    pos = 0
    for s, e in zip(m.starts("n"), m.ends("n"), strict=True):
        if s > pos:
            sep = chunk[pos:s]
            tokens.append(_tok("_DENG" if sep == "等" else "_SEP", sep, base + pos, base + s))
        name = _unglossed(chunk[s:e], base + s, base + e)
        tokens.append(_tok("NAME", name.name, name.start, name.end))
        pos = e
    if m.group("deng"):
        tokens.append(_tok("_DENG", "等", base + pos, base + pos + 1))
    return tokens


def _tokens(text: str, start: int, end: int, field_line: bool) -> list[Token]:
    """Cut an annotation body ``text[start:end]`` into grammar tokens."""
    tokens: list[Token] = []
    # (start, end) of each part; a part after a delimiter character starts one past it, a
    # part opened by a label written without one (牵头单位：X 配合单位：Y, 牵头单位：X配合单位：Y)
    # starts at the label.
    parts: list[tuple[int, int]] = []
    depth = 0
    cut = start
    delims = _FIELD_DELIMS if field_line else _DELIMS
    labels = {m.start() for m in _LABEL.finditer(text, start, end)}
    labels.update(m.start() for m in _FIELD_LABEL.finditer(text, start, end))
    for i in range(start, end):
        ch = text[i]
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕":
            depth -= 1
        elif depth == 0 and delims.match(ch):
            parts.append((cut, i))
            cut = i + 1
        elif depth == 0 and i in labels and text[cut:i].strip():
            parts.append((cut, i))
            cut = i
    parts.append((cut, end))
    for n, (ps, pe) in enumerate(parts):
        if n:
            prev_end = parts[n - 1][1]
            tokens.append(_tok("_DELIM", text[prev_end:ps], prev_end, ps))
        tokens.extend(_part_tokens(text, ps, pe))
    return tokens


_BARE_REST = [[w] for w in _BARE_NAMES]


def _part_tokens(text: str, start: int, end: int) -> list[Token]:
    """Cut one part of an annotation into tokens: 由X牵头, 责任单位：X, Y负责."""
    part = text[start:end]
    if not part.strip():
        return []
    if _RULE.fullmatch(part.strip()) or part.strip() in ("下同", "以下同"):
        return [_tok("_RULE", part, start, end)]
    label = _LABEL.match(part.lstrip())
    if label:
        at = start + len(part) - len(part.lstrip())
        names = _name_tokens(text, at + label.end(), end)
        resp = _LABEL_RESP.search(text, at + label.end(), end)
        if names is None and resp is not None:
            # 牵头单位：省经信厅、省科技厅按职责分工负责 — the label gives the role
            names = _name_tokens(text, at + label.end(), resp.start())
        kind = label.lastgroup or "responsible"
        lab = _tok("LABEL", kind, at, at + label.end())
        return [lab, *names] if names is not None else [_tok("_TEXT", part, start, end)]
    if _OTHER_LABEL.match(part.lstrip()):
        return [_tok("_TEXT", part, start, end)]
    tokens: list[Token] = []
    pos = start
    lead = _YOU_LEAD.match(part)
    if lead:
        tokens.append(_tok("_YOU", "由", start + lead.end() - 1, start + lead.end()))
        pos = start + lead.end()
    for m in _KEYWORD.finditer(text, pos, end):
        names = _name_tokens(text, pos, m.start())
        if names is None:
            return [_tok("_TEXT", part, start, end)]
        tokens.extend(names)
        tokens.append(_tok(m.lastgroup or "_RESP", m.group(), m.start(), m.end()))
        pos = m.end()
    rest = _name_tokens(text, pos, end)
    if (
        tokens
        and tokens[-1].type != "NAME"
        and (rest is None or [str(t) for t in rest] in _BARE_REST)
    ):
        # 由市科协负责组织, 市教委牵头推进: the task's verb after the role word names nobody
        # (组织 there is no bare category).
        rest = []
    if rest is None:
        return [_tok("_TEXT", part, start, end)]
    tokens.extend(rest)
    return tokens


def _names_of(tree: Tree[Token] | Token) -> list[_Name]:
    """The NAME tokens of a parsed part, as names with their offsets."""
    if isinstance(tree, Token):
        return []
    return [
        _Name(str(t), t.start_pos or 0, t.end_pos or 0)
        for t in tree.scan_values(lambda v: isinstance(v, Token) and v.type == "NAME")
    ]


def _annotation(
    text: str, start: int, end: int, rules: ReadingRules, field_line: bool = False
) -> tuple[list[Found], ReadingRules]:
    """Read one annotation ``text[start:end]`` (without its brackets)."""
    # The cache key holds the annotation's reading rule only, not the carried subject.
    found, read = _read_annotation(
        text[start:end], _NO_SUBJECT[rules.first_listed_leads], field_line
    )
    if read.first_listed_leads != rules.first_listed_leads:
        rules = replace(rules, first_listed_leads=read.first_listed_leads)
    return [Found(f.name, f.role, f.start + start, f.end + start) for f in found], rules


@functools.lru_cache(maxsize=4096)
def _read_annotation(
    body: str, rules: ReadingRules, field_line: bool
) -> tuple[tuple[Found, ...], ReadingRules]:
    """Read an annotation body; offsets index ``body``.

    Cached: a plan repeats the same annotation (``（人力资源社会保障部牵头，国务院相关部门及各地区
    按职责分工负责）``) item after item, and the lark parse is the costliest step of a clause.
    """
    rule = _RULE.search(body)
    first_leads = rules.first_listed_leads or rule is not None
    if rule is not None and _PERSIST.search(body):
        rules = replace(rules, first_listed_leads=True)
    tokens = _tokens(body, 0, len(body), field_line)
    try:
        tree = _parser().parse(tokens)  # a token list, see _TokenLexer
    except LarkError:
        # An annotation the grammar does not cover: read its parts one by one.
        parts = _annotation_parts(body, 0, len(body), rules, first_leads, field_line)
        return tuple(parts), rules
    return tuple(_read_tree(tree, first_leads)), rules


def _annotation_parts(
    text: str, start: int, end: int, rules: ReadingRules, first_leads: bool, field_line: bool
) -> list[Found]:
    """Read each part of an annotation the grammar does not cover on its own.

    ``（市科协牵头，具体事项另行通知）`` still gives 市科协 lead: only the parts that read are kept.
    """
    found: list[Found] = []
    cut = start
    for i in [*[m.start() for m in _DELIMS.finditer(text, start, end)], end]:
        try:
            tree = _parser().parse(_part_tokens(text, cut, i))
        except LarkError:
            cut = i + 1
            continue
        found.extend(_read_tree(tree, first_leads))
        cut = i + 1
    return found


def _read_tree(tree: Tree[Token], first_leads: bool) -> list[Found]:
    """Give the names of a parsed annotation their roles.

    ``由A牵头`` → A lead, ``B负责`` → B responsible, ``A会同B`` → A lead and B cooperate; a label's
    role runs on over the bare lists after it (``配合单位：A，B``).
    """
    found: list[Found] = []
    label_role: Role | None = None
    has_lead = any(
        isinstance(p, Tree)
        and (
            p.data in ("lead", "jointly")
            or (p.data == "labeled" and p.children and str(p.children[0]) == "lead")
        )
        for p in tree.children
    ) or any(_LEAD_MARK_END.search(n.name) for n in _names_of(tree))
    first_done = False
    pending: list[_Name] = []
    for part in tree.children:
        if not isinstance(part, Tree):
            continue
        kind = str(part.data)
        names = _names_of(part)
        if kind == "jointly":
            left = _names_of(part.children[0])
            found += [Found(n.name, Role.LEAD, n.start, n.end) for n in left]
            found += [Found(n.name, Role.COOPERATE, n.start, n.end) for n in names[len(left) :]]
            continue
        # 等单位 after a list labels it and is no body: 省国资委等单位按职责分工负责.
        names = [n for n in names if n.name not in _BARE_NAMES]
        if kind == "labeled":
            label_role = Role(str(part.children[0]))
            role: Role | None = label_role
        elif kind == "bare":
            role = label_role  # 配合单位：市委组织部，各区、县级市 — the list runs on
        elif kind in ("lead", "responsible", "cooperate"):
            role = Role(kind)
            label_role = None
            if kind != "lead":
                # 省发展改革委、商务厅，省税务局按职责分工负责: a group with no role of its
                # own before '，' shares the role of the group after it.
                names = pending + names
        else:
            if kind == "other":
                label_role = None  # a label whose value is no name list ends the list
            pending = []
            continue
        held, pending = pending, []
        if role is None:
            # 市科协，市教委、市科技局，各区负责: every group before the role shares it.
            pending = held + names
            continue
        for i, n in enumerate(names):
            r = role
            if first_leads and not has_lead and role is Role.RESPONSIBLE and not first_done:
                r = Role.LEAD if i == 0 else role
            found.append(Found(n.name, r, n.start, n.end))
        if role is Role.RESPONSIBLE and names:
            first_done = True
    return [_lead_marked(f) for f in found]
