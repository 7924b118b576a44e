"""成文日期 and other dates: the date patterns and :func:`parse_date`."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import regex

from policy_parser.numerals import to_int
from policy_parser.segment.lines import _per_parse

# 成文日期: '2019年8月20日', '二〇二三年五月五日', '二○○五年二月十五日' (○ is U+25CB in 012).
_Y = r"(?:[12][0-9０-９]{3}|[12１２][0-9０-９]{3}|[〇零○Ｏ一二三四五六七八九]{4})"


_MD = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"


_DATE = regex.compile(rf"(?P<y>{_Y})\s*年\s*(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*日")


_ISO_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


_BRACKET_DATE = regex.compile(rf"[（(]\s*({_DATE.pattern})\s*[）)]")


_EFFECTIVE_ONLY = regex.compile(r"^[^，。；]{0,30}日\s*(?:起)?(?:施行|生效|实施)[）)]?$")


# A bracketed history under a regulation's title: '（2000年1月2日某会议通过　根据…修正）'.
_REVISION_NOTE = regex.compile(
    r"[（(][^（）()]{0,600}?(?:发布|修订|公布|通过|修正)[^（）()]{0,80}[）)]"
)


_META_PASSED = regex.compile(r"(?:通过|批准|发布|公布|施行|修订|修正)[）)]?$")


def parse_date(s: str) -> datetime.date | None:
    """Read the first date written in ``s``.

    Args:
        s: text holding a date such as ``2019年8月20日``, ``二〇二三年五月五日``,
            ``二○○五年二月十五日`` or ``2023-10-19``.

    Returns:
        The date, or ``None`` when ``s`` holds no valid date (``2019年2月30日`` is not one).
    """
    m = _DATE.search(s)
    if m is not None:
        # A year is written digit by digit (二〇二三); a month or a day is counted (十一, 二十),
        # never digit by digit ('一二月' is no month).
        year = to_int(m.group("y"))
        month = to_int(m.group("m"), digit_runs=False)
        day = to_int(m.group("d"), digit_runs=False)
        if year is None or month is None or day is None:
            return None
        return _make_date(year, month, day)
    iso = _ISO_DATE.search(s)
    if iso is not None:
        return _make_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    return None


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# A 附注 printed on the date's own line: '2023年5月6日（此件有删改）'.
_DATE_NOTE = regex.compile(r"\s*(?:[（(]\s*此件[^）)]{0,30}[）)]\s*)?")


@_per_parse
def _is_date_line(s: str) -> bool:
    """A line holding only a date, maybe with its 附注: '2019年1月12日', '二〇〇五年六月十一日'.

    A note in brackets may follow the date on its line ('2023年5月6日（此件有删改）'): the line
    still closes the signature.
    """
    m = _DATE.match(s)
    return m is not None and _DATE_NOTE.fullmatch(s, m.end()) is not None


def _dates(text: str, lo: int, stop: int) -> Iterator[regex.Match[str]]:
    r"""``_DATE.finditer(text, lo, stop)``, started near the first '年' rather than at ``lo``.

    Every date holds a '年' after its four-character year and any spaces (``\s`` accepts no
    character ``str.isspace`` rejects), so no match starts before the first one's year.
    """
    k = text.find("年", lo, stop)
    if k < 0:
        return iter(())
    while k > lo and text[k - 1].isspace():
        k -= 1
    return _DATE.finditer(text, max(lo, k - 4), stop)
