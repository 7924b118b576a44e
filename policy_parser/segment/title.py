"""标题: the lines that can open a document as its title."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from policy_parser.segment.chrome import _CHROME_STRONG, _is_chrome, _is_panel_value
from policy_parser.segment.dates import _DATE, _is_date_line
from policy_parser.segment.doc_number import _DOCNUM_LINE, _DOCNUM_TAIL, _NUM_PREFIX
from policy_parser.segment.frame import Field
from policy_parser.segment.lines import (
    _MARKER,
    _SENTENCE_END,
    _compact,
    _Ctx,
    _despace,
    _is_ishy,
    _Line,
    _per_parse,
)
from policy_parser.segment.vocabulary import (
    _KIND,
    _KIND_WORD,
    _OF_KIND,
    _ORG_SUFFIX,
    _TITLE_END,
    _TITLE_LAST,
)

_TITLE_BAD = regex.compile(r"[。，；！？：:|>＞]|\.docx?|\.xlsx?|\.pdf|https?:|www\.|©")


_STOPPED_HEADLINE = regex.compile(rf"(关于[^。；：:\n]{{2,60}}{_KIND})。(?=[^\n]{{20}})")


# Punctuation that makes a line neither _title_like nor _is_ishy (both reject it).
_NOT_TITLE_PUNCT = re.compile(r"[。，；！？：:]")


# A title glued to the month it was written: '甲市乙实施细则2021年2月'.
_GLUED_MONTH = regex.compile(r"(?<=\S)\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$")


_MARKDOWN_TITLE = regex.compile(r"^#\s+(.+)$")


@_per_parse
def _title_like(s: str) -> bool:
    """Whether ``s`` reads as a document title: '关于…的通知', '…实施方案', '…条例（试行）'."""
    t = _compact(s)
    if not 6 <= len(t) <= 130 or t[-1] not in _TITLE_LAST:
        return False
    if _TITLE_BAD.search(t) or _MARKER.match(t) or _DATE.match(t):
        return False
    if t[0] in "（(《“【[—-·•" or t.startswith(("附件", "附录", "序号")):
        return False
    if _DOCNUM_TAIL.search(t):
        return False
    if t.count("《") != t.count("》"):
        return False  # '根据《若干意见' (cut before a cited number): a fragment of a sentence
    return _TITLE_END.search(t) is not None


@dataclass
class _Cand:
    first: int  # first line index
    last: int  # last line index (inclusive)
    title: Field
    doc_number: Field | None
    after: int  # offset right after the title (and a glued 发文字号)
    markdown: bool = False
    score: int = 0
    rule: str = ""  # the rule that read it, for a trace: 'title:wrapped_candidate'


def _title_candidate(ctx: _Ctx, i: int) -> _Cand | None:
    """A title starting at line ``i``.

    One line, up to three wrapped lines, or a line that glues the title to its 发文字号
    (``…的通报国办函〔2018〕46号``).
    """
    ln = ctx.lines[i]
    s = ln.s
    if not s or _cannot_open(ctx, i):
        return None
    md = _MARKDOWN_TITLE.match(s) if s[0] == "#" else None
    if md:
        return _ruled(_markdown_candidate(ln, i, md), "title:markdown_candidate")
    glued = _glued_number_candidate(ln, i)
    if glued is not None:
        return _ruled(glued, "title:glued_number_candidate")
    if _title_like(s) and len(s) <= 130:
        one = _Cand(i, i, Field(_despace(s), ln.start, ln.end), None, ln.end)
        return _ruled(one, "title:title_like")
    dated = _dated_candidate(ln, i)
    if dated is not None:
        return _ruled(dated, "title:dated_candidate")
    stopped = _stopped_candidate(ln, i)
    if stopped is not None:
        return _ruled(stopped, "title:stopped_candidate")
    return _ruled(_wrapped_candidate(ctx, i), "title:wrapped_candidate")


def _ruled(cand: _Cand | None, rule: str) -> _Cand | None:
    """Name the rule that read ``cand`` (a trace shows it: 'title:title_like')."""
    if cand is not None:
        cand.rule = rule
    return cand


def _cannot_open(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` (not blank) is ruled out as a title's first line before any reading.

    A later line without a markdown '#' or a 发文字号's '号' that is long, has sentence
    punctuation, or ends unlike a title on it and on the lines a wrap would take; page chrome;
    or the rest of a hard-wrapped paragraph. Made up: '请各单位认真执行，' is a sentence, and
    '甲乙丙丁戊己庚辛壬癸子丑寅卯' + '辰巳午未的通知' continues a paragraph, not a title.
    """
    lines = ctx.lines
    s = lines[i].s
    if i > 0 and s[0] != "#" and "号" not in s:
        # Without a markdown '#' or a 发文字号's '号', a line can only open a title that ends on
        # it or on one of the lines a wrapped title takes (the stopped headline is line 0's).
        if len(s) > 130 or _NOT_TITLE_PUNCT.search(s) is not None:
            return True  # most lines are sentences or long paragraphs
        if (
            s[-1] not in _TITLE_LAST
            and not _wrap_may_end(lines, i)
            and (s[-1] not in "月日" or _GLUED_MONTH.search(s) is None)
        ):
            return True  # most short lines are table cells, names, navigation
    if _is_chrome(s):
        return True
    prev = lines[i - 1].s if i > 0 else ""
    # The line continues a hard-wrapped paragraph ('…共同探' / '讨形成了…评测体系'):
    # a wrap point that happens to end in a kind word is not a title.
    return _continues_wrap(prev)


