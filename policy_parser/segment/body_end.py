"""The end of a body: the first line that closes it, or a closing part glued inside a line."""

from __future__ import annotations

import regex

from policy_parser.segment.amended import _amended_text_at
from policy_parser.segment.annex import _ANNEX_MARK, _ANNEX_NAMED, _ANNEX_NOTE
from policy_parser.segment.chrome import _PAGE_NUMBER, _is_chrome, _is_weak_chrome
from policy_parser.segment.dates import _dates, _is_date_line
from policy_parser.segment.formulas import _is_formula
from policy_parser.segment.issued import _issued_at
from policy_parser.segment.lines import _Ctx, _is_ishy, _Line, _line_index, _next_content, _skip_ws
from policy_parser.segment.organs import _org_tokens
from policy_parser.segment.signature import (
    _CONTACT,
    _CONTACT_KEY,
    _CONTACT_REACH,
    _COPY_TO,
    _FILE_LINK,
    _NOTE,
    _NOTE_AT,
    _SPACED_RUN,
    _glued_sig_at,
    _signature_run,
)

_FOREIGN = regex.compile(
    r"^(?:本报讯|本报[\p{Han}]{0,6}电|新华社[\p{Han}\d]{0,12}电|据新华社|央视网消息)"
)


_GLUED_ANNEX = regex.compile(r"(?<=[。！？])\s*附\s*件\s*[：:]")


_SIG_BEFORE = regex.compile(r"(?:^|[。！？”）)])(?P<org>[^。！？”）)：:，,；\n]{2,80})$")


def _is_end_line(ctx: _Ctx, i: int) -> bool:
    s = ctx.lines[i].s
    if not s:
        return False
    # Each pattern is tried only on lines holding a character it needs: the body scan asks
    # this of every body line, and almost none of them close it.
    if s[0] == "附" and (_ANNEX_NOTE.match(s) or _ANNEX_MARK.match(s) or _ANNEX_NAMED.match(s)):
        return True
    if "号" in s and "附" in s[-6:] and _ANNEX_MARK.match(s):  # '甲办发〔2023〕17号附件'
        return True
    if s[0] in "（(" and _NOTE.match(s):
        return True
    if (s[0] in "抄主印" or s[-1] == "发") and _COPY_TO.search(s):
        return True
    if _CONTACT_KEY.search(s, 0, _CONTACT_REACH) and _CONTACT.match(s):
        return True  # 联系人/联系电话/联系方式, 电话, 传真
    if "." in s and _FILE_LINK.match(s):
        return True
    if s[0] in "特此专" and _is_formula(s):
        return True  # '特此通知。' ends the body and belongs to no section
    if "。" in s and "**" not in s and "![" not in s:
        # A sentence: no chrome (markdown images aside), and no signature starts with it (a
        # date line or an organ name holds no '。'). Most body lines end here.
        return False
    if _is_chrome(s) and not _is_weak_chrome(s):
        return True
    if s in ("发布", "打印", "关闭", "返回顶部"):
        return True
    return _signature_run(ctx, i) or _amended_text_at(ctx, i)


def _find_body_end(
    ctx: _Ctx, start: int, limit: int, names: list[str] | None = None
) -> tuple[int, int]:
    """Scan the body from ``start``.

    Returns the end of the last body character and the offset where the closing part starts.
    """
    text = ctx.text
    i = _line_index(ctx, start)
    last = start
    lines = ctx.lines
    names = names or []
    n = len(lines)
    while i < n and lines[i].start < limit:
        ln = lines[i]
        s = ln.s
        if ln.start >= start and s:
            if s[0] in "本新据央" and _FOREIGN.match(s):
                # A foreign article starts; its headline lines just before it are foreign too.
                k = i - 1
                back = last
                while k >= 0 and lines[k].start >= start:
                    if lines[k].s and not _is_ishy(lines[k].s):
                        break
                    k -= 1
                first_foreign = k + 1
                back = start
                for q in range(first_foreign - 1, -1, -1):
                    if lines[q].start < start:
                        break
                    if lines[q].s:
                        back = lines[q].end
                        break
                return back, lines[first_foreign].start
            if _is_end_line(ctx, i):
                return last, ln.start
        if s and not (s[0] in "-—－–" and _PAGE_NUMBER.match(s)):
            # Each search of _glued_close needs '附', '年' or a space run on the line: tested
            # here, in the loop, most lines ('1．甲负责乙。') have none and spare the call.
            may_glue = "附" in s or "年" in s or "\u3000" in s or "    " in s or "\t" in s
            glued = _glued_close(ctx, ln, start, names) if may_glue else None
            if glued is not None:
                end = glued
                while end > start and text[end - 1].isspace():
                    end -= 1
                return end, glued
            if ln.end > start:  # (a comparison, not min(): the scan runs over every line)
                last = ln.end if ln.end < limit else limit
        elif s:
            ctx.noise.append((ln.start, ln.end))
            ctx.claim(ln.start, ln.end, "body_end:page_number")
        i += 1
    return last, min(limit, len(text))


def _glued_close(ctx: _Ctx, ln: _Line, body_from: int, names: list[str]) -> int | None:
    """Where a closing part glued inside a line starts, in one-line sources.

    '…认真贯彻落实。国务院办公厅2020年11月1日（此件公开发布）' (a signature after the last
    sentence) or '…经验做法。附件：部分地方…' (the 附件说明 after the last sentence).
    """
    text = ctx.text
    s = ln.s
    lo = max(ln.start, body_from)
    found: int | None = None
    # The body scan asks this of every line: each search below runs only on a line holding a
    # character its match needs ('附', a space run's blank, '年').
    am = _GLUED_ANNEX.search(text, lo, ln.end) if "附" in s else None
    if am is not None:
        found = _skip_ws(text, am.start(), ln.end)
    stop = found if found is not None else ln.end
    if "\u3000" in s or "    " in s or "\t" in s:
        for sm in _SPACED_RUN.finditer(text, lo, stop):
            # '…狠抓落实。　　　　　　国务院办公厅': a signature set off by a run of spaces.
            if _spaced_signature(ctx, sm.end(), ln):
                return sm.end()
    for dm in _dates(text, lo, stop) if "年" in s else ():
        # Work on small windows: the regex module pays for the whole string on every call with a
        # position, which makes per-date checks on a 2 MB one-line text quadratic.
        after = text[dm.end() : min(ln.end, dm.end() + 160)].lstrip()
        if not (
            not after
            or _NOTE_AT.match(after)
            or after.startswith("附件")
            or _issued_at(after, 0, len(after), names) is not None
        ):
            continue
        w0 = max(lo, dm.start() - 81)
        sig = _SIG_BEFORE.search(text[w0 : dm.start()])
        if sig is None or _org_tokens(sig.group("org")) is None:
            continue
        org_start = _skip_ws(text, w0 + sig.start("org"), dm.start())
        return org_start if found is None else min(found, org_start)
    return found


def _spaced_signature(ctx: _Ctx, a: int, ln: _Line) -> bool:
    """Whether organ names at ``a`` up to the line end (and then a date, or nothing) sign."""
    text = ctx.text
    if _glued_sig_at(text, a, ln.end) is not None:
        return True
    rest = text[a : ln.end].strip()
    if len(rest) > 80 or _org_tokens(rest) is None:
        return False
    i = _line_index(ctx, ln.start)
    j = _next_content(ctx, i)
    return j >= len(ctx.lines) or _is_date_line(ctx.lines[j].s) or _is_end_line(ctx, j)
