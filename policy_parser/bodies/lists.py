"""Name lists: a list match cut into names, shared suffixes and heads distributed.

``市、区县（自治县）人民政府`` → 市人民政府, 区县（自治县）人民政府; ``煤炭、电力行业协会`` →
煤炭行业协会, 电力行业协会; ``教育、卫生等部门`` → 教育部门, 卫生部门; and the forward reading of
a list after a verb (``会同市财政局、市教委…``, ``鼓励企业、高校…``).
"""

from __future__ import annotations

import regex

from policy_parser.bodies.found import Found, _Name
from policy_parser.bodies.names import (
    _BARE_NAMES,
    _CATEGORY_END,
    _HAN,
    _LEAD_MARK,
    _LEVEL_FIRST,
    _NOT_ENDINGS,
    _NOT_NAMES,
    _OBJECT_VERB,
    _PLACE_TAILS,
    _core,
    suffixes,
)
from policy_parser.bodies.patterns import _PLACE, _patterns, is_body_name
from policy_parser.models import Role
from policy_parser.wordlists import lexicon, one_of

# A level and a district joined by 和/及 share the category after them: 市和浦东新区商务部门.
_LEVEL_AND_PLACE = regex.compile(
    rf"(?P<level>[省市])(?:和|及)(?P<place>[{_HAN}]{{0,4}}?(?:新区|区县|区|县))"
    rf"(?P<rest>[{_HAN}]{{2,8}}{one_of(suffixes('joint_split'))})"
)


def _split_list(m: regex.Match[str]) -> list[_Name]:
    """Turn a name-list match into names, distributing a shared suffix over level words.

    ``市、区县（自治县）人民政府`` → ``市人民政府``, ``区县（自治县）人民政府``: a bare level word
    takes the suffix of the last name; without one it is dropped (``市`` alone is no body).
    """
    items = [
        _unglossed(m.string[s:e], s, e) for s, e in zip(m.starts("n"), m.ends("n"), strict=True)
    ]
    levels = _patterns()["level"]
    out: list[_Name] = []
    for i, item in enumerate(items):
        if item is not items[-1] and item.name[:1] in _LEVEL_FIRST and levels.fullmatch(item.name):
            # The shared part is what follows the level word of the next name that is more
            # than a level word: 区县（自治县）人民政府 → 人民政府, 区有关部门 → 有关部门;
            # 县、市、旗公安局或者城市公安分局 → 公安局 (not the head of the last name).
            head = next((h for h in items[i + 1 :] if not levels.fullmatch(h.name)), items[-1])
            lead = levels.match(head.name)
            shared = head.name[lead.end() :] if lead and lead.end() < len(head.name) else ""
            if item.name in lexicon() and m.string[item.end : item.end + 1] != "、":
                out.append(item)  # 各区及市有关部门: 各区 is a name of its own
            elif shared:
                out.append(_Name(item.name + shared, item.start, head.end))
            elif item.name in lexicon():
                out.append(item)  # 乡镇（街道）、村（社区）
            continue
        joint = (
            _LEVEL_AND_PLACE.fullmatch(item.name)
            if item.name[1:2] in ("和", "及") and item.name[0] in "省市"
            else None
        )
        if joint is not None:
            # 市和浦东新区商务部门 → 市商务部门, 浦东新区商务部门
            level, place, rest = joint.group("level", "place", "rest")
            out.append(_Name(level + rest, item.start, item.end))
            out.append(_Name(place + rest, joint.start("place") + item.start, item.end))
            continue
        if item.name.endswith(_PLACE_TAILS) and is_body_name(item.name[:-2]):
            item = _Name(item.name[:-2], item.start, item.end - 2)  # 省电力公司内部 → 省电力公司
        if _core(item.name) in _NOT_NAMES or item.name.endswith(_NOT_ENDINGS):
            continue
        if item.name in _BARE_NAMES and item.start and m.string[item.start - 1] in _LIST_MARKS:
            continue  # 行业协会等单位: the bare category labels the list
        out.append(item)
    return out


_LIST_MARKS = frozenset("等、和及与或")

_LEAD_MARK_END = regex.compile(rf"{_LEAD_MARK}$")


def _lead_marked(f: Found) -> Found:
    """市发展改革委（牵头） in an annotation list: the body leads; the mark is no part of it."""
    mark = _LEAD_MARK_END.search(f.name) if f.name[-1] in "）)〕" else None
    if mark is None:
        return f
    return Found(f.name[: mark.start()], Role.LEAD, f.start, f.end - (len(f.name) - mark.start()))


# A bracketed category after a name glosses it and is no second name: 国务院有关部门（单位）.
_GLOSS = regex.compile(rf"[（(]{one_of(suffixes('gloss'))}[）)]$")


