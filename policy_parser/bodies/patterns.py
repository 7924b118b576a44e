"""The compiled name patterns, built once from the lexicon and ``names``; ``is_body_name``.

``市科协|市科技局|市`` is compiled as a prefix tree (``_alternation``), so that matching the
lexicon of hundreds of names reads each character once. One pattern per use: a subject list
before a verb (``subject``), a list after 会同 (``with``), an incentive object (``forward``), a
name list in an annotation (``annotation``) ….
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from policy_parser.bodies.names import (
    _ADVERB_CHARS,
    _ADVERBS,
    _BARE,
    _BOUNDARY,
    _COMPOUND_TAIL,
    _DISPATCHED,
    _EXTENSION,
    _FIELD_CATEGORY,
    _FUNC_CHAR,
    _GOVERNING_VERB,
    _HAN,
    _LEAD_MARK,
    _LEVELS,
    _MOD,
    _NOT_AFTER,
    _NOT_ENDINGS,
    _NOT_NAME_START,
    _NOT_NAMES,
    _NOT_OBJECT,
    _NOUN_AFTER,
    _OBJECT_VERB,
    _SEP,
    _SUFFIXES,
    _core,
)
from policy_parser.wordlists import lexicon, one_of, words

_Trie = dict[str, "_Trie"]

# A city, county or district named by itself: 某某市, 某某县 (not 全市, 本县, 各区, 该市).
_PLACE = rf"(?!全|本|各|该|其|我)[{_HAN}]{{2,3}}?(?:市|县|区)"


def _alternation(words: Iterable[str]) -> str:
    """Return a pattern matching any of ``words``, longest first, written as a prefix tree.

    ``市科协|市科技局|市`` becomes ``市(?:科(?:协|技局))?``: the engine reads each character
    once instead of trying hundreds of names in turn (a flat alternation of the lexicon made
    name matching the largest cost of a parse). A greedy ``?`` tries the longer name first,
    as the flat list sorted longest first did.

    A look-ahead for the class of first characters stands in front: the engine tries the
    hundred-odd first branches one by one, so where no word starts (most places a name
    pattern probes) one class test fails faster; it made name matching a third cheaper.
    """
    unique = set(words)
    trie: _Trie = {}
    for word in unique:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: _Trie) -> str:
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    if "" in unique or not unique:
        return build(trie)  # the empty word matches anywhere: no first character to test
    firsts = "".join(regex.escape(ch) for ch in sorted({w[0] for w in unique}))
    return f"(?=[{firsts}]){build(trie)}"


def _head(lex: str) -> str:
    """The end of a name: a lexicon name or a rank suffix, and what may stand glued after it."""
    # 部 is not the end of 价格主管部门, nor 委 of 委员会.
    head = f"(?:{lex}|{_alternation(_SUFFIXES)})(?![门员])(?<!办(?=理))(?<!委(?=托))"
    # A second name in brackets belongs to the first: 市交通委（市道运局）; so does a lead mark
    # in an annotation list: 责任单位：市发展改革委（牵头）、市财政局.
    return rf"{head}(?:[（(][{_HAN}]{{0,10}}?{head}[）)]|{_LEAD_MARK})?"


def _object_sources(lex: str, head: str) -> dict[str, str]:
    """The patterns of an incentive verb's object: ``forward``, ``compound``, ``object_head``.

    A lexicon name followed by a population of the lexicon is one name, not cut at the first:
    ``鼓励职业院校学生参加竞赛`` → 职业院校学生 (the students, not the schools).
    """
    # 支持企业人才引进: a population that also modifies a noun (人才) makes no compound.
    modified = frozenset(words("modified_nouns"))
    people = _alternation(
        n for n, kind in lexicon().items() if kind == "people" and n not in modified
    )
    # Forward matching after an incentive verb: the object ends where a lexicon name ends
    # (鼓励企业结合实际…), or at a list separator (引导高校、科研院所、企业、医院…等).
    # A level word may stand before a lexicon name (市有关部门) or share the suffix of the last
    # item (请各省、自治区、直辖市人民政府…).
    fwd_name = (
        rf"{_NOT_OBJECT}(?:{_MOD}*{_FUNC_CHAR}{{0,10}}?{head}(?=[、，,和及与等；;。]|$)"
        rf"|{_MOD}*(?:{_LEVELS}{_MOD}*)?(?:{lex})(?:{people}|{_DISPATCHED})?{_NOT_AFTER}{_NOUN_AFTER}"
        rf"|{_LEVELS}(?={_SEP}))"
    )
    # Tried only where no forward list matched, so it costs nothing on the common path.
    # A place before the verb of its work acts through its government: 支持某某市建设….
    # An object named by a rank suffix ends before a verb that governs what it does:
    # 引导青年学会|关心科普, 支持行业协会|开展培训 (not where a lexicon name modifies a noun:
    # 支持企业人才引进).
    modifies = f"(?={one_of(modified)})"
    compound = (
        rf"(?:{_NOT_OBJECT}{_MOD}*{_FUNC_CHAR}{{1,6}}?(?:{_COMPOUND_TAIL})"
        rf"{_NOT_AFTER}{_NOUN_AFTER}"
        rf"|{_NOT_OBJECT}(?!(?:{lex}){modifies}){_MOD}*{_FUNC_CHAR}{{1,6}}?{head}"
        rf"(?={_OBJECT_VERB}|{_GOVERNING_VERB})"
        rf"|{_PLACE}(?={_OBJECT_VERB}))"
    )
    return {
        "forward": rf"(?P<n>{fwd_name})(?:{_SEP}(?P<n>{fwd_name}))*(?:等(?P<n>{fwd_name})?)?",
        "compound": rf"(?P<n>{compound})(?:{_SEP}(?P<n>{fwd_name}|{compound}))*",
        # 支持企业建设研发中心: the object is 企业, what it builds is no part of it.
        "object_head": rf"{_MOD}*(?:{_LEVELS}{_MOD}*)?(?:{lex})(?:{people})?(?={_OBJECT_VERB})",
    }


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """The name patterns, built once from the lexicon and the vocabulary of ``names``."""
    lex = _alternation(lexicon())
    head = _head(lex)
    # A name whose end is certain: prefix words, then the shortest run of function characters
    # that ends in a lexicon name or suffix and is followed by a boundary.  Shortest first, so
    # 有关群团组织和社会组织 splits before 和, while 工业和信息化部 (a lexicon entry, tried
    # longest first) stays whole.
    bounded = rf"{_NOT_NAME_START}{_MOD}*{_FUNC_CHAR}{{0,10}}?{head}{_EXTENSION}?{_BOUNDARY}"
    name = rf"(?:{bounded}|{_LEVELS}(?={_SEP}))"
    # After 等 a category labels the list: 工会、共青团、妇联等群团组织.
    name_list = rf"(?P<n>{name})(?:(?:{_SEP}|等)(?P<n>{name}))*(?P<deng>等)?"
    # In an annotation list a city or county stands for its government: 配合单位：省科技厅、杭州市.
    place = rf"(?<![{_HAN}])(?!全|本|各|城|该|其)[{_HAN}]{{2,3}}(?:市|县)(?=[、，,；;。]|$)"
    ann_name = rf"(?:{name}|{place})"
    ann_list = rf"(?P<n>{ann_name})(?:(?:{_SEP}|等)(?P<n>{ann_name}))*(?P<deng>等)?"
    adverbs = rf"(?:{_ADVERBS})*"
    # After 会同 the list is a list of bodies even where a verb follows the last one:
    # 会同价格主管部门加强…, 会同市政府办公厅、市有关部门加强….
    # Nothing bounds such a name, so the shortest would stop at a known prefix: 国家能源局派出
    # 机构, 政府法制部门, 海关特殊监管区域管理委员会 — a lexicon name or suffix followed by
    # more name characters and a rank suffix is one longer name.
    with_name = rf"(?:{_NOT_NAME_START}{_MOD}*{_FUNC_CHAR}{{0,10}}?{head}{_EXTENSION}?)"
    # X、Y等部门: a category after a list of fields names one body per field:
    # 教育、卫生等部门和单位要… → 教育部门, 卫生部门.
    field = rf"[{_HAN}]{{2,6}}?"
    # Names that can open a subject glued to a run-in heading: organs, and 各-lists (各区, 各地区).
    organs = [n for n, kind in lexicon().items() if kind == "organ" or n.startswith("各")]
    sources = {
        "with": rf"(?P<n>{with_name})(?:{_SEP}(?P<n>{with_name}))*(?:等(?P<n>{with_name})?)?",
        "categories": (
            rf"(?P<f>{field})(?:、(?P<f>{field}))*等(?:有关|相关)?(?P<cat>{_FIELD_CATEGORY})"
            rf"(?:{_SEP}(?:有关|相关)?(?:{_BARE}))?{adverbs}"
        ),
        "organ": _alternation(organs),
        "name": bounded,
        "subject": rf"{name_list}{adverbs}",
        "annotation": rf"{ann_list}{adverbs}",
        "level": _LEVELS,
        # 会同属地商务、生态环境部门: fields before a name share its category.
        "fields": rf"(?:(?P<f>{_FUNC_CHAR}{{2,6}}?)、)+",
        **_object_sources(lex, head),
    }
    return {key: regex.compile(source) for key, source in sources.items()}


@functools.lru_cache(maxsize=4096)
def is_body_name(text: str) -> bool:
    """Return whether ``text`` as a whole reads as one body name.

    Cached: a document names the same bodies again and again, and the pattern match costs
    microseconds even on a short name.

    Args:
        text: A candidate such as ``市人力社保局``, ``科学技术行政部门`` or ``科普日``.

    Returns:
        True for lexicon names and for names built as function words + rank suffix.
    """
    if not text or text in _NOT_NAMES or len(text) > 30 or text.endswith(_NOT_ENDINGS):
        return False
    if text in lexicon():
        return True
    return _patterns()["name"].fullmatch(text) is not None and _core(text) not in _NOT_NAMES


@functools.cache
def _end_chars() -> frozenset[str]:
    """Characters a subject span can end with: the last of a name, a level word or an adverb.

    Also 等, which closes a list: ``学会、协会等（以下统称社团）应当…``.
    """
    words = [*lexicon(), *_SUFFIXES, *"省区市州盟县旗镇道村）〕)等"]
    return frozenset(w[-1] for w in words) | frozenset(_ADVERB_CHARS)