def _markdown_candidate(ln: _Line, i: int, md: regex.Match[str]) -> _Cand | None:
    """A markdown heading as a title, unless it is a breadcrumb or of no title's length.

    The title is the text after '# '; a heading that links or names page chrome is navigation.
    Made up: '# 甲市关于乙的通知' gives '甲市关于乙的通知'; '# 首页 > [通知](x)' gives none.
    """
    t = md.group(1).strip()
    if "](" in t or _CHROME_STRONG.search(t[:40]) or _is_chrome(t):
        return None  # '# 您当前所在的位置：[首页](…)>[…](…)': a breadcrumb
    if 2 <= len(t) <= 130:
        start = ln.start + md.start(1)
        return _Cand(i, i, Field(_despace(t), start, ln.end), None, ln.end, markdown=True)
    return None


def _glued_number_candidate(ln: _Line, i: int) -> _Cand | None:
    """A title glued to its 发文字号 on one line, split before the 发文字号's prefix.

    One-line sources run the two together; the split falls right after '的通报' rather than
    inside '国办函' (函 is also a kind word). Made up: '甲局关于乙的通知甲发〔2020〕1号' gives
    the title '甲局关于乙的通知' and the number '甲发〔2020〕1号', also from
    '甲局关于乙的通知（甲发〔2020〕1 号）'.
    """
    s = ln.s
    # (A 发文字号 ends in '号': most lines need no search.)
    tail = _DOCNUM_TAIL.search(s, 0, min(len(s), 200)) if "号" in s else None
    if tail is None or tail.start() <= 6:
        return None
    head = s[: tail.start()]
    best = -1
    for m in _OF_KIND.finditer(head):
        if 1 <= len(head) - m.end() <= 12:
            best = m.end()
    if best < 0:
        for m in _KIND_WORD.finditer(head):
            if 1 <= len(head) - m.end() <= 12:
                best = m.end()
                break
    if best < 0 or not _title_like(head[:best]):
        return None
    # The number may stand in brackets: '甲局关于乙的通知（甲发〔2020〕1 号）'.
    ob = 1 if head[best:].startswith(("（", "(", "【")) else 0
    if not _NUM_PREFIX.fullmatch(head[best + ob :]):
        return None
    end = tail.end()
    if ob and end < len(s) and s[end] in "）)】":
        end += 1
    num_start = ln.start + best + ob
    num = Field(_compact(s[best + ob : tail.end()]), num_start, ln.start + tail.end())
    title = Field(_despace(head[:best]), ln.start, ln.start + best)
    return _Cand(i, i, title, num, ln.start + end)


def _dated_candidate(ln: _Line, i: int) -> _Cand | None:
    """A title glued to its date at the end of the line; the date is no part of the title.

    Made up: '甲市乙实施细则2021年2月' gives '甲市乙实施细则'.
    """
    s = ln.s
    m = _GLUED_MONTH.search(s) if s[-1] in "月日" else None
    if m is None or not _title_like(s[: m.start()]):
        return None
    end = ln.start + len(s[: m.start()].rstrip())
    return _Cand(i, i, Field(_despace(s[: m.start()]), ln.start, end), None, ln.end)


