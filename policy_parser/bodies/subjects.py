"""Obliged subjects: the bodies before a modal or role verb, the addressee of 请, the agent of 由.

``高等院校、科研机构要…`` (responsible), ``市应急局牵头，市公安局参加`` (lead, cooperate),
``X会同Y…`` (X lead, Y cooperate), ``请各区县政府…`` (responsible), ``由公安部统一制定``
(responsible). ``starts_with_subject`` tells ``clauses`` where a ``；`` opens a new subject.
"""

from __future__ import annotations

import functools
import re

import regex

from policy_parser.bodies.found import Found, _Name
from policy_parser.bodies.frames import condition_cuts, is_modifier, strip_adverbial
from policy_parser.bodies.lists import _field_names, _forward, _shared_head, _split_list
from policy_parser.bodies.masking import _HAN_CHAR, _MASK, _groups, _masked
from policy_parser.bodies.names import (
    _ADVERBS,
    _BARE_NAMES,
    _HAN,
    _LEVELS,
    role_verbs,
    suffixes,
)
from policy_parser.bodies.patterns import _end_chars, _patterns, is_body_name
from policy_parser.models import Role
from policy_parser.wordlists import lexicon, one_of

# What may stand before a subject: 由X负责, 请X…, 以X为牵头单位, 邀请/组织X参加….
_SUBJECT_LEAD = regex.compile(
    r"\s*(?:(?:法定)?节假日(?:期间)?|每年|每季度|每月|每周|每日|今后|届时|此后)?"
    rf"(?:{_LEVELS}(?:、{_LEVELS})*的)?"
    # 带动 is no invitation: 带动社会力量参与科普 gives no body (the force is only drawn in).
    r"(?:由|请|以|邀请|动员|组织(?!部)|发动|同时|其中|并且|并|此外|另外|特别是|尤其是"
    r"|而且|而)?"
)

_PHRASE_BREAK = regex.compile(r"[，,。；;：:□]")

# What may stand glued before a subject that opens with an organ name (a run-in heading:
# 加强信息引导工业和信息化部…会同…), unless it governs the name: 对/向/与…市政府, 配合市公安局.
_GOVERNS = regex.compile(
    r"(?:[对向与和及同给把被将在从的由以为请跟该其]|会同|配合|协助|参与|参加|负责|牵头|商|经|报)$"
)

# 煤炭工业协会在发展改革委指导下做好…: the body acts under another's guidance.
_UNDER = regex.compile(
    r"在[^，,。；;：:□]{1,24}?(?:的)?(?:统一)?(?:指导|领导|统筹|协调|组织|监督|帮助|支持|主持)下$"
)


def _subject_names(span: str, offset: int, modified: bool = False) -> list[_Name]:
    """Names of a subject span (the text before 要/应当/负责…), or [] when it is no subject.

    A gloss in brackets after the names (``学会、协会等（以下统称社团）应当…``, masked) and an
    adverbial before the verb (``市文旅委依照有关规定牵头``) are no part of the subject; with
    ``modified``, neither is a 的-modifier before the names (``承担任务的科研院所应当…``).
    """
    span = span.rstrip().rstrip(_MASK)
    if span.endswith("下"):
        under = _UNDER.search(span)
        if under is not None:
            span = span[: under.start()].rstrip()
    span = strip_adverbial(span)
    if not span or span[-1] not in _end_chars():
        return []  # no name, level word or adverb ends so: most spans stop here
    names = _span_names(span)
    if not names and modified and "的" in span and is_modifier(span[: span.rindex("的") + 1]):
        # 承担任务的科研院所应当…: a 的-modifier before the names is no part of them (only
        # right before the verb: across a comma the 的 may belong to an object). A population
        # so modified states a condition, not a duty: 申请补贴的人才应当符合….
        cut = span.rindex("的") + 1
        names = tuple(
            _Name(n.name, n.start + cut, n.end + cut)
            for n in _span_names(span[cut:])
            if lexicon().get(n.name) != "people"
        )
    return [_Name(n.name, n.start + offset, n.end + offset) for n in names]


