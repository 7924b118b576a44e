"""附件 lines: the 附件说明 list, attachment labels (附件1, 附录2：名称) and their items."""

from __future__ import annotations

import regex

from policy_parser.segment.lines import _TOP_MARKER, _Ctx

# Closing parts of a 公文 and what follows it.
_ANNEX_NOTE = regex.compile(r"^附\s*件\s*[：:]")  # 附件说明 '附件：1．…'


# A bare label, maybe after the notice's 发文字号 ('甲办发〔2023〕17号附件', printed at the top
# of the attached plan's first page).
_ANNEX_MARK = regex.compile(
    r"^(?:[\p{Han}A-Za-z]{1,15}\s*[〔\[［【(（﹝]\s*(?:19|20)\d{2}\s*[〕\]］】)）﹞]\s*(?:第\s*)?"
    r"\d{1,5}\s*号\s*)?"
    r"(?:附\s*件|附\s*录)\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?$"
)


# The number of a label split over two lines: '附件' / '1'.
_ANNEX_NUMBER = regex.compile(r"^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]?$")


# An attachment marker with its name on the line: '附录2：竞价指引', '附件1：任务分工表'.
_ANNEX_NAMED = regex.compile(
    r"^(?:附\s*件|附\s*录)\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]\s*"
    r"(?P<name>[^。；：:！？]{2,60}?)$"
)


_ITEM_MARK = regex.compile(r"^\s*(?:[0-9０-９]{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}\s*、)\s*")


def _strip_annex_number(s: str) -> str:
    return regex.sub(r"^[0-9０-９]{1,2}\s*[.．、]\s*", "", s.strip())


def _annex_items(s: str) -> list[str]:
    """The names in a 附件说明 list: '一、丙表；二、丁规定。' → ['丙表', '丁规定']."""
    parts = [p for p in regex.split(r"[；;]", s.strip()) if p.strip()]
    if len(parts) < 2 or not all(_ITEM_MARK.match(p) for p in parts):
        return [_strip_annex_number(s)]
    return [_ITEM_MARK.sub("", p).strip().rstrip("。.") for p in parts]


def _after_annex_mark(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` follows an attachment marker that follows numbered sections."""
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    if k < 0 or not (_ANNEX_MARK.match(ctx.lines[k].s) or _ANNEX_NAMED.match(ctx.lines[k].s)):
        return False
    if ctx.first_top is None:
        ctx.first_top = next(
            (n for n, ln in enumerate(ctx.lines) if _TOP_MARKER.match(ln.s)), len(ctx.lines)
        )
    return ctx.first_top < k