def _unglossed(name: str, start: int, end: int) -> _Name:
    """Drop a bracketed category glossing a name: 国务院有关部门（单位） → 国务院有关部门."""
    gloss = _GLOSS.search(name) if name[-1] in "）)" else None
    if gloss is None:
        return _Name(name, start, end)
    return _Name(name[: gloss.start()], start, end - (len(name) - gloss.start()))


def _field_names(m: regex.Match[str], offset: int) -> list[_Name]:
    """教育、卫生等部门 → 教育部门, 卫生部门 (each field takes the category)."""
    cat = m.group("cat")
    end = m.end("cat") + offset
    return [
        _Name(f + cat, s + offset, end) for f, s in zip(m.captures("f"), m.starts("f"), strict=True)
    ]


# Heads a list of fields shares (the leftmost, hence longest, is taken): 煤炭、电力行业协会,
# 国土资源、住房城乡建设部门.
_SHARED_HEAD = regex.compile(rf"{one_of(suffixes('shared_head'))}$")


def _shared_head(span: str, skip: int, offset: int) -> list[_Name]:
    """煤炭、电力行业协会 → 煤炭行业协会, 电力行业协会: fields share the head of the last name.

    The head is a category word ending the name after the fields (行业协会, 部门, 机构 …);
    no field may be a name itself (市财政局、教育部门 are two names).
    """
    pats = _patterns()
    fields = pats["fields"].match(span, skip)
    if fields is None:
        return []
    rest = pats["subject"].fullmatch(span, fields.end())
    if rest is None:
        return []
    caps = fields.captures("f")
    if any(is_body_name(f) or f in lexicon() or pats["level"].fullmatch(f) for f in caps):
        return []
    tail = _split_list(rest)
    if not tail or tail[0].start != fields.end():
        return []
    first = tail[0]
    cat = _SHARED_HEAD.search(first.name, 2)
    if cat is None:
        return []
    head = cat.group()
    starts = fields.starts("f")
    out = [
        _Name(f + head, s + offset, first.end + offset) for f, s in zip(caps, starts, strict=True)
    ]
    return out + [_Name(n.name, n.start + offset, n.end + offset) for n in tail]


def _forward(masked: str, pos: int, pattern: str = "forward") -> list[_Name]:
    """Return the names read forward from ``pos``, after 请, 会同, 由 or an incentive verb.

    ``会同市财政局、市教委加强…`` → 市财政局, 市教委 (``pattern`` ``"with"``: the list ends at a
    verb); ``鼓励企业结合实际…`` → 企业 (``"forward"``).
    """
    pats = _patterns()
    fields = None
    if pattern == "with" and "、" in masked[pos + 2 : pos + 9]:
        fields = pats["fields"].match(masked, pos)
    m = pats[pattern].match(masked, fields.end() if fields else pos)
    if m is None and fields is not None:
        fields = None
        m = pats[pattern].match(masked, pos)
    if m is None and pattern == "forward":
        m = pats["compound"].match(masked, pos)  # 鼓励金融科技企业加大投入
    if m is None:
        return []
    out: list[_Name] = []
    if fields is not None:
        first = m.string[m.starts("n")[0] : m.ends("n")[0]]
        cat = _CATEGORY_END.search(first)
        if cat is None or any(is_body_name(f) for f in fields.captures("f")):
            m = pats[pattern].match(masked, pos)  # 会同市财政局、教育部门: names, not fields
            if m is None:
                return []
        else:
            out += [
                _Name(f + cat.group(), s, fields.end())
                for f, s in zip(fields.captures("f"), fields.starts("f"), strict=True)
            ]
    for n in _split_list(m):
        if pattern == "forward" and len(n.name) > 3 and n.name not in lexicon():
            head = pats["object_head"].match(n.name)
            cut = head.end() if head is not None else _work_cut(n.name)
            if cut:
                n = _Name(n.name[:cut], n.start, n.start + cut)
        if (
            is_body_name(n.name)
            or n.name in lexicon()
            or (pattern == "forward" and _is_place(n.name))
        ):
            out.append(n)
    return out


_PLACE_NAME = regex.compile(_PLACE)


def _is_place(name: str) -> bool:
    """A city, county or district as an incentive object: 支持某某市建设… (its government)."""
    return name[-1] in "市县区" and _PLACE_NAME.fullmatch(name) is not None


_WORK = regex.compile(_OBJECT_VERB)


def _work_cut(name: str) -> int:
    """The body before a work verb inside a forward name: 科技企业|开放实验室 → 科技企业.

    An object ends before the verb of what it does, even where what it does ends like a
    name (实验室): ``鼓励科技企业开放实验室``.
    """
    for verb in _WORK.finditer(name, 2):
        if is_body_name(name[: verb.start()]) or _is_place(name[: verb.start()]):
            return verb.start()
    return 0