@functools.lru_cache(maxsize=4096)
def _span_names(span: str) -> tuple[_Name, ...]:
    """The names of a subject span, offsets into ``span``; see :func:`_subject_names`.

    Cached: a document repeats its subjects (市科技局要…, 各区要…), and the subject pattern
    is the costliest match of a clause.
    """
    lead = _SUBJECT_LEAD.match(span)
    skip = lead.end() if lead else 0
    pats = _patterns()
    m = pats["subject"].fullmatch(span, skip)
    if m is None and "由" in span[skip:]:
        # 本预案由国务院办公厅负责解释: the body follows 由.
        m = pats["subject"].fullmatch(span, span.rindex("由") + 1)
    if m is None and "等" in span:
        cats = pats["categories"].fullmatch(span, skip)
        if cats is not None:
            return tuple(_field_names(cats, 0))
    if m is None and "、" in span:
        shared = _shared_head(span, skip, 0)
        if shared:
            return tuple(shared)
    if m is None and len(span) - skip > 3 and not _PHRASE_BREAK.search(span):
        # A run-in heading glued to the subject: 加强信息引导工业和信息化部、国土资源部会同….
        # Only an organ of the lexicon or a 各-list (各区要…) opens such a subject, and only
        # where nothing before it governs it.
        for o in pats["organ"].finditer(span, skip + 1):
            before = span[skip : o.start()]
            if _HAN_CHAR.match(before[-1]) and not _GOVERNS.search(before):
                m = pats["subject"].fullmatch(span, o.start())
                if m is not None:
                    break
    if m is None:
        return ()
    return tuple(_split_list(m))


def starts_with_subject(text: str) -> bool:
    """Return whether a clause part opens with its own subject (``各类媒体要…``).

    ``split_clauses`` cuts at ``；`` only where the next part does.

    Args:
        text: The text after a ``；``.

    Returns:
        True when a body list stands before a modal or role verb in the first phrase.
    """
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    masked = _masked(stripped, _groups(stripped))
    for m in _VERB.finditer(masked):
        if _PHRASE_BREAK.search(masked, 0, m.start()):
            return False  # the first phrase has no subject; a later one is not this part's
        if _subject_names(masked[: m.start()], offset):
            return True
    return False


# The characters a role verb below opens with: the written branches and the words of
# data/role_verbs.txt.
_VERB_FIRST = "".join(
    sorted(
        {
            *"按分总负归要应必须牵会作为是商",
            *(w[0] for w in role_verbs("responsible", "subject")),
            *(w[0] for w in role_verbs("cooperate", "subject")),
        }
    )
)

# Role verbs after a subject.  要 and 应 are modal only when not part of 主要/重要/需要/
# 要求/应用/适应/应急…; the subject check then weeds out the rest.
# The stdlib engine, behind a look-ahead for the class of first characters: it then skips
# the many characters that open no verb in C, and scans a clause in two thirds of the time
# the regex module takes (no branch needs a feature of the regex module).
_VERB = re.compile(
    rf"(?=[{re.escape(_VERB_FIRST)}])"
    r"(?:(?P<resp>按职责分工负责|分别负责|总负责|负总责|归口管理|归口负责|负责(?!人|同志)"
    r"|(?<![主重需只必纪摘提])要(?![求素点件闻害])"
    # 应对 is 'cope with', but 应对接/应对照/应对标 are 应 + a verb.
    r"|应当|(?<![适相响对供反效])应(?![用急届该有]|对(?![接照标]))|必须|须"
    # A prohibition obliges the body before it: 企业不得…, 经营者严禁….
    rf"|{one_of(role_verbs('responsible', 'subject'))})"
    r"|(?P<lead>牵头(?!单位|部门|医院|处室|机构|作用|职责|工作|抓总))|(?P<with>会同)"
    rf"|(?P<coop>{one_of(role_verbs('cooperate', 'subject'))})"
    # X为联席会议牵头单位, X作为责任主体, X为配合单位.
    rf"|(?:作为|为|是)[{_HAN}]{{0,12}}?(?:(?P<lead_as>牵头(?:单位|部门))"
    r"|(?P<resp_as>责任(?:单位|部门|主体))|(?P<coop_as>配合(?:单位|部门)))"
    # 由X商Y确定: X consults Y (read like 会同; only after 由 or 请, see _free_text).
    rf"|(?<=[{_HAN}])(?P<shang>商)(?![务会业品标户场铺贸量报讨议定榷洽谈请城家圈界号检事人贩超]))"
)

