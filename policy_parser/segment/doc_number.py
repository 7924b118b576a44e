"""发文字号: 国办发〔2018〕117号 under, glued to or above the title."""

from __future__ import annotations

import regex

from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _compact, _Ctx, _line_index

# 发文字号: 国办发〔2018〕117号, 穗医保规字〔2024〕1号, 国发[2019]3号, 京政发（2020）5号.
_LB = r"[〔\[［【(（﹝]"  # every bracket a 发文字号 year is written in


_RB = r"[〕\]］】)）﹞]"
# The year in brackets and the serial number: '〔2018〕117号', '[2019]第3 号'.
_YEAR_SERIAL = rf"{_LB}\s*(?:19|20)\d{{2}}\s*{_RB}\s*(?:第\s*)?\d{{1,5}}\s*号"
# The issuer's code before it: '国办发', '穗医保规字'.
_CODE = r"[\p{Han}A-Za-z]{1,15}\s*"


_DOCNUM_TAIL = regex.compile(_YEAR_SERIAL)


_DOCNUM_AT = regex.compile(rf"(?:文\s*号[：:]\s*)?({_CODE}{_YEAR_SERIAL})")


# A whole line, maybe in brackets under the title: '（国办发〔2023〕17 号）', '【甲发〔2020〕1号】'.
_DOCNUM_LINE = regex.compile(
    r"^(?:文\s*号[：:]\s*|[（(【［\[]\s*(?=.*[）)】］\]]$))?"
    rf"({_CODE}{_YEAR_SERIAL})\s*[）)】］\]]?$"
)


_NUM_PREFIX = regex.compile(_CODE)  # '国办函' before '〔2018〕46号'


_NUMBER_LABEL = regex.compile(r"(?:发\s*文\s*字\s*号|文\s*号)\s*[：:]\s*")


def _number_before(ctx: _Ctx, title_start: int) -> Field | None:
    """A 发文字号 printed above the title (web pages put it in a panel before the heading)."""
    i = _line_index(ctx, title_start) - 1
    seen = 0
    while i >= 0 and seen < 40:
        s = ctx.lines[i].s
        if s:
            seen += 1
            m = _DOCNUM_LINE.match(s)
            # A bare number just above the title, or the value of a '发 文 字 号 ：' label.
            if m and (seen <= 6 or _is_number_label(ctx, i)):
                a = ctx.lines[i].start + m.start(1)
                return Field(_compact(m.group(1)), a, ctx.lines[i].start + m.end(1))
            lm = _NUMBER_LABEL.match(s)
            if lm is not None and seen <= 40:
                m = _DOCNUM_AT.match(s, lm.end())
                if m is not None and not s[m.end() :].strip():
                    a = ctx.lines[i].start + m.start(1)
                    return Field(_compact(m.group(1)), a, ctx.lines[i].start + m.end(1))
        i -= 1
    return None


def _is_number_label(ctx: _Ctx, i: int) -> bool:
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    return k >= 0 and _NUMBER_LABEL.fullmatch(ctx.lines[k].s) is not None