def _stopped_candidate(ln: _Line, i: int) -> _Cand | None:
    """A headline closed by a full stop at the top of a run-together excerpt (line 0 only).

    Made up: '关于甲的意见。为进一步做好乙工作，现提出如下意见如下所述' gives '关于甲的意见'.
    """
    s = ln.s
    stop = _STOPPED_HEADLINE.match(s) if i == 0 else None
    if stop is not None and _title_like(stop.group(1)):
        return _Cand(
            i,
            i,
            Field(stop.group(1), ln.start, ln.start + stop.end(1)),
            None,
            ln.start + stop.end(),
        )
    return None


def _wrapped_candidate(ctx: _Ctx, i: int) -> _Cand | None:
    """A title wrapped over up to four short lines (a blank line allowed between them).

    Made up: '甲省人民政府关于印发' + '乙 丙 方 案 的 通 知' gives
    '甲省人民政府关于印发乙丙方案的通知'; navigation words above a whole title line
    ('专题专栏' + '关于甲的通知') are not its start.
    """
    lines = ctx.lines
    ln = lines[i]
    s = ln.s
    # Wrapped title: '国务院办公厅关于印发' + '国 家 粮 食 应 急 预 案 的 函'.
    if len(s) > 60 or not _is_ishy(s) or _MARKER.match(s) or _is_date_line(s):
        return None
    if _is_panel_value(ctx, i):
        return None  # '有 效 性 ：' / '有效': a value of a metadata panel does not start a title
    parts = [s]
    j = i
    for _ in range(3):
        j += 1
        if j < len(lines) and not lines[j].s:
            j += 1  # web text puts a blank line between the lines of a wrapped title
        if j >= len(lines):
            return None
        nxt = lines[j].s
        if not nxt or not _is_ishy(nxt) or _is_chrome(nxt) or _MARKER.match(nxt) or len(nxt) > 60:
            return None
        if _is_date_line(nxt) or _DOCNUM_LINE.match(nxt):
            return None
        parts.append(nxt)
        # (The joined lines end as ``nxt`` does: most fail _title_like's last-character test.)
        if nxt[-1] in _TITLE_LAST and _title_like("".join(parts)):
            if _title_like(nxt) and not _WRAP_HEAD.search(_compact("".join(parts[:-1]))):
                # '互动回应' / '专题专栏' / '…的通知': navigation words above a whole title line
                # are not its beginning; that line is a candidate of its own.
                return None
            end = lines[j].end
            return _Cand(i, j, Field(_join_title(parts), ln.start, end), None, end)
    return None


def _wrap_may_end(lines: list[_Line], i: int) -> bool:
    """Whether a line a wrapped title from line ``i`` would take ends like a title.

    Walks the lines as the wrapped-title loop of _title_candidate does (one blank line skipped,
    a blank after it stops): that loop only returns on a line ending in a _TITLE_LAST character.
    """
    j = i
    for _ in range(3):
        j += 1
        if j < len(lines) and not lines[j].s:
            j += 1
        if j >= len(lines) or not lines[j].s:
            return False
        if lines[j].s[-1] in _TITLE_LAST:
            return True
    return False


# The beginning of a wrapped title that needs the next line: '…关于印发', an organ name ('…统战部'
# / '关于…'), a connector ('…和' / '…的'), a year ('2024年').
_WRAP_HEAD = regex.compile(
    rf"关于|(?:印发|转发|发布|公布|的|和|与|及|、|年|[0-9０-９]|{_ORG_SUFFIX})$"
)


@_per_parse
def _continues_wrap(prev: str) -> bool:
    """Whether a line after ``prev`` is the rest of a hard-wrapped paragraph."""
    if len(prev) < 15 or _SENTENCE_END.search(prev) or _is_chrome(prev):
        return False
    return not (_title_like(prev) or _DOCNUM_LINE.match(prev) or _is_date_line(prev))


def _join_title(parts: list[str]) -> str:
    """Join wrapped title lines: no separator at a wrap, word spaces inside a line are kept."""
    return "".join(_despace(p) for p in parts)
