"""What one clause carries to the next or within itself: the level of a list, the subject.

``省科技厅、工业和信息化厅`` → 省工业和信息化厅 (the level of the first name carries to a bare
local organ after it); ``海关总署要…。要继续促进…`` (a clause that opens with 要 and names no
subject goes on with the last clause's subject).
"""

from __future__ import annotations

import regex

from policy_parser.bodies.found import Found
from policy_parser.bodies.names import suffixes
from policy_parser.models import Role
from policy_parser.wordlists import one_of, words

# A provincial or municipal organ written without its level after one written with it:
# 省科技厅、工业和信息化厅 → 省工业和信息化厅; 市发展改革委、财政局 → 市财政局.
# A name opening with a province or a city with its own regulators is no bare local organ:
# 市规划资源局、上海银保监局.
_PROVINCES = one_of([*words("provinces", "short"), *words("provinces", "regulator_city")])
_NOT_LEVEL_NEXT = frozenset("级场辖民内外")  # 省级…, 市场…, 市辖区 open with no level

# The local organ itself: no level, no place, no central or generic opening, a local ending.
_BARE_LOCAL = regex.compile(
    rf"^(?!各|有关|相关|国家|国务院|中国|中央|全国|{_PROVINCES})(?:市场|[^省市区县州盟旗国]){{1,10}}"
    rf"(?<!总){one_of(suffixes('local_end'))}$"
)

_NOT_BARE_FIRST = frozenset("省市区县州盟旗国各有相中全")


def _carry_level(clause: str, found: list[Found]) -> list[Found]:
    """Give a bare local organ in a 、 list the level of the name before it.

    ``省科技厅、财政厅`` → 省科技厅, 省财政厅; ``市发展改革委、财政局`` → 市财政局.
    """
    for f in found:  # cheap test first: a name after 、 that opens with no level or place
        if f.start and clause[f.start - 1] == "、" and f.name[0] not in _NOT_BARE_FIRST:
            break
    else:
        return found
    level_at: dict[int, str] = {}  # end offset of a name written with a level → the level
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if f.name[0] in "省市" and f.name[1:2] not in _NOT_LEVEL_NEXT:
            level_at[f.end] = f.name[0]
        elif f.start and clause[f.start - 1] == "、" and _BARE_LOCAL.match(f.name):
            level = level_at.get(f.start - 1)
            if level is not None and (level == "省" or not f.name.endswith("厅")):
                f = f._replace(name=level + f.name)
                level_at[f.end] = level
        out.append(f)
    return out


_OBLIGED = (Role.RESPONSIBLE, Role.LEAD)

# A clause that opens with a modal and names no subject: 要…, 同时要…, 还应当….
_CARRY = regex.compile(
    r"\s*(?:同时[，,]?)?(?:还|并|也|更)?(?P<modal>应当|必须|要(?![求素点件闻害员])|应(?![急用对收付]))"
    r"(?:[\u4e00-\u9fff]{0,4}?(?P<with>会同))?"
)

_CARRY_FIRST = frozenset("同还并也更应必要")  # a cheap test before _CARRY

_LIST_GAP = frozenset(("", "、", "和", "及", "与", "以及"))


def _opening_subject(masked: str, free: list[Found]) -> tuple[str, ...]:
    """Return the obliged subject a clause opens with (海关总署、商务部要…), if any."""
    lead = len(masked) - len(masked.lstrip()) if masked[:1].isspace() else 0
    for f in free:
        if f.start == lead and f.role in _OBLIGED:
            break
    else:
        return ()  # the common case: the clause does not open with its subject
    names: list[str] = []
    end = -1
    # (Most clauses name one body: nothing to sort.)
    for f in free if len(free) == 1 else sorted(free, key=lambda f: (f.start, f.end)):
        if f.role not in _OBLIGED or f.start < lead:
            continue
        if end >= 0 and masked[end : f.start] not in _LIST_GAP:
            break
        if f.name not in names:
            names.append(f.name)
        end = max(end, f.end)
    return tuple(names)


def _carried_subject(masked: str, subject: tuple[str, ...], found: list[Found]) -> list[Found]:
    """The last clause's subject, for a clause that opens with a modal and names none.

    ``中国石油集团公司要深化改革。要对成员企业进行改建。``: the second clause goes on with
    the first one's subject (lead with ``要会同…``); not when the clause obliges a body itself.
    """
    if not (masked[:1] in _CARRY_FIRST or masked[:1].isspace()):
        return []
    if any(f.role in _OBLIGED for f in found):
        return []
    carry = _CARRY.match(masked)
    if carry is None:
        return []
    role = Role.LEAD if carry.group("with") else Role.RESPONSIBLE
    a, b = carry.span("modal")
    return [Found(name, role, a, b) for name in subject]
