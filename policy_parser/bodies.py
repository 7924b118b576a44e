"""Responsible bodies: who a clause assigns work to, and in what role.

A clause names bodies in three ways, and :func:`find_bodies` reads all three:

* an **annotation** in brackets or on a field line, parsed with ``grammars/annotation.lark``
  over name tokens: ``（财政部牵头，国务院相关部门及各地区按职责分工负责）``,
  ``（负责部门：人力资源社会保障部、商务部；适用范围：…）``, ``责任单位：市科协``;
* an **obliged subject** before a modal or role verb: ``高等院校、科研机构要…``,
  ``市、区县（自治县）人民政府应当…``, ``由市应急局牵头，市公安局参加``, ``X会同Y…``;
* the **object of an incentive verb**: ``鼓励企业…``, ``引导高校、科研院所、企业等…``,
  ``鼓励和支持老科技工作者…``, ``倡导公民…``.

Names are recognised by the lexicon in ``data/organs.txt`` and, for names not in it, by a
pattern of function words and a rank suffix (局, 委, 厅, 中心, 协会 …). A name is only taken
where the sentence gives it a role, so the pattern never has to decide alone what is a body.

Document-level reading rules (``排在第一位的部门为牵头部门，下同``) are threaded through a
document as :class:`ReadingRules`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

import regex
from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from policy_parser.grammar import token_parser
from policy_parser.models import Role
from policy_parser.table_header import column_roles
from policy_parser.wordlists import lexicon

__all__ = [
    "INITIAL_RULES",
    "Found",
    "ReadingRules",
    "cell_bodies",
    "find_bodies",
    "is_body_name",
    "starts_with_subject",
    "table_bodies",
]


class Found(NamedTuple):
    """A body named by a clause.

    Attributes:
        name: The name as written, after splitting coordinated lists; a distributed name
            (``市、区县人民政府`` → ``市人民政府``) is rebuilt and is then not contiguous.
        role: What the clause asks of the body.
        start: Offset of the name in the clause text.
        end: End offset; ``clause[start:end] == name`` when the name is written contiguously.
    """

    name: str
    role: Role
    start: int
    end: int


@dataclass(frozen=True)
class ReadingRules:
    """Rules a document states once for the annotations that follow.

    Attributes:
        first_listed_leads: After ``（A、B负责，排在第一位的部门为牵头部门，下同）`` the first
            body of a ``负责`` annotation that names no 牵头 body is the lead.
        subject: The bodies the last clause opened with as its obliged subject; a clause
            that opens with 要/应当 and names no subject goes on with them
            (``海关总署要…。要继续促进…``).
    """

    first_listed_leads: bool = False
    subject: tuple[str, ...] = ()


INITIAL_RULES = ReadingRules()
_NO_SUBJECT = {False: INITIAL_RULES, True: ReadingRules(first_listed_leads=True)}

# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------


_HAN = r"\u4e00-\u9fff"
# Distributive and qualifying words written in front of a name and kept in it:
# 各类媒体, 有关部门, 广大科技工作者, 市级学会.
_MOD = r"(?:各级|各类|各有关|各相关|各|有关|相关|其他|其它|广大|全体|全市|全省|本级|市级|区级|省级)"
# Brackets written inside names: 区县（自治县）, 区县〔自治县〕, 区县(自治县).
_LB = r"[（〔(]"
_RB = r"[）〕)]"


# Rank suffixes of names that are not in the lexicon, longest first: 市大数据发展局, 国务院扶贫办.
# '会' alone is left out (社会, 机会); 商会/学会/协会 are listed instead.
def _words(text: str) -> list[str]:
    return text.split()


_SUFFIXES = _words(
    "人民政府 人民法院 人民检察院 管理委员会 工作委员会 委员会 领导小组 办公厅 办公室 管委会 "
    "联合会 研究会 促进会 协会 学会 商会 总会 工会 基金会 总局 总署 工委 政府 党委 部门 单位 "
    "办事处 实验室 海关 机构 组织 团体 中心 集团 公司 分行 银行 医院 学校 院校 支队 大队 "
    "部 委 局 厅 署 办 院 所 站 馆 队"
)
# A pattern name does not open with a verb that governs it: 组织企业参加, 指导企业参与,
# 确定专门机构负责 (组织部 is a name).
_NOT_NAME_START = (
    r"(?!组织(?![部和及与、，,。；;：:）)\s□]|$)|指导(?!中心|站)|确定|明确|安排|带动|发动|要求|通知|协调|推荐|委托|授权|责成"
    r"|通过|依托|利用|会同|配合|督促|推动|邀请|动员|研究(?![院所会中室机])|制定|商定|协商|核定)"
)
# A function word inside a pattern name would mean the "name" is really a phrase:
# 有条件的科普机构, 在区内企业.
_VERBISH = (
    r"鼓励|引导|支持|倡导|推动|推进|加强|加快|加大|兴办|开展|深化|建立|健全|完善|实施|提升|"
    r"发挥|落实|督促|积极|主动|共同|会同|负责|牵头(?!单位|部门)|配合|参与|参加|协助|邀请|动员|号召|要求|实行|推行|实现"
    r"|取消|撤销|吊销|应当"
)
# Their first characters, tested as one class before the words are tried (see _alternation):
# _FUNC_CHAR is tried at every character of a candidate name. Cutting at every '|' also cuts
# 牵头(?!单位|部门), which only adds 部 to the class.
_VERBISH_FIRST = "".join(sorted({word[0] for word in _VERBISH.split("|")}))
_FUNC_CHAR = (
    rf"(?:(?![的了把被将在对向从于与也都还要等]|(?<!自)由|(?=[{_VERBISH_FIRST}])(?:{_VERBISH}))"
    rf"[{_HAN}]"
    rf"|{_LB}[{_HAN}、]{{1,6}}{_RB})"
)
# An incentive verb's object does not open with a verb: 鼓励建设主题博物馆, 鼓励兴办科普企业.
_NOT_OBJECT = (
    r"(?!兴办|建设|设立|举办|开展|创建|创办|培育|发展|打造|推进|推动|加快|加强|组织|参与|参加|"
    r"通过|利用|依托|采取|实施|建立|成立|组建|引进|吸引|申报|争取|有条件|符合条件|具备条件)"
)
# Level words that share the suffix of the last item: 市、区县（自治县）人民政府.
_LEVELS = (
    rf"(?:各?(?:省|自治区|直辖市|市|州|盟|区县{_LB}自治县{_RB}|区县|县{_LB}市、区{_RB}|县|区|旗"
    rf"|乡镇{_LB}街道{_RB}|乡镇|街道|村{_LB}社区{_RB}|村))"
)
_LEVEL_FIRST = frozenset("各省自直市州盟区县旗乡街村")  # the first characters of _LEVELS
_SEP = r"(?:、以及|以及|、|和|及|与|或者|或)"
# What may follow a name: a separator, punctuation, an adverb or a role verb.
_BOUNDARY = (
    r"(?=[、，,和及与等；;。：:）)\s□]|$|以及|或|也|还|都|均|亦|共同|分别|切实|必须|要|应|须|需|"
    r"负责|牵头|会同|配合|参与|参加|协助|按|积极|主动|务必|进一步|作为|可|具体|全面|统一|直接|依法)"
)
# More name after a complete name: 国家能源局|派出机构, 政府|法制部门 (no list separator inside).
_EXTENSION = (
    rf"(?:(?:(?![和及与或并等各]){_FUNC_CHAR}){{1,10}}?"
    r"(?:派出机构|机构|部门|管理委员会|委员会|管理局|中心|办公室|局)(?![门员]))"
)
# A lexicon name's own branches, one longer name: 请国家能源局派出机构对…加强监管.
_DISPATCHED = r"(?:派出机构|派出单位|直属机构|直属单位|所属单位)"
# Not bodies although they end like one: 全部 (部), 场所 (所), 网站 (站).
_NOT_NAMES = frozenset(
    _words(
        "全部 内部 外部 局部 干部 东部 西部 中部 北部 南部 总部 场所 住所 网站 书院 剧院 影院 "
        "格局 布局 大局 结局 当局 服务 政策"
    )
)
# A level and a district joined by 和/及 share the category after them: 市和浦东新区商务部门.
_LEVEL_AND_PLACE = regex.compile(
    rf"(?P<level>[省市])(?:和|及)(?P<place>[{_HAN}]{{0,4}}?(?:新区|区县|区|县))"
    rf"(?P<rest>[{_HAN}]{{2,8}}(?:部门|局|委员会|委|办))"
)
# Place words that end like a name (部) but say where inside a body: 省电力公司内部.
_PLACE_TAILS = ("内部", "外部")
# A lexicon name followed by these is a different word: 企业家 ≠ 企业, 科学家精神.
_NOT_AFTER = r"(?![家界债])"
# After an incentive verb, a lexicon name followed by a noun modifies it and is no object:
# 支持地方工业项目建设, 支持地方特色产业, 支持企业债券发行.
_NOUN_AFTER = (
    r"(?!工业|产业|项目|经济|财政|特色|品牌|标准|政策|资金|金融|融资|债券|产品|服务|工作|事务|"
    r"事业|人才|数据|平台|体系|制度|机制|资源|规划|数量|名单|名录|比例|性|级|化)"
)
# After an incentive verb a compound object ends in one of these even where a verb follows:
# 鼓励金融科技企业加大投入, 支持交通物流企业开展….
_COMPOUND_TAIL = "企业|机构|社会组织"
# Category words that label a list and are no body on their own: 行业协会等单位.
_BARE = "单位|部门|机构|组织|团体"
_BARE_NAMES = frozenset(_BARE.split("|"))
_FIELD_CATEGORY = r"(?:行政主管部门|主管部门|行政部门|管理部门|部门|机构)"
_CATEGORY_END = regex.compile(rf"{_FIELD_CATEGORY}$")
# Names ending so are channels, not bodies: 政务新媒体 are accounts on platforms.
_NOT_ENDINGS = ("政务新媒体",)


_Trie = dict[str, "_Trie"]


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


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    lex = _alternation(lexicon())
    # 部 is not the end of 价格主管部门, nor 委 of 委员会.
    head = f"(?:{lex}|{_alternation(_SUFFIXES)})(?![门员])(?<!办(?=理))(?<!委(?=托))"
    # A second name in brackets belongs to the first: 市交通委（市道运局）; so does a lead mark
    # in an annotation list: 责任单位：市发展改革委（牵头）、市财政局.
    head = rf"{head}(?:[（(][{_HAN}]{{0,10}}?{head}[）)]|{_LEAD_MARK})?"
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
    # Forward matching after an incentive verb: the object ends where a lexicon name ends
    # (鼓励企业结合实际…), or at a list separator (引导高校、科研院所、企业、医院…等).
    # A level word may stand before a lexicon name (市有关部门) or share the suffix of the last
    # item (请各省、自治区、直辖市人民政府…).
    fwd_name = (
        rf"{_NOT_OBJECT}(?:{_MOD}*{_FUNC_CHAR}{{0,10}}?{head}(?=[、，,和及与等；;。]|$)"
        rf"|{_MOD}*(?:{_LEVELS}{_MOD}*)?(?:{lex}){_DISPATCHED}?{_NOT_AFTER}{_NOUN_AFTER}"
        rf"|{_LEVELS}(?={_SEP}))"
    )
    fwd_list = rf"(?P<n>{fwd_name})(?:{_SEP}(?P<n>{fwd_name}))*(?:等(?P<n>{fwd_name})?)?"
    # Tried only where no forward list matched, so it costs nothing on the common path.
    compound = (
        rf"(?:{_NOT_OBJECT}{_MOD}*{_FUNC_CHAR}{{1,6}}?(?:{_COMPOUND_TAIL})"
        rf"{_NOT_AFTER}{_NOUN_AFTER})"
    )
    compound_list = rf"(?P<n>{compound})(?:{_SEP}(?P<n>{fwd_name}|{compound}))*"
    # After 会同 the list is a list of bodies even where a verb follows the last one:
    # 会同价格主管部门加强…, 会同市政府办公厅、市有关部门加强….
    # Nothing bounds such a name, so the shortest would stop at a known prefix: 国家能源局派出
    # 机构, 政府法制部门, 海关特殊监管区域管理委员会 — a lexicon name or suffix followed by
    # more name characters and a rank suffix is one longer name.
    with_name = rf"(?:{_NOT_NAME_START}{_MOD}*{_FUNC_CHAR}{{0,10}}?{head}{_EXTENSION}?)"
    with_list = rf"(?P<n>{with_name})(?:{_SEP}(?P<n>{with_name}))*(?:等(?P<n>{with_name})?)?"
    # X、Y等部门: a category after a list of fields names one body per field:
    # 教育、卫生等部门和单位要… → 教育部门, 卫生部门.
    field = rf"[{_HAN}]{{2,6}}?"
    cat_list = (
        rf"(?P<f>{field})(?:、(?P<f>{field}))*等(?:有关|相关)?(?P<cat>{_FIELD_CATEGORY})"
        rf"(?:{_SEP}(?:有关|相关)?(?:{_BARE}))?{adverbs}"
    )
    # Names that can open a subject glued to a run-in heading: organs, and 各-lists (各区, 各地区).
    organs = [n for n, kind in lexicon().items() if kind == "organ" or n.startswith("各")]
    return {
        "with": regex.compile(with_list),
        "categories": regex.compile(cat_list),
        "organ": regex.compile(_alternation(organs)),
        "name": regex.compile(rf"{bounded}"),
        "subject": regex.compile(rf"{name_list}{adverbs}"),
        "annotation": regex.compile(rf"{ann_list}{adverbs}"),
        "forward": regex.compile(fwd_list),
        "compound": regex.compile(compound_list),
        "level": regex.compile(rf"{_LEVELS}"),
        # 会同属地商务、生态环境部门: fields before a name share its category.
        "fields": regex.compile(rf"(?:(?P<f>{_FUNC_CHAR}{{2,6}}?)、)+"),
        # 支持企业建设研发中心: the object is 企业, what it builds is no part of it.
        "object_head": regex.compile(rf"{_MOD}*(?:{_LEVELS}{_MOD}*)?(?:{lex})(?={_OBJECT_VERB})"),
    }


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


def _core(name: str) -> str:
    """Strip the distributive prefix: 各类媒体 → 媒体."""
    if name[:1] not in _MOD_FIRST:
        return name  # most names: no regex call
    return _MOD_PREFIX.sub("", name)


_MOD_FIRST = frozenset("各有相其广全本市区省")  # the first characters of _MOD's words
_MOD_PREFIX = regex.compile(rf"^{_MOD}+")  # compiled once: regex.sub(str) costs a cache lookup


# --------------------------------------------------------------------------------------------
# Masking: brackets, quotes, titles and document numbers hold no bodies
# --------------------------------------------------------------------------------------------

#: The brackets and quotes that group text, opening → closing (clauses.py splits by them too).
BRACKET_PAIRS = {
    "（": "）",
    "(": ")",
    "“": "”",
    "‘": "’",
    "《": "》",
    "【": "】",
    "〔": "〕",
    "[": "]",
}
_MASK = "□"
#: Any of them, opening or closing (a plain class: the stdlib engine scans for it faster).
BRACKET = re.compile(
    "[" + re.escape("".join(BRACKET_PAIRS) + "".join(BRACKET_PAIRS.values())) + "]"
)
# A keyword marks a bracket as a responsibility annotation: （财政部牵头，…负责）.
_ANNOTATION_KEY = regex.compile(
    r"负责|牵头|会同|配合|参与|参加|协助|协办|协同单位|协同部门|责任单位|责任部门|责任主体|"
    r"实施单位|落实单位|主办单位"
)
# A bracket inside a name: 区县（自治县）, 乡镇（街道）, 县（市、区）, 市交通委（市道运局）.
_NAME_BRACKET = regex.compile(rf"[{_HAN}、]{{1,8}}")
# Patterns used per clause are compiled here: regex.match(str, …) pays a cache lookup that
# cost more than the match itself (a fifth of parse time on many short sections).
_HAN_CHAR = regex.compile(rf"[{_HAN}]")
_DEFINED_AS = regex.compile("简称|下称|以下|含")
# What may stand before a subject: 由X负责, 请X…, 以X为牵头单位, 邀请/组织X参加….
_SUBJECT_LEAD = regex.compile(
    r"\s*(?:(?:法定)?节假日(?:期间)?|每年|每季度|每月|每周|每日|今后|届时|此后)?"
    rf"(?:{_LEVELS}(?:、{_LEVELS})*的)?"
    r"(?:由|请|以|邀请|动员|组织(?!部)|带动|发动|同时|其中|并且|并|此外|另外|特别是|尤其是"
    r"|而且|而)?"
)
_PHRASE_BREAK = regex.compile(r"[，,。；;：:□]")
_YOU_LEAD = regex.compile(r"\s*由")
_DOC_NUMBER = regex.compile(rf"[{_HAN}]{{1,12}}〔\d{{4}}〕\d+号")


class _Group(NamedTuple):
    start: int  # the opening bracket
    end: int  # after the closing bracket
    kind: str  # 'annotation', 'name' or 'masked'


def _groups(text: str) -> list[_Group]:
    """Find the top-level bracket, quote and title groups of a clause and classify them."""
    groups: list[_Group] = []
    stack: list[tuple[str, int]] = []
    for bracket in BRACKET.finditer(text):  # only the brackets, not every character
        i = bracket.start()
        ch = bracket.group()
        if stack and ch == BRACKET_PAIRS[stack[-1][0]]:
            opener, start = stack.pop()
            if stack:
                continue
            inner = text[start + 1 : i]
            if opener in "（(" and _ANNOTATION_KEY.search(inner):
                kind = "annotation"
            elif opener == "【" and _LABEL_WORD.fullmatch(inner):
                kind = "label"  # 【责任单位】市商务委: read as 责任单位：
            elif (
                opener in "（(〔"
                and _NAME_BRACKET.fullmatch(inner)
                and start > 0
                and _HAN_CHAR.match(text[start - 1])
                and not _DEFINED_AS.search(inner)
            ):
                kind = "name"
            else:
                kind = "masked"
            groups.append(_Group(start, i + 1, kind))
        elif ch in BRACKET_PAIRS:
            stack.append((ch, i))
    return groups


def _masked(text: str, groups: list[_Group]) -> str:
    if not groups and "〔" not in text:
        return text  # most clauses: no bracket at all
    spans = [(g.start, g.end) for g in groups if g.kind in ("annotation", "masked")]
    if "〔" in text:
        spans += [m.span() for m in _DOC_NUMBER.finditer(text)]
    if not spans:
        return text
    # Joined from slices, not written into a list of every character: cheaper on long clauses.
    # A document number may overlap a group; the mask covers their union.
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if end > pos:
            start = max(start, pos)
            parts += (text[pos:start], _MASK * (end - start))
            pos = end
    parts.append(text[pos:])
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Name lists
# --------------------------------------------------------------------------------------------


class _Name(NamedTuple):
    name: str
    start: int
    end: int


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
_LEAD_MARK = r"[（(〔]牵头(?:单位|部门)?[）)〕]"
_LEAD_MARK_END = regex.compile(rf"{_LEAD_MARK}$")


def _lead_marked(f: Found) -> Found:
    """市发展改革委（牵头） in an annotation list: the body leads; the mark is no part of it."""
    mark = _LEAD_MARK_END.search(f.name) if f.name[-1] in "）)〕" else None
    if mark is None:
        return f
    return Found(f.name[: mark.start()], Role.LEAD, f.start, f.end - (len(f.name) - mark.start()))


# A bracketed category after a name glosses it and is no second name: 国务院有关部门（单位）.
_GLOSS = regex.compile(r"[（(](?:单位|部门|机构)[）)]$")


def _unglossed(name: str, start: int, end: int) -> _Name:
    gloss = _GLOSS.search(name) if name[-1] in "）)" else None
    if gloss is None:
        return _Name(name, start, end)
    return _Name(name[: gloss.start()], start, end - (len(name) - gloss.start()))


_ADVERBS = (
    "也|还|都|均|亦|共同|分别|切实|必须|要|应当|应|积极|主动|务必|进一步|可|具体|全面|统一|直接|"
    "依法|负责"  # 由X具体负责, X全面负责, X依法负责, X负责牵头
)
_ADVERB_CHARS = frozenset(w[-1] for w in _ADVERBS.split("|"))
# What may stand glued before a subject that opens with an organ name (a run-in heading:
# 加强信息引导工业和信息化部…会同…), unless it governs the name: 对/向/与…市政府, 配合市公安局.
_GOVERNS = regex.compile(
    r"(?:[对向与和及同给把被将在从的由以为请跟该其]|会同|配合|协助|参与|参加|负责|牵头|商|经|报)$"
)


@functools.cache
def _end_chars() -> frozenset[str]:
    """Characters a subject span can end with: the last of a name, a level word or an adverb."""
    words = [*lexicon(), *_SUFFIXES, *"省区市州盟县旗镇道村）〕)"]
    return frozenset(w[-1] for w in words) | frozenset(_ADVERB_CHARS)


def _field_names(m: regex.Match[str], offset: int) -> list[_Name]:
    """教育、卫生等部门 → 教育部门, 卫生部门 (each field takes the category)."""
    cat = m.group("cat")
    end = m.end("cat") + offset
    return [
        _Name(f + cat, s + offset, end) for f, s in zip(m.captures("f"), m.starts("f"), strict=True)
    ]


# 煤炭工业协会在发展改革委指导下做好…: the body acts under another's guidance.
_UNDER = regex.compile(
    r"在[^，,。；;：:□]{1,24}?(?:的)?(?:统一)?(?:指导|领导|统筹|协调|组织|监督|帮助|支持|主持)下$"
)


# Heads a list of fields shares (the leftmost, hence longest, is taken): 煤炭、电力行业协会,
# 国土资源、住房城乡建设部门.
_SHARED_HEAD = regex.compile(
    r"(?:行业协会|行政主管部门|主管部门|行政部门|管理部门|部门|机构|企业|协会|学会|商会)$"
)


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


def _subject_names(span: str, offset: int) -> list[_Name]:
    """Names of a subject span (the text before 要/应当/负责…), or [] when it is no subject."""
    span = span.rstrip()
    if span.endswith("下"):
        under = _UNDER.search(span)
        if under is not None:
            span = span[: under.start()].rstrip()
    if not span or span[-1] not in _end_chars():
        return []  # no name, level word or adverb ends so: most spans stop here
    return [_Name(n.name, n.start + offset, n.end + offset) for n in _span_names(span)]


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


# --------------------------------------------------------------------------------------------
# Free text: obliged subjects and incentive objects
# --------------------------------------------------------------------------------------------

# Role verbs after a subject.  要 and 应 are modal only when not part of 主要/重要/需要/
# 要求/应用/适应/应急…; the subject check then weeds out the rest.
_VERB = regex.compile(
    r"(?P<resp>按职责分工负责|分别负责|总负责|负总责|归口管理|归口负责|负责(?!人|同志)"
    r"|(?<![主重需只必纪摘提])要(?![求素点件闻害])"
    r"|应当|(?<![适相响对供反效])应(?![用急对届该有])|必须|须)"
    r"|(?P<lead>牵头(?!单位|部门|医院|处室|机构|作用|职责|工作|抓总))|(?P<with>会同)"
    r"|(?P<coop>配合|参与|参加|协助)"
    # X为联席会议牵头单位, X作为责任主体, X为配合单位.
    rf"|(?:作为|为|是)[{_HAN}]{{0,12}}?(?:(?P<lead_as>牵头(?:单位|部门))"
    r"|(?P<resp_as>责任(?:单位|部门|主体))|(?P<coop_as>配合(?:单位|部门)))"
    # 由X商Y确定: X consults Y (read like 会同; only after 由 or 请, see _free_text).
    rf"|(?<=[{_HAN}])(?P<shang>商)(?![务会业品标户场铺贸量报讨议定榷洽谈请城家圈界号检事人贩超])"
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
_INCENTIVE_WORDS = r"(?:鼓励|引导|支持|倡导|号召)"
# 获支持企业, 给予支持: a noun, not a verb with an object.
_INCENTIVE = regex.compile(
    rf"(?<!获|得|给予|予以|的){_INCENTIVE_WORDS}(?:(?:和|、|并){_INCENTIVE_WORDS})*"
)
_INCENTIVE_GATE = re.compile(_INCENTIVE_WORDS)  # cheap test before the look-behind scan
# 为了鼓励公民举报…，制定本办法: a purpose phrase gives no role.
_PURPOSE = regex.compile(r"为了|为(?!牵头)")
# 请各地…报送, 请冶金部商有关部门…: the addressee of 请 is responsible.
_PLEASE = regex.compile(r"(?:(?<=^|[，,。；;：:□\s])(?:并|现|特|另)?)请(?![示求教假柬])")
_RESP_VERB = frozenset(("负责", "负总责", "总负责"))
_NOT_ADDRESSEE = regex.compile(r"及时|尽快|认真|抓紧|切实|务必|报告|报送|按照|根据|结合|做好|加强")
_CLAUSE_END = regex.compile(r"[，,。；;！!]|$")
_LAST_PHRASE_END = regex.compile(r"(?r)[，,。；;：:！？!?□\s]")


def _free_text(masked: str) -> Iterator[Found]:
    verbs = list(_VERB.finditer(masked))
    please = list(_PLEASE.finditer(masked)) if "请" in masked else []
    incentives = list(_INCENTIVE.finditer(masked)) if _INCENTIVE_GATE.search(masked) else []
    if not verbs and not please and not incentives and "由" not in masked:
        return

    def phrase_start(pos: int) -> int:
        last = _LAST_PHRASE_END.search(masked, 0, pos)  # a reverse search from pos
        return last.end() if last else 0

    subjects: list[Found] = []
    claimed: list[tuple[int, int]] = []
    for m in please:
        named = _forward(masked, m.end())
        # Only the list standing right after 请 is its addressee: 请及时报告国家发展改革委 asks
        # someone unnamed to report to the commission.
        if not named or named[0].start != m.end() or _NOT_ADDRESSEE.match(named[0].name):
            continue
        for n in named:
            found = Found(n.name, Role.RESPONSIBLE, n.start, n.end)
            subjects.append(found)
            claimed.append((n.start, n.end))
            yield found
    for m in verbs:
        start = phrase_start(m.start())
        span = masked[start : m.start()]
        kind = m.lastgroup or ""
        if kind == "shang" and "由" not in span and "请" not in span:
            continue
        names = _subject_names(span, start)
        if not names and start > 0 and masked[start - 1] in "，," and not span:
            # 工会、共青团、妇联等群众团体以及企业事业单位，应当…: the subject before the comma.
            prev = phrase_start(start - 1)
            names = _subject_names(masked[prev : start - 1], prev)
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
        for n in names:
            found = Found(n.name, role, n.start, n.end)
            claimed.append((n.start, n.end))
            if role is not Role.COOPERATE:
                subjects.append(found)
            yield found
        if kind == "with" or (kind == "shang" and names):
            # X会同Y…: Y cooperates (also when X is carried from an earlier sentence).
            for n in _forward(masked, m.end(), "with"):
                yield Found(n.name, Role.COOPERATE, n.start, n.end)
    if "由" in masked:
        for n in _agents(masked):
            if not any(s < n.end and n.start < e for s, e in claimed):
                found = Found(n.name, Role.RESPONSIBLE, n.start, n.end)
                subjects.append(found)
                yield found
    for m in incentives:
        if any(f.end <= m.start() for f in subjects):
            # 中小学校要…，组织并支持师生开展…: the school supports, the text obliges the school.
            continue
        if _PURPOSE.match(masked, phrase_start(m.start()), m.start()):
            continue
        for n in _forward(masked, m.end()):
            if not any(s < n.end and n.start < e for s, e in claimed):
                yield Found(n.name, Role.ENCOURAGED, n.start, n.end)


# 由公安部统一制定, 由市人民政府举行仪式: the agent after a phrase-initial 由 does the work.
_BY = regex.compile(r"(?<=^|[，,。；;：:□\s])由(?![于此其])")
_BY_AFTER = regex.compile(
    rf"(?:{_ADVERBS})*(?!组成|构成|共同组成|的|之|主要|负责同志|领导同志|担任|兼任)[{_HAN}]"
)


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


# Verbs that open what an incentive object does: 支持企业|建设研发中心, 鼓励高校|设立实验室.
_OBJECT_VERB = (
    r"(?:建设|设立|举办|开展|创建|创办|培育|打造|建立|成立|组建|引进|申报|参与|参加|加强|加快|"
    r"提升|采用|实施|开发|购买|使用|投资|申请|承担|联合|新建|改建|扩建|筹建)"
)


# A part that opens with a body and a bare duty verb: 国家能源局抓紧制定…；电力交易机构按照
# 交易规则做好…. Only at the start of a clause or a ；-part. The stdlib engine: its literal
# prefix scan makes these short searches cheaper than with the regex module.
_DUTY_WORDS = "做好|抓紧|组织|开展|加强|落实|制定|完善|推进"
_ACCORDING = "按照|根据|依照|依据"
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
        if verb.group() in _ACCORDING:
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


# Names an administration gives duties to; 企业开展研发活动，给予补贴 names a beneficiary.
_ORGAN_END = regex.compile(
    r"(?:部门|单位|机构|政府|委员会|管委会|领导小组|办公室|办公厅|中心|党委|工委|海关|局|委|厅|办|署)$"
)


def _organ_like(name: str) -> bool:
    kind = lexicon().get(name)
    if kind is not None:
        return kind == "organ" or (
            kind == "generic" and (name.startswith("各") or _ORGAN_END.search(name) is not None)
        )
    return _ORGAN_END.search(name) is not None and is_body_name(name)


_NOT_DUTY = frozenset(("组织部", "组织人", "组织者", "组织机"))


def _forward(masked: str, pos: int, pattern: str = "forward") -> list[_Name]:
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
            if head is not None:
                n = _Name(head.group(), n.start, n.start + head.end())
        if is_body_name(n.name) or n.name in lexicon():
            out.append(n)
    return out


# --------------------------------------------------------------------------------------------
# Annotations
# --------------------------------------------------------------------------------------------

_LABELS = {
    "lead": r"牵头单位|牵头部门|牵头责任单位|主办单位",
    "cooperate": (
        r"配合单位|配合部门|参与单位|参与部门|参加单位|协办单位|协助单位|协同单位|协同部门"
    ),
    "responsible": r"责任单位|责任部门|负责单位|负责部门|主责单位|实施单位|落实单位|责任主体",
}
# 责任单位：X, and 【责任单位】X with the label in lenticular brackets.
_LABEL = regex.compile(
    "|".join(rf"【?(?P<{k}>(?:{v}))(?:\s*[：:]|】[：:]?)" for k, v in _LABELS.items())
)
_LABEL_WORD = regex.compile("|".join(f"(?:{v})" for v in _LABELS.values()))
_OTHER_LABEL = regex.compile(rf"[{_HAN}]{{2,8}}[：:]")
# Field labels that may follow a name with no delimiter: 责任单位：市水务局完成时限：2024年底.
_FIELD_LABEL = regex.compile(
    r"(?:完成时限|完成时间|时间节点|时限要求|进度安排|责任领导|分管领导|联系人|工作目标)[：:]"
)
# 排在第一位的部门为牵头部门 / 列第一位者为牵头单位 / 排名第一的为牵头单位, optionally 下同.
_RULE = regex.compile(
    r"(?:排在|排|列|位列|排名)?第一(?:位|个|名)?(?:的|者)?(?:部门|单位)?(?:为|是)牵头(?:部门|单位)"
    r"(?:[，,]?(?:下同|以下同|以下均同))?"
)
_PERSIST = regex.compile(r"下同|以下|后同")
_KEYWORD = regex.compile(
    r"(?P<_RESP>(?:结合(?:本地)?实际|因地制宜)(?:负责)?落实|按职责分工负责|按职责负责|分别负责|共同负责|负责落实|具体负责|负责|组织实施|落实)"
    r"|(?P<_LEAD>牵头)|(?P<_HUITONG>会同)|(?P<_COOP>配合|参与|参加|协助|协办)"
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


def _part_tokens(text: str, start: int, end: int) -> list[Token]:
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
    if rest is None:
        return [_tok("_TEXT", part, start, end)]
    tokens.extend(rest)
    return tokens


def _names_of(tree: Tree[Token] | Token) -> list[_Name]:
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
        rules = ReadingRules(read.first_listed_leads, rules.subject)
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
        pending = []
        if role is None:
            pending = names
            continue
        for i, n in enumerate(names):
            r = role
            if first_leads and not has_lead and role is Role.RESPONSIBLE and not first_done:
                r = Role.LEAD if i == 0 else role
            found.append(Found(n.name, r, n.start, n.end))
        if role is Role.RESPONSIBLE and names:
            first_done = True
    return [_lead_marked(f) for f in found]


# --------------------------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------------------------


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
    found: list[Found] = []
    whole = clause  # a field line's bodies index the whole clause, past the cut below
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
    free = list(_free_text(masked))
    free += _duty_subjects(masked)
    if free:
        found.extend(_specific(free))
    subject = _opening_subject(masked, free) if free else ()
    if (
        rules.subject
        and not subject
        and (masked[:1] in _CARRY_FIRST or masked[:1].isspace())
        and not any(f.role in _OBLIGED for f in found)
    ):
        carry = _CARRY.match(masked)
        if carry is not None:
            # 中国石油集团公司要深化改革。要对成员企业进行改建。: the subject goes on.
            role = Role.LEAD if carry.group("with") else Role.RESPONSIBLE
            a, b = carry.span("modal")
            found.extend(Found(name, role, a, b) for name in rules.subject)
            subject = rules.subject
    if subject != rules.subject:
        rules = (
            ReadingRules(rules.first_listed_leads, subject)
            if subject
            else _NO_SUBJECT[rules.first_listed_leads]
        )
    if not found:
        return [], rules
    if "、" in whole:
        found = _carry_level(whole, found)
    return _dedupe(found), rules


# A provincial or municipal organ written without its level after one written with it:
# 省科技厅、工业和信息化厅 → 省工业和信息化厅; 市发展改革委、财政局 → 市财政局.
# A name opening with a province or a city with its own regulators is no bare local organ:
# 市规划资源局、上海银保监局.
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|"
    "深圳|大连|青岛|宁波|厦门"
)
_NOT_LEVEL_NEXT = frozenset("级场辖民内外")  # 省级…, 市场…, 市辖区 open with no level
_BARE_LOCAL = regex.compile(
    rf"^(?!各|有关|相关|国家|国务院|中国|中央|全国|{_PROVINCES})(?:市场|[^省市区县州盟旗国]){{1,10}}"
    r"(?<!总)(?:厅|局|委|办|委员会|办公室)$"
)


_NOT_BARE_FIRST = frozenset("省市区县州盟旗国各有相中全")


def _carry_level(clause: str, found: list[Found]) -> list[Found]:
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
    for f in sorted(free, key=lambda f: (f.start, f.end)):
        if f.role not in _OBLIGED or f.start < lead:
            continue
        if end >= 0 and masked[end : f.start] not in _LIST_GAP:
            break
        if f.name not in names:
            names.append(f.name)
        end = max(end, f.end)
    return tuple(names)


def _specific(found: list[Found]) -> list[Found]:
    """Keep the specific role of a subject: 省级能源主管部门应会同… is lead, not responsible."""
    specific = {(f.start, f.end) for f in found if f.role in (Role.LEAD, Role.COOPERATE)}
    return [f for f in found if f.role is not Role.RESPONSIBLE or (f.start, f.end) not in specific]


def _dedupe(found: Iterable[Found]) -> list[Found]:
    seen: set[tuple[str, Role]] = set()
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if (f.name, f.role) not in seen:
            seen.add((f.name, f.role))
            out.append(f)
    return out


@functools.lru_cache(maxsize=4096)
def cell_bodies(cell: str, role: Role) -> tuple[Found, ...]:
    """Return the bodies a task-table cell names, all in the role its column gives.

    A cell holds a name list (``市税务局、市公安局``), a lead mark included
    (``市发展改革委（牵头）``: that body leads whatever the column). Cached: a table's merged
    cells are read once per row, and the same units fill many cells.

    Args:
        cell: The cell's text; offsets in the result index it.
        role: The role the cell's column gives (``table_header.column_roles``).
    """
    toks = _tokens(cell, 0, len(cell), field_line=False)
    return tuple(
        _lead_marked(Found(str(t), role, t.start_pos or 0, t.end_pos or 0))
        for t in toks
        if t.type == "NAME"
    )


def table_bodies(rows: list[list[str]]) -> list[list[Found]]:
    """Read a task table whose header names 牵头单位 / 责任单位 / 配合单位 columns.

    Args:
        rows: The table, header row first, one string per cell.

    Returns:
        One list per data row: the bodies of its role columns, offsets into each cell.
    """
    if not rows:
        return []
    roles = column_roles(rows[0])
    return [
        [f for i, role in roles.items() if i < len(row) for f in cell_bodies(row[i], role)]
        for row in rows[1:]
    ]
