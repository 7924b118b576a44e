"""The vocabulary of body names, as regex fragments: modifiers, rank suffixes, level words.

A name not in the lexicon is read as modifiers (``各类``, ``有关``), function characters and a
rank suffix (``局``, ``委员会``, ``协会``): ``市大数据发展局``, ``各类媒体``. The fragments here say
what may open, fill, end and follow such a name, and which look-alikes are no name (``全部``,
``场所``); ``patterns`` assembles them into the compiled name patterns.
"""

from __future__ import annotations

import regex

from policy_parser.wordlists import entries, one_of, words

_HAN = r"\u4e00-\u9fff"


def suffixes(tag: str) -> tuple[str, ...]:
    """Return the organ suffixes of one use (``data/organ_suffixes.txt``, by tag)."""
    return words("organ_suffixes", tag)


def role_verbs(role: str, use: str) -> tuple[str, ...]:
    """Return the role verbs giving ``role`` in one ``use`` (``data/role_verbs.txt``, by tags)."""
    return tuple(w for w, tags in entries("role_verbs") if role in tags and use in tags)


# Distributive and qualifying words written in front of a name and kept in it:
# 各类媒体, 有关部门, 广大科技工作者, 市级学会.
_MOD = one_of(words("name_modifiers"))
_MOD_FIRST = frozenset(w[0] for w in words("name_modifiers"))  # a cheap test before _MOD
# Brackets written inside names: 区县（自治县）, 区县〔自治县〕, 区县(自治县).
_LB = r"[（〔(]"
_RB = r"[）〕)]"
# Rank suffixes of names that are not in the lexicon: 市大数据发展局, 国务院扶贫办.
_SUFFIXES = suffixes("rank")

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
    r"|取消|撤销|吊销|应当|特别是|尤其是"
)

# A verb that takes a body as its object ends the name before it: 由区政府|选定学校提供,
# 引导学会|关心青年 (but 关心下一代工作委员会 is a name).
_GOVERNING = words("object_verbs", "governs")
_GOVERNING_VERB = rf"(?!{one_of(words('object_verbs', 'in_name'))}){one_of(_GOVERNING)}"

# Their first characters, tested as one class before the words are tried (see _alternation):
# _FUNC_CHAR is tried at every character of a candidate name. Cutting at every '|' also cuts
# 牵头(?!单位|部门), which only adds 部 to the class.
_VERBISH_FIRST = "".join(sorted({w[0] for w in [*_VERBISH.split("|"), *_GOVERNING]}))

_FUNC_CHAR = (
    rf"(?:(?![的了把被将在对向从于与也都还要等]|(?<!自)由"
    rf"|(?=[{_VERBISH_FIRST}])(?:{_VERBISH}|{_GOVERNING_VERB}))"
    rf"[{_HAN}]"
    rf"|{_LB}[{_HAN}、]{{1,6}}{_RB})"
)

# An incentive verb's object does not open with a verb: 鼓励建设主题博物馆, 鼓励兴办科普企业.
_NOT_OBJECT = f"(?!{one_of(words('object_verbs', 'not_object'))})"

# Level words that share the suffix of the last item: 市、区县（自治县）人民政府.
_LEVELS = (
    rf"(?:各?(?:省|自治区|直辖市|市|州|盟|区县{_LB}自治县{_RB}|区县|县{_LB}市、区{_RB}|县|区|旗"
    rf"|乡镇{_LB}街道{_RB}|乡镇|街道|村{_LB}社区{_RB}|村))"
)

_LEVEL_FIRST = frozenset("各省自直市州盟区县旗乡街村")  # the first characters of _LEVELS
# 特别是/尤其是 single out part of a list and join it like a separator: 学校特别是中小学校要….
_SEP = r"(?:、以及|以及|、|和|及|与|或者|或|特别是|尤其是)"

# Adverbs between a subject and its verb: 市科协也要…, 由X具体负责, 市教委主要负责.
_ADVERBS = one_of(words("adverbs"))
_ADVERB_CHARS = frozenset(w[-1] for w in words("adverbs"))

# What may follow a name: a separator, punctuation, an adverb (data/adverbs.txt), a role verb,
# or what opens an adverbial (data/adverbials.txt: 市文旅委依照有关规定牵头).
_BOUNDARY = (
    r"(?=[、，,和及与等；;。：:）)\s□]|$|以及|或|特别是|尤其是|须|需|不得|严禁|"
    r"负责|牵头|会同|配合|参与|参加|协助|按|作为|"
    rf"{_ADVERBS}|{one_of(words('adverbials', 'according'))})"
)

# More name after a complete name: 国家能源局|派出机构, 政府|法制部门 (no list separator inside).
_EXTENSION = (
    rf"(?:(?:(?![和及与或并等各]){_FUNC_CHAR}){{1,10}}?"
    rf"{one_of(suffixes('extension'))}(?![门员]))"
)

# A lexicon name's own branches, one longer name: 请国家能源局派出机构对…加强监管.
_DISPATCHED = one_of(suffixes("branch"))

# Not bodies although they end like one: 全部 (部), 场所 (所), 网站 (站).
_NOT_NAMES = frozenset(words("not_body_names"))

# Place words that end like a name (部) but say where inside a body: 省电力公司内部.
_PLACE_TAILS = ("内部", "外部")

# A lexicon name followed by these is a different word: 企业家 ≠ 企业, 科学家精神.
_NOT_AFTER = r"(?![家界债])"

# After an incentive verb, a lexicon name followed by a noun modifies it and is no object:
# 支持地方工业项目建设, 支持地方特色产业, 支持企业债券发行.
_NOUN_AFTER = f"(?!{one_of(words('modified_nouns'))})"

# After an incentive verb a compound object ends in one of these even where a verb follows:
# 鼓励金融科技企业加大投入, 支持交通物流企业开展….
_COMPOUND_TAIL = one_of(suffixes("compound_tail"))

# Category words that label a list and are no body on their own: 行业协会等单位.
_BARE = one_of(suffixes("bare"))
_BARE_NAMES = frozenset(suffixes("bare"))
# A category shared by a list of fields: 教育、卫生等部门.
_FIELD_CATEGORY = one_of(suffixes("field_category"))
_CATEGORY_END = regex.compile(rf"{_FIELD_CATEGORY}$")

# Names ending so are channels, not bodies: 政务新媒体 are accounts on platforms.
_NOT_ENDINGS = ("政务新媒体",)


def _core(name: str) -> str:
    """Strip the distributive prefix: 各类媒体 → 媒体."""
    if name[:1] not in _MOD_FIRST:
        return name  # most names: no regex call
    return _MOD_PREFIX.sub("", name)


_MOD_PREFIX = regex.compile(rf"^{_MOD}+")  # compiled once: regex.sub(str) costs a cache lookup

# A lead mark after a name in an annotation list: 责任单位：市发展改革委（牵头）、市财政局.
_LEAD_MARK = r"[（(〔]牵头(?:单位|部门)?[）)〕]"

# Verbs that open what an incentive object does: 支持企业|建设研发中心, 鼓励高校|设立实验室.
_OBJECT_VERB = one_of(words("object_verbs", "work"))
