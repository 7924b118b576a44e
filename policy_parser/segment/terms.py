"""Defined terms: 科学技术普及（以下简称科普） gives {科普: 科学技术普及}."""

from __future__ import annotations

import regex

# 定义: 科学技术普及（以下简称科普）, （简称市农委）, （以下简称《纲要》）, （下称种子基金）.
_DEFINED = regex.compile(
    r"[（(]\s*(?:[^（）()，,\n]{1,40}[，,]\s*)?(?:以下|下文)?(?:简称|统称|称|下称)\s*[：:]?\s*[“「《]?(?P<alias>[^（）()“”「」《》\n]{1,20}?)"
    r"[”」》]?\s*[）)]"
)


def _defined_terms(text: str, start: int, end: int) -> dict[str, str]:
    """Terms defined in ``text[start:end]``.

    '科学技术普及（以下简称科普）' gives {'科普': '科学技术普及'}.
    """
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text, start, end):
        alias = m.group("alias").strip()
        if not alias or alias in out:
            continue
        full = _defined_full(text, m.start(), start, alias)
        if full and full != alias:
            out[alias] = full
    return out


_TERM_CHAR = regex.compile(r"[\p{Han}A-Za-z0-9·]")


# A place in brackets inside a name: '中国（上海）自由贸易试验区'.
_INNER_PLACE = regex.compile(r"[（(][\p{Han}]{2,4}[）)]$")


# The beginning of a name that stays when an alias leaves it out: '中国石油天然气集团（以下简称
# 石油集团）', '中国（上海）自由贸易试验区临港新片区管理委员会（以下简称临港新片区管委会）';
# not another name joined by 与/和 ('中国石油集团公司与中国石油化工集团公司（以下简称…）').
_NAME_HEAD = regex.compile(r"(?:中国|中华人民共和国)(?:[（(][\p{Han}]{2,4}[）)])?[^与和及或、]*")


# A verb (or modal, preposition) before a noun phrase, not part of it: '设立天使投资引导基金',
# '还可以开展来自境外…', '对其全资企业', '为了明确家用汽车产品修理、更换、退货'.
_LEAD_VERB = regex.compile(
    r"(?:设立|成立|组建|开展|从事|对其|依托|通过|利用|涉及|按照|根据|实行|作为|属于|可以|应当"
    r"|为了(?:\p{Han}{2}(?=\p{Han}{2}))?|明确|推动|享受|建立|批准|同意|第[一二三四五六七八九十百零〇\d]{1,6}条)"
)


# A preposition before a long name: '以中国留学人员广州科技交流会', '由签订合同的外国企业'.
_LEAD_PREP = regex.compile(r"[以由将把向](?=\p{Han}{8})")


def _term_start(text: str, a: int, lo: int) -> int:
    """Where the run of name characters (and bracketed places) ending at ``a`` starts."""
    floor = max(lo, a - 40)
    while a > floor:
        if _TERM_CHAR.match(text[a - 1]):
            a -= 1
            continue
        w = max(floor, a - 6)
        im = _INNER_PLACE.search(text[w:a])  # a small window: no per-call cost on a long text
        if im is not None and w + im.start() > floor and _TERM_CHAR.match(text[w + im.start() - 1]):
            a = w + im.start()
            continue
        break
    return a


def _drop_verb(phrase: str) -> str:
    """The noun phrase after the last leading verb: '设立天使投资引导基金' → '天使投资引导基金'."""
    cut = 0
    for vm in _LEAD_VERB.finditer(phrase):
        if len(phrase) - vm.end() >= 2:
            cut = vm.end()
    pm = _LEAD_PREP.match(phrase, cut)
    return phrase[pm.end() if pm is not None else cut :]


def _defined_full(text: str, paren: int, lo: int, alias: str) -> str:
    """The phrase an alias abbreviates, read backwards from its parenthesis."""
    while paren > lo and text[paren - 1] in " \u3000\t":
        paren -= 1  # '《职工带薪年休假条例》 （以下简称条例）'
    if paren > lo and text[paren - 1] in "》”":
        close = text[paren - 1]
        opener = "《" if close == "》" else "“"
        k = text.rfind(opener, max(lo, paren - 200), paren - 1)
        if k >= 0:
            return text[k + 1 : paren - 1]
    a = _term_start(text, paren, lo)
    raw = text[a:paren]
    phrase = _drop_verb(raw)
    cut = len(phrase) < len(raw)
    if not phrase:
        return ""
    if not _is_subsequence(alias, phrase):
        # A collective alias for a list: '全资企业、控股企业、参股企业（以下简称有关企业）'.
        items = [phrase]
        while len(items) < 12 and a - 1 > lo and text[a - 1] == "、":
            b = _term_start(text, a - 1, lo)
            if b >= a - 1:
                break
            items.insert(0, _drop_verb(text[b : a - 1]))
            a = b
        if len(items) > 1:
            return "、".join(items)
    # The nearest start from which the alias is a subsequence: '全市科学技术普及' → '科学技术普及',
    # '北京市农业农村委员会' → '市农业农村委员会'; a name's own beginning stays ('中国…').
    for k in range(len(phrase) - 1, 0, -1):
        if phrase[k] == alias[0] and _is_subsequence(alias, phrase[k:]):
            if phrase[k:] == alias and not cut:
                # The alias is the phrase's tail and nothing marks where the phrase begins.
                return alias
            if phrase[k:] == alias:
                # '享受带薪年休假（以下简称年休假）': the noun phrase after the verb.
                continue
            return phrase if _NAME_HEAD.fullmatch(phrase[:k]) else phrase[k:]
    return phrase


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)
