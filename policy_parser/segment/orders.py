"""Promulgation orders (国务院令 第707号) and the organ that issues one."""

from __future__ import annotations

import regex

from policy_parser.segment.frame import Field
from policy_parser.segment.vocabulary import _ORG_END
from policy_parser.wordlists import words

# Promulgation orders: 中华人民共和国国务院令 第707号 / 广东省人民政府令第123号.
# The number may carry its year: '某局令 2023年第5号', '某部令〔2023〕第5号'.
_ORDER_YEAR = r"(?:[〔［\[（(]?\s*(?:19|20)\d{2}\s*[〕］\]）)]?\s*年?\s*)?"


_ORDER = regex.compile(
    r"(?:中华人民共和国)?[\p{Han}]{0,20}?令\s*"
    + _ORDER_YEAR
    + r"[（(]?\s*第\s*[0-9一二三四五六七八九十百零〇]{1,6}\s*号[)）]?"
)


_ORDER_REACH = 7 + 20  # how far before its '令' an _ORDER match may start


_ORDER_TAIL = regex.compile(
    r"令\s*" + _ORDER_YEAR + r"[（(]?\s*第\s*[0-9一二三四五六七八九十百零〇]{1,6}\s*号"
)


# '2008年7月17日 经人力资源和社会保障部第6次部务会议通过': the organ's own executive meeting.
_MEETING_ORGAN = regex.compile(
    r"经?\s*(?:中华人民共和国)?(?P<o>(?!经)[\p{Han}]{2,30}?)\s*第\s*[0-9一二三四五六七八九十百零〇]{1,4}\s*次"
    r"\s*(?:部务|局务|委务|署务|行务|厅务|主任办公|办公)会议"
)


_ORDER_ORGAN = regex.compile(r"(?:中华人民共和国)?(?P<o>[\p{Han}]{2,20}?)\s*令")


# What an order promulgates: '现公布《甲条例》', '《甲法》已由…会议于…通过',
# '《甲办法》已于…经…通过'.
_ORDER_NAME = regex.compile(
    r"(?:公布(?:修订后的)?|发布|施行)《(?P<a>[^《》]{2,80})》|《(?P<b>[^《》]{2,80})》(?:已经|业经|经|已由|已于)"
)


_ORDER_NAME_CHARS = {"〈": "[〈《]", "《": "[〈《]", "〉": "[〉》]", "》": "[〉》]"}


# The title of the person who signs an order ('总　理　李强'), letter-spaced or not.
_SIGNER = regex.compile(
    "(?:" + "|".join(r"\s*".join(map(regex.escape, w)) for w in words("signer_titles")) + ")"
)


def _order_issuer(text: str, m: regex.Match[str]) -> Field | None:
    """The organ that issues an order: '中华人民共和国国家安全部令第2号' → 国家安全部."""
    om = _ORDER_ORGAN.match(text, m.start(), m.end())
    if om is None or _ORG_END.search(om.group("o")) is None:
        return None
    return Field(om.group("o"), om.start("o"), om.end("o"))
