"""发文机关署名: the organ lines (and date) that sign a document, and the notes around them."""

from __future__ import annotations

import re

import regex

from policy_parser.segment.annex import _ANNEX_NAMED
from policy_parser.segment.dates import _DATE, _is_date_line
from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _SENTENCE_END, _Ctx, _find_spaced, _is_ishy, _next_content
from policy_parser.segment.organs import _org_tokens

_NOTE = regex.compile(r"^[（(]\s*此件[^）)]{0,30}[）)]$")


_COPY_TO = regex.compile(
    r"^(?:抄\s*送|抄\s*报|主\s*题\s*词|印\s*发)[：:]|\d{1,2}月\d{1,2}日\s*印\s*发$"
)


_CONTACT = regex.compile(
    r"^[（(]?[\p{Han}（）()]{0,30}(?:联\s*系\s*(?:人|电话|方式)|电\s*话|传\s*真)[：:].{0,80}$"
)


# A _CONTACT line names its label within its first 32 characters: 联/电/传 follows at most a
# bracket and thirty characters. A plain class, for the stdlib engine's faster scan.
_CONTACT_KEY = re.compile("[联电传]")


_CONTACT_REACH = 32


# A download link of an attachment on a web page: '附件.doc', '附件1：某某清单.xlsx'.
_FILE_LINK = regex.compile(
    r"^[^。；]{0,100}\.(?:docx?|wps|pdf|xlsx?|et|zip|rar|7z|ofd|txt|pptx?)$", regex.I
)


_HEADLINE = regex.compile(
    r"^(?P<o>[^《》]{2,80}?)\s*(?:印发|转发|发布|出台|公布)《(?P<t>[^《》]{4,120})》$"
)


_SPACED_RUN = regex.compile(r"(?<=[。！？”])[ \t\u3000]{4,}(?=\S)")


_NOTE_AT = regex.compile(r"\s*[（(]\s*此件[^）)]{0,30}[）)]")


def _glued_sig_at(text: str, a: int, end: int) -> tuple[list[Field], regex.Match[str], int] | None:
    """A signature written at ``a`` with its date on the same line: '国务院办公厅2020年11月1日'."""
    dm = _DATE.search(text, a, min(end, a + 120))
    if dm is None:
        return None
    orgs = _org_tokens(text[a : dm.start()])
    if orgs is None:
        return None
    fields: list[Field] = []
    off = a
    for o in orgs:
        k = _find_spaced(text[: dm.start()], o, off)
        if k is None:
            return None
        fields.append(Field(o, k[0], k[1]))
        off = k[1]
    stop = dm.end()
    nm = _NOTE_AT.match(text, stop, end)
    if nm is not None:
        stop = nm.end()
    return fields, dm, stop


def _signature_run(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` starts a signature.

    Organ lines (names may be broken over lines: '国家发' / '展改革委') followed by a date line,
    or a bare date line.
    """
    lines = ctx.lines
    a, b = ctx.unsigned
    if a <= i < b:
        return False
    if _is_date_line(lines[i].s):
        return True
    parts: list[str] = []
    quoted = False  # whether a part ends with '》' (a headline may end there)
    j = i
    while j < len(lines) and len(parts) < 6:
        s = lines[j].s
        j += 1
        if not s:
            continue
        if _is_date_line(s):
            return bool(parts) and _org_tokens(" ".join(parts)) is not None
        if not _is_ishy(s) or len(s) > 80:
            if not quoted:
                # A walk from any line after i meets this line too, with fewer parts and no
                # date or headline before it: none of them starts a signature either.
                ctx.unsigned = (i, j - 1)
            return False
        parts.append(s)
        hm = _HEADLINE.match("".join(parts)) if s.endswith("》") else None
        if hm and _org_tokens(hm.group("o")):
            return True  # newspaper: '中共重庆市委办公厅 重庆市人民政府办公厅' / '印发《…》'
        quoted = quoted or s.endswith("》")
    return _last_signature(ctx, i, j, parts)


def _last_signature(ctx: _Ctx, i: int, j: int, parts: list[str]) -> bool:
    """Whether organ lines ``i``..``j`` end the text after a closing sentence.

    They sign it without a date: '…独立行使监督管理职权。' / '国务院'.
    """
    if (
        not parts
        or _next_content(ctx, j - 1) < len(ctx.lines)
        or _org_tokens(" ".join(parts)) is None
    ):
        return False
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    return k >= 0 and _SENTENCE_END.search(ctx.lines[k].s) is not None


def _annex_list_item(ctx: _Ctx, i: int) -> bool:
    """Whether a named annex line ``i`` belongs to a list of names before a signature."""
    j = _next_content(ctx, i)
    while j < len(ctx.lines) and _ANNEX_NAMED.match(ctx.lines[j].s):
        j = _next_content(ctx, j)
    if j >= len(ctx.lines):
        return False
    return _signature_run(ctx, j)


def _set_off(text: str, pos: int) -> bool:
    """Whether ``pos`` follows a run of spaces after a sentence (a signature set off on a line)."""
    return _SPACED_RUN.search(text[max(0, pos - 40) : pos + 1]) is not None
