"""Titles glued to their text in run-together documents, split off where the siblings agree.

``二、工作要求各地区、各部门要坚决贯彻落实…``: the title ends where a sentence opening, an
organ's name or the title's own noun begins.
"""

from __future__ import annotations

from functools import cache

import regex

from policy_parser.models import MarkerKind
from policy_parser.normalize import TrackedText
from policy_parser.transform.headings import Reading, Tier
from policy_parser.transform.phrases import ends_open, opens_task, task_verb_at
from policy_parser.wordlists import lexicon

__all__ = ["unglue_titles"]


# Run-together text glues a title to its text: 二、工作要求各地区、各部门要坚决贯彻落实…,
# 一、关于水利建设问题进一步加大…, 五、提高资源税税率为有效缩减…. The text opens as sentences
# open (各地区, 为, 按照 …), with an organ as subject, or by repeating the title's noun
# (三、联席会议工作规则联席会议每年召开…).
_ABOUT_TITLE = regex.compile(r"关于[^，。；：,;:]{2,40}?问题(?=[^，。；：,;:])")
# Plain words, tried with str.startswith at each position: no regex call per position.
_OPENERS = (
    *("各", "为", "在", "自", "对", "按照", "根据", "依据", "坚持", "到", "加强", "建立"),
    *("进一步", "全面", "深入", "认真", "切实", "推动", "加快", "围绕", "有关", "国务院"),
    *("国家", "中央", "以习近平", "贯彻"),
)
# 各 opens a sentence as its subject (各地区要…), not as an object's determiner (精简各类审批).
_DETERMINERS = ("各类", "各种", "各项", "各级", "各层级", "各方面", "各环节", "各领域")
_TITLE_STOP = regex.compile(r"[，。；：,;:（(“]")
_PREPOSITIONS = frozenset("对在为自")
_SUBJECT_END = regex.compile(
    r"(?:公司|集团|部门|委员会|政府|局|厅|委|办|中心|机构|单位|企业|学校|医院|协会|银行)$"
)
_NOT_A_GLUED_TITLE = regex.compile(r"^[各本我对在为由]|要(?![求点素件])|应|必须|须|将|可以|已|是")
_GLUED_MIN, _GLUED_MAX = 4, 20
_NOUN = 4  # the characters of the title's noun that the text repeats: 数据资源
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _glued_split(text: str, flat: bool, strict: bool = False) -> int | None:
    """Return where a title glued to its text ends, or None.

    ``flat``: the document runs into one line, so the text may also begin with a number run
    (``一、总体目标2025年，全市…``), the title's noun again, or a title verb and its object
    (``二、重点任务引导企业…``).
    No title ends on 、和及 or on a verb missing its object (``积极推动|2025年``); ``strict``:
    whatever the text opens with (``大幅精简|各类审批``), else only before a run-together opening.
    """
    about = _ABOUT_TITLE.match(text)
    if about:
        return about.end()
    stop = _TITLE_STOP.search(text)
    # The title and the first words of the text stand before the first punctuation.
    limit = min(_GLUED_MAX, (stop.start() if stop else len(text)) - _GLUED_MIN)
    head = text[:2]
    # Sentence openings, organs and numbers first; a title verb only where none is found,
    # since it also ends a noun (加强信息引导|工业和信息化部…).
    for verbs in (False, True) if flat else (False,):
        for p in range(_GLUED_MIN, limit + 1):
            known = not verbs and (
                (text.startswith(_OPENERS, p) and not text.startswith(_DETERMINERS, p))
                or text.startswith(head, p)
                or _organ_at(text, p)
            )
            new = not known and flat and (_verb_at(text, p) if verbs else _flat_at(text, p))
            if not (known or new) or ends_open(text[:p], verb=new or strict):
                continue  # 加强和|改进…, 积极推动|2025年…: the phrase goes on
            title = text[:p]
            # A title names a task; it has no subject and no modal verb (各地区要主动…), and
            # is not itself the subject of the sentence (集团公司对所属企业…).
            subject = text[p] in _PREPOSITIONS and _SUBJECT_END.search(title)
            return None if _NOT_A_GLUED_TITLE.search(title) or subject else p
    return None