_ROLES = {
    "resp": Role.RESPONSIBLE,
    "resp_as": Role.RESPONSIBLE,
    "lead": Role.LEAD,
    "lead_as": Role.LEAD,
    "with": Role.LEAD,
    "shang": Role.LEAD,
    "coop": Role.COOPERATE,
    "coop_as": Role.COOPERATE,
}

# 请各地…报送, 请冶金部商有关部门…: the addressee of 请 is responsible.
_PLEASE = regex.compile(r"(?:(?<=^|[，,。；;：:□\s])(?:并|现|特|另)?)请(?![示求教假柬])")

_RESP_VERB = frozenset(("负责", "负总责", "总负责"))

_NOT_ADDRESSEE = regex.compile(r"及时|尽快|认真|抓紧|切实|务必|报告|报送|按照|根据|结合|做好|加强")

_CLAUSE_END = regex.compile(r"[，,。；;！!]|$")

_LAST_PHRASE_END = regex.compile(r"(?r)[，,。；;：:！？!?□\s]")

# 由公安部统一制定, 由市人民政府举行仪式: the agent after a phrase-initial 由 does the work.
_BY = regex.compile(r"(?<=^|[，,。；;：:□\s])由(?![于此其])")

_NOT_AGENT_ACT = r"(?!组成|构成|共同组成|的|之|主要负责同志|主要|负责同志|领导同志|担任|兼任)"
_BY_AFTER = regex.compile(rf"{_NOT_AGENT_ACT}(?:{_ADVERBS})*{_NOT_AGENT_ACT}[{_HAN}]")


def _agents(masked: str) -> list[_Name]:
    """Organs named after a phrase-initial 由 and followed by a verb (not 由X组成)."""
    out: list[_Name] = []
    for m in _BY.finditer(masked):
        named = _forward(masked, m.end(), "with")
        if not named or named[0].start != m.end():
            continue
        if _BY_AFTER.match(masked, named[-1].end) is None:
            continue
        out += [n for n in named if n.name not in _BARE_NAMES and _organ_like(n.name)]
    return out


# Names an administration gives duties to; 企业开展研发活动，给予补贴 names a beneficiary.
_ORGAN_END = regex.compile(rf"{one_of(suffixes('organ_end'))}$")


def _organ_like(name: str) -> bool:
    """Return whether a name is an organ that is given duties, not a beneficiary.

    ``市科技局``, ``各区政府``, ``有关部门`` are; ``企业`` (企业开展研发活动，给予补贴) is not.
    """
    kind = lexicon().get(name)
    if kind is not None:
        return kind == "organ" or (
            kind == "generic" and (name.startswith("各") or _ORGAN_END.search(name) is not None)
        )
    return _ORGAN_END.search(name) is not None and is_body_name(name)


def _phrase_start(masked: str, pos: int) -> int:
    """Return where the phrase holding ``pos`` starts (after the last punctuation before it)."""
    last = _LAST_PHRASE_END.search(masked, 0, pos)  # a reverse search from pos
    return last.end() if last else 0


