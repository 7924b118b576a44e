"""Page chrome: navigation, metadata panels, share widgets, footers, page numbers."""

from __future__ import annotations

import regex

from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _MARKER, _compact, _Ctx, _per_parse
from policy_parser.wordlists import words


def _alternatives(tag: str) -> str:
    return "|".join(regex.escape(w) for w in words("page_chrome", tag))


# Page chrome: breadcrumbs, metadata panels, share widgets, footers (GB sites share these words).
# The words are data (page_chrome.txt); the shapes that are not plain words stay here.
_CHROME_STRONG = regex.compile(
    rf"{_alternatives('nav')}|^(?:{_alternatives('label')})[：:]|^(?:{_alternatives('prefix')})"
    r"|^【?打印】?$|^\[\s*打印\s*\]$|^(?:内容|正文)[：:]$|字体[：:]|^登\s*录$|^A[+＋-][大中小]?$"
)


# Words that are chrome only as a short line of their own ('【政策解读】', '无障碍浏览'): a body
# line holding them ('二、强化政策解读', '推进无障碍环境建设') is text.
_CHROME_WHOLE = regex.compile(rf"(?:{_alternatives('whole')})")


# What a short chrome line may wrap its word in: brackets, markdown, separators, a colon.
_WRAPPING = regex.compile(r"[\s【】\[\]（）()|｜*#：:>＞·]+")


# A link to an interpretation after the document ('政策解读', '图解：甲方案解读'), short.
_INTERPRETATION = regex.compile(r"^.{0,14}解读$")


def _is_whole_chrome(s: str) -> bool:
    """A short line that is a chrome word with at most four more characters: '【政策解读】'.

    A section heading ('二、强化政策解读') is never one.
    """
    if _MARKER.match(s) is not None:
        return False
    bare = _WRAPPING.sub("", s)
    m = _CHROME_WHOLE.search(bare) if len(bare) <= 12 else None
    if m is not None and len(bare) - len(m.group(0)) <= 4:
        return True
    return _INTERPRETATION.match(s) is not None


# A line that is one of these words alone is a widget: '返回顶部', '|', '【打印】'.
_CHROME_WORDS = frozenset(words("page_chrome", "word"))
# Widget words that end a body even though they are weak chrome ('打印' under the last line).
_END_WORDS = frozenset(words("page_chrome", "end"))


_PAGE_NUMBER = regex.compile(r"^[-—－–]+\s*\d{1,4}\s*[-—－–]+$")


# Weak page chrome: skipped in a header, but not the end of a body (a table may hold such cells).
# A publication time '2019-01-07 09:30'; a font-size widget 'Aa' / '字体：' / '小' '|' '中'.
_CHROME_WEAK = regex.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"|A\s*a|字\s*[体号]\s*[：:]?\s*(?:[大中小]\s*[|｜]?\s*){0,3}|[大中小]|[|｜]"
)


_MD_CHROME = regex.compile(
    r"(?:\s*(?:!\[[^\]\n]{0,80}\]\([^)\s]{0,400}\)|\*\*A[+＋-]?\*\*[大中小]?))+\s*"
)


# A metadata panel label, often letter-spaced ('发 文 字 号 ：'), its value on the next line.
_PANEL_LABEL = regex.compile(rf"(?:{_alternatives('panel')})[：:]")


_INFO_END = regex.compile(r"^<!--.*-->$")


@_per_parse
def _is_chrome(s: str) -> bool:
    """Page furniture: navigation, metadata panel, share widget, footer."""
    if not s:
        return False
    # (Each pattern runs only on a line holding a character its match needs: a page number
    # starts with a dash, a panel label holds a colon.)
    if s in _CHROME_WORDS or (s[0] in "-—－–" and _PAGE_NUMBER.match(s)):
        return True
    if ("**" in s or "![" in s) and _MD_CHROME.fullmatch(s):
        return True  # '![Image 2](http://…jpg)', '**A+**大**A+**中**A+**小'
    if "。" in s or len(s) > 120:
        return False
    if len(s) <= 40 and (
        _CHROME_WEAK.fullmatch(s) or (("：" in s or ":" in s) and _PANEL_LABEL.match(_compact(s)))
    ):
        return True
    return _CHROME_STRONG.search(s) is not None or _is_whole_chrome(s) or _is_widget_row(s)


_ROW_SEPARATOR = regex.compile(r"[\s【】\[\]|｜]+")
# Compiled once: regex.search(pattern, …) pays a cache look-up (flag arithmetic) per call.
_HAN = regex.compile(r"\p{Han}")


def _is_widget_row(s: str) -> bool:
    """A row of widget words only, each maybe in brackets.

    Made up: '【打印】　【关闭】', '[打印] | [返回顶部]'.
    """
    if len(s) > 40:
        return False
    toks = [t for t in _ROW_SEPARATOR.split(s) if t]
    # (At least one word, not only '-' or '|' cells: a table row may be all dashes.)
    return (
        len(toks) >= 2
        and any(_HAN.search(t) for t in toks)
        and all(t in _CHROME_WORDS or _CHROME_WHOLE.fullmatch(t) is not None for t in toks)
    )


@_per_parse
def _is_weak_chrome(s: str) -> bool:
    """Chrome that does not end a body: a word of a widget, a time stamp, a page number."""
    return s in _CHROME_WORDS or bool(_PAGE_NUMBER.match(s)) or bool(_CHROME_WEAK.fullmatch(s))


def _is_panel_value(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` is the value of a panel label on the line before ('发 文 字 号 ：')."""
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    if k < 0:
        return False
    prev = _compact(ctx.lines[k].s)
    return bool(_PANEL_LABEL.match(prev)) and len(prev) <= 8


_PANEL_ISSUER = regex.compile(rf"(?:{_alternatives('issuer')})[：:](?P<v>.*)")


_PANEL_ORGAN = regex.compile(r"[\p{Han}（）()]{2,30}")


def _panel_issuers(ctx: _Ctx, body: tuple[int, int]) -> list[Field]:
    """The organs a web page's metadata panel names ('发 布 机 构 ：' over its value), if any."""
    lines = ctx.lines
    for i, ln in enumerate(lines):
        if body[0] <= ln.start < body[1]:
            continue
        m = _PANEL_ISSUER.fullmatch(_compact(ln.s))
        if m is None:
            continue
        if m.group("v"):
            start, value = ln.start + ln.s.index(m.group("v")[0]), m.group("v")
        elif i + 1 < len(lines) and lines[i + 1].s:
            start, value = lines[i + 1].start, lines[i + 1].s
        else:
            continue
        names = regex.split(r"[、，,\s]+", value.strip())
        if not names or not all(_PANEL_ORGAN.fullmatch(n) for n in names):
            continue
        out: list[Field] = []
        for n in names:
            k = ctx.text.find(n, start)
            out.append(Field(n, k, k + len(n)))
        return out
    return []