def _verb_at(text: str, p: int) -> bool:
    """Whether run-together text begins at ``p`` with a title verb, after a title of nouns.

    ``二、重点任务引导企业…``; but a title that opens with a verb goes on with a second one
    as often as not (``三、完善产业发展支持政策体系。``): it is left whole.
    """
    return task_verb_at(text, p) and not opens_task(text)


def _flat_at(text: str, p: int) -> bool:
    """Whether run-together text begins at ``p`` with a number run or the title's own noun.

    ``一、总体目标2025年，…`` (not ``2.5`` inside a number); ``（一）深化数据资源管理要求数据资源
    是…``: the text names its subject with four characters of the title.
    """
    if text[p] in _DIGITS:
        return text[p - 1] not in _DIGITS and text[p - 1] not in "第．.、"
    word = text[p : p + _NOUN]
    return len(word) == _NOUN and word in text[:p]


@cache
def _organ_heads() -> frozenset[str]:
    """The first characters of the lexicon's organ names, to skip most positions at once."""
    return frozenset(name[0] for name, kind in lexicon().items() if kind == "organ")


def _organ_at(text: str, p: int) -> bool:
    """Whether a known organ's name starts at ``p`` (七、加强信息引导工业和信息化部、…)."""
    if p >= len(text) or text[p] not in _organ_heads():
        return False
    organs = lexicon()
    return any(organs.get(text[p:q]) == "organ" for q in range(p + 3, min(len(text), p + 14) + 1))


# Read per group from module constants: an enum member looked up on its class costs a call.
_CN_COMMA = MarkerKind.CN_COMMA
_GLUED_KINDS = frozenset((MarkerKind.CN_COMMA, MarkerKind.CN_PAREN))  # 一、 and （一） only
_TITLE = Tier.TITLE


def unglue_titles(
    kind: MarkerKind, readings: list[Reading], lines: list[list[TrackedText]], *, flat: bool
) -> list[Reading]:
    """Split glued titles off items without a title line, where the siblings show they have one.

    Either a sibling has a title line, or most siblings (three in five) read as glued, top-level
    items (一、) of three or more, or, in a document run into one line (``flat``), every item
    of a smaller or （一） group reads as glued (list items never). There the text may
    also begin with a number run or a title verb (``一、总体目标2025年，…``). A glued title
    also beats a run-in reading of the same line (三、联席会议工作规则联席会议每年召开一次例会。
    reads as one short sentence). A title-like line with nothing after it is a title line, not
    a title glued to text (二、加强重点领域).

    ``lines`` holds each item's stripped lines, its marker line first; they are joined only
    for the items whose title is split off.
    """
    if kind not in _GLUED_KINDS:
        return readings
    titled = any(r.tier is _TITLE for r in readings)
    # Without a title line among them, only top-level items (一、) that mostly read as glued:
    # fewer than three, or 1.-style items, cannot be, whatever their splits.
    many = kind is _CN_COMMA and len(readings) >= 3
    every = flat and not many and len(readings) >= 2
    if every and any(parts[-1].text.endswith(("；", ";")) for parts in lines):
        every = False  # list items: （一）违反规定的；（二）…
    if not titled and not many and not every:
        return readings
    splits = [
        None
        if r.tier is _TITLE or (r.tier is Tier.AMBIGUOUS and r.run_in is None)
        else _glued_split("".join(part.text for part in parts), flat, every and not titled)
        for r, parts in zip(readings, lines, strict=True)
    ]
    found = sum(p is not None for p in splits)
    most = (many and found >= 0.6 * len(readings)) or (every and found == len(readings))
    if not found or not (titled or most):
        return readings
    out: list[Reading] = []
    for reading, p, parts in zip(readings, splits, lines, strict=True):
        if p is None:
            out.append(reading)
        else:
            line = TrackedText.join(parts)
            out.append(Reading(line.text[:p], None, line.slice(p, len(line.text)), Tier.TITLE))
    return out