def _addressees(masked: str, please: list[regex.Match[str]]) -> list[Found]:
    """The addressees of 请 (``请各区县政府…``): responsible."""
    found: list[Found] = []
    for m in please:
        named = _forward(masked, m.end())
        # Only the list standing right after 请 is its addressee: 请及时报告国家发展改革委 asks
        # someone unnamed to report to the commission.
        if not named or named[0].start != m.end() or _NOT_ADDRESSEE.match(named[0].name):
            continue
        found += [Found(n.name, Role.RESPONSIBLE, n.start, n.end) for n in named]
    return found


_MODAL_END = regex.compile(r"(?:要|应当|应|必须|须)$")
_MORE_COOP = regex.compile(rf"[、和及]{one_of(role_verbs('cooperate', 'subject'))}")


def _partner_named(masked: str, span: str, pos: int) -> bool:
    """Return whether ``X要配合Y`` obliges X: a modal before 配合 and a body named after it.

    ``市教委要配合市科协做好宣传`` gives 市教委 a duty of its own (responsible); 市科协 is only
    the partner it works with and gets no role (also after ``协助、配合``).
    ``街道要协助做好排查`` names no partner:
    the street office cooperates.
    """
    if _MODAL_END.search(span.rstrip()) is None:
        return False
    more = _MORE_COOP.match(masked, pos)  # 应当协助、配合Y
    pos = more.end() if more else pos
    named = _forward(masked, pos, "with")
    return bool(named) and named[0].start == pos


def _names_before(masked: str, start: int, kind: str) -> list[_Name]:
    """The subject of a verb that opens its phrase, read before the break.

    ``工会、共青团以及企业事业单位，应当…``: the subject before the comma; ``学会、协会等（以下统称
    社团）应当…``: the subject before a masked gloss; ``各学校在活动中发现问题的，应当报告``: the
    subject before a condition closed by 的 (modals only).
    """
    brk = start - 1
    if masked[brk] == _MASK:
        while brk > 0 and masked[brk - 1] == _MASK:
            brk -= 1
        prev = _phrase_start(masked, brk)
        return _subject_names(masked[prev:brk], prev)
    if masked[brk] not in "，,":
        return []
    prev = _phrase_start(masked, brk)
    phrase = masked[prev:brk]
    names = _subject_names(phrase, prev)
    if not names and kind == "resp":
        for cut in condition_cuts(phrase):
            names = _subject_names(phrase[:cut], prev)
            if names:
                break
    return names


def _verb_bodies(masked: str, verbs: list[re.Match[str]]) -> list[tuple[Found, bool]]:
    """The bodies each role verb gives a role, in text order of the verbs.

    ``市科协要…`` (responsible), ``市应急局牵头`` (lead), ``市公安局配合`` (cooperate): the subject
    before the verb, flagged True; ``X会同Y…``: Y after the verb cooperates, flagged False.
    """
    out: list[tuple[Found, bool]] = []
    for m in verbs:
        start = _phrase_start(masked, m.start())
        span = masked[start : m.start()]
        kind = m.lastgroup or ""
        if kind == "shang" and "由" not in span and "请" not in span:
            continue
        names = _subject_names(span, start, modified=True)
        if not names and start > 0 and not strip_adverbial(span.rstrip()):
            names = _names_before(masked, start, kind)
        if (
            not names
            and m.group() in _RESP_VERB
            and "对" in span
            and _CLAUSE_END.match(masked, m.end())
        ):
            # 有关地方政府对本地区的管理负总责。: the subject stands before 对 (not in
            # 对直接负责的主管人员, where 负责 is no verb of the clause).
            names = _subject_names(span[: span.index("对")], start)
        role = _ROLES.get(kind, Role.LEAD)
        if kind == "coop" and names and _partner_named(masked, span, m.end()):
            role = Role.RESPONSIBLE
        out += [(Found(n.name, role, n.start, n.end), True) for n in names]
        if kind == "with" or (kind == "shang" and names):
            # X会同Y…: Y cooperates (also when X is carried from an earlier sentence).
            out += [
                (Found(n.name, Role.COOPERATE, n.start, n.end), False)
                for n in _forward(masked, m.end(), "with")
            ]
    return out
