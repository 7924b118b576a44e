"""What follows a body: 附件说明, signature, 成文日期, 附注/抄送, a newspaper headline.

The closing block is read line by line by trying an ordered tuple of named rules
(:data:`_CLOSE_RULES`); each rule either does not apply (``None``), consumes the line
(:data:`_NEXT`) or ends the block (:data:`_STOP`). When no rule applies the block ends.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from policy_parser.segment.annex import (
    _ANNEX_MARK,
    _ANNEX_NAMED,
    _ANNEX_NOTE,
    _annex_items,
    _strip_annex_number,
)
from policy_parser.segment.dates import _DATE, _is_date_line, parse_date
from policy_parser.segment.formulas import _is_formula
from policy_parser.segment.frame import Field
from policy_parser.segment.lines import (
    _MARKER,
    _Ctx,
    _despace,
    _find_spaced,
    _is_ishy,
    _line_index,
    _skip_ws,
)
from policy_parser.segment.organs import _org_tokens, _split_glued_orgs
from policy_parser.segment.signature import (
    _CONTACT,
    _COPY_TO,
    _FILE_LINK,
    _HEADLINE,
    _NOTE,
    _NOTE_AT,
    _annex_list_item,
    _glued_sig_at,
    _last_signature,
    _set_off,
)

_NEXT = "next"  # the rule consumed the line: go on with the next one
_STOP = "stop"  # the rule ends the closing block


@dataclass
class _Close:
    """What follows a body: 附件说明, signature, 附注, a newspaper headline."""

    end: int = 0  # offset after the closing block
    issuers: list[Field] = field(default_factory=list)
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    annex_names: list[str] = field(default_factory=list)
    headline: Field | None = None
    formula: Field | None = None  # '特此通知。' on its own line


@dataclass
class _Tail:
    """The state of reading a closing block: the line at hand and what was read so far."""

    ctx: _Ctx
    pos: int  # where the block starts
    limit: int
    hint: list[str]
    close: _Close
    i: int = 0  # index of the line at hand
    a: int = 0  # where the line's text starts (not before ``pos``)
    s: str = ""  # the line's text, stripped
    org_parts: list[tuple[str, int, int]] = field(default_factory=list)
    in_annex_note: bool = False


def _formula(t: _Tail) -> str | None:
    """Skip a closing formula before the signature, as noise.

    E.g. '特此通知。' or '此复。' on its own line after the body: it belongs to no section.
    """
    if _is_formula(t.s) and t.close.date is None and not t.org_parts:
        ln = t.ctx.lines[t.i]
        t.ctx.noise.append((t.a, ln.end))
        t.close.formula = Field(t.s, t.a, ln.end)
        t.close.end = ln.end
        return _NEXT
    return None


def _annex_start(t: _Tail) -> str | None:
    """End the block where an attachment itself begins.

    E.g. '附件1' alone on a line opens the first attachment, unlike the 附件说明
    '附件：某某清单', which only names it.
    """
    if _ANNEX_MARK.match(t.s) and not _ANNEX_NOTE.match(t.s):
        return _STOP  # '附件1' opens an attachment
    return None


def _annex_named(t: _Tail) -> str | None:
    """Read a numbered, named attachment line of a 附件说明, or stop at an attachment.

    E.g. '附件1：甲清单' then '附件2：乙表' before the signature list the attachments;
    '附录2：某指引' followed by its own text (or after the signature) opens one.
    """
    ln = t.ctx.lines[t.i]
    named = _ANNEX_NAMED.match(t.s) if t.a == ln.start else None
    if named is None:
        return None
    close = t.close
    if close.date is not None or t.org_parts or not _annex_list_item(t.ctx, t.i):
        return _STOP  # '附录2：竞价指引' followed by its text opens an attachment
    # '附件1：检查清单' / '附件2：联系表' / signature: a 附件说明 listing the names
    close.annex_names.append(named.group("name").strip())
    close.end = ln.end
    t.in_annex_note = True
    return _NEXT


def _annex_note(t: _Tail) -> str | None:
    """Read a 附件说明 before the signature, with a signature and date glued on.

    E.g. '附件：某某清单' names one attachment; in a flattened text the signature and
    date may follow on the same line: '附件：某某清单某某局 2020年1月2日'.
    """
    s, close = t.s, t.close
    if not (_ANNEX_NOTE.match(s) and close.date is None and not t.org_parts):
        return None
    t.in_annex_note = True
    name = regex.sub(r"^附\s*件\s*[：:]\s*", "", s)
    dm = _DATE.search(s)
    if dm:  # 008: '附件：部分地方…做法国务院办公厅 2018年7月24日 （此件公开发布）'
        return _annex_note_dated(t, name, dm)
    if name.strip():
        close.annex_names.extend(_annex_items(name))
    close.end = t.ctx.lines[t.i].end
    return _NEXT


def _annex_note_dated(t: _Tail, name: str, dm: regex.Match[str]) -> str:
    """Read a 附件说明 line that carries the date, and the signature glued before it.

    E.g. '附件：某某名单某某局 2020年1月2日（此件公开发布）': the names, then the
    issuers and the 成文日期; when more text follows on the line (the attachment glued
    on), the block ends there.
    """
    text, a, close = t.ctx.text, t.a, t.close
    ln = t.ctx.lines[t.i]
    before = name[: name.find(dm.group(0))] if dm.group(0) in name else name
    orgs = _split_glued_orgs(before, t.hint)
    if orgs:
        cut = _glued_issuers(t, before, orgs, dm)
        name = before[:cut] if cut is not None else before
    close.date = parse_date(dm.group(0))
    close.date_span = (a + dm.start(), a + dm.end())
    if name.strip():
        close.annex_names.extend(_annex_items(name))
    stop = a + dm.end()
    nm = _NOTE_AT.match(text, stop, ln.end)
    close.end = nm.end() if nm is not None else stop
    if _skip_ws(text, close.end, ln.end) < ln.end:
        return _STOP  # '…（此件公开发布）附件部分地方…': the attachment is glued on
    return _NEXT


def _glued_issuers(t: _Tail, before: str, orgs: list[str], dm: regex.Match[str]) -> int | None:
    """Add the issuers glued after an attachment's name; return where the name ends.

    Names may be letter-spaced, e.g. '附件：某某名单国 务 院二〇二〇年一月二日': the
    last spaced occurrence of the first organ cuts the name, and each organ gets its span.
    """
    text, a, s = t.ctx.text, t.a, t.s
    # Names may be letter-spaced: '…企业名单国 务 院一九九八年七月二十一日'.
    cut = None
    for k0 in range(len(before) - 1, max(-1, len(before) - 80), -1):
        sp = _find_spaced(before, orgs[0], k0)
        if sp is not None:
            cut = sp[0]
            break
    off = a + s.find(before) if cut is None else a + s.find(before) + cut
    for o in orgs:
        ks = _find_spaced(text[: a + dm.start()], o, off)
        if ks is not None:
            t.close.issuers.append(Field(o, ks[0], ks[1]))
            off = ks[1]
    return cut


def _annex_item(t: _Tail) -> str | None:
    """Read a numbered item of a 附件说明 that lists several attachments.

    E.g. '1．甲办法' and '2．乙细则' on the lines after '附件：'.
    """
    if t.in_annex_note and regex.match(r"^[0-9０-９]{1,2}\s*[.．、]", t.s):
        t.close.annex_names.append(_strip_annex_number(t.s))
        t.close.end = t.ctx.lines[t.i].end
        return _NEXT
    return None


def _date_line(t: _Tail) -> str | None:
    """Read the 成文日期 on its own line, which ends a 附件说明.

    E.g. '2020年1月2日' under the signature.
    """
    if not _is_date_line(t.s):
        return None
    dm = _DATE.match(t.s)
    assert dm is not None
    t.close.date = parse_date(t.s)
    t.close.date_span = (t.a + dm.start(), t.a + dm.end())
    t.close.end = t.ctx.lines[t.i].end
    t.in_annex_note = False
    return _NEXT


def _note(t: _Tail) -> str | None:
    """Read a 附注, 抄送 or contact line of the closing block.

    E.g. '（此件公开发布）', '抄送：某某委员会' or '（联系人：张三，电话：1234）'.
    """
    if _NOTE.match(t.s) or _COPY_TO.search(t.s) or _CONTACT.match(t.s):
        t.close.end = t.ctx.lines[t.i].end
        return _NEXT
    return None


def _file_link(t: _Tail) -> str | None:
    """Skip a download link to an attachment file, as noise.

    E.g. '附件.doc' or '某某表.xlsx' printed by a web page before the signature.
    """
    if _FILE_LINK.match(t.s) and not t.org_parts:
        ln = t.ctx.lines[t.i]
        t.ctx.noise.append((ln.start, ln.end))  # '附件.doc': a download link, not a name
        t.close.end = ln.end
        return _NEXT
    return None


def _glued_signature(t: _Tail) -> str | None:
    """Read a signature with its date glued on one line, before any date was read.

    E.g. '某某局某某委员会2020年1月2日'; when the next document follows on the same
    line, the block ends after the date.
    """
    if t.close.date is not None:
        return None
    text = t.ctx.text
    ln = t.ctx.lines[t.i]
    glued = _glued_sig_at(text, t.a, ln.end)
    if glued is None:
        return None
    fields, dm, stop = glued
    t.close.issuers.extend(fields)
    t.close.date = parse_date(dm.group(0))
    t.close.date_span = (dm.start(), dm.end())
    t.close.end = stop
    if _skip_ws(text, stop, ln.end) < ln.end:
        return _STOP  # the next document is glued after the signature
    return _NEXT


def _signature_line(t: _Tail) -> str | None:
    """Collect a line that may sign the text, or read a newspaper headline.

    E.g. '某某局' on a line before the date is kept as a signature part; a newspaper
    prints '某某局 某某委员会印发《某某办法》' after the body: issuers, then the headline.
    """
    if not (t.close.date is None and _is_ishy(t.s) and not _MARKER.match(t.s)):
        return None
    text, close = t.ctx.text, t.close
    ln = t.ctx.lines[t.i]
    t.org_parts.append((t.s, t.a, ln.end))
    close.end = ln.end
    hm = _HEADLINE.match("".join(p[0] for p in t.org_parts))
    if hm and _org_tokens(hm.group("o")):
        # Newspaper headline printed after the body: issuers, then '印发《X》'.
        first = t.org_parts[0][1]
        k = text.find("《", first, ln.end)
        close.headline = Field(_despace(hm.group("t")), k + 1, ln.end - 1)
        off = first
        for name in _org_tokens(hm.group("o")) or []:
            sp = _find_spaced(text[:k], name, off)
            if sp is not None:
                close.issuers.append(Field(name, sp[0], sp[1]))
                off = sp[1]
        t.org_parts = []
    return _NEXT


_CLOSE_RULES: tuple[tuple[str, Callable[[_Tail], str | None]], ...] = (
    ("formula", _formula),
    ("annex_start", _annex_start),
    ("annex_named", _annex_named),
    ("annex_note", _annex_note),
    ("annex_item", _annex_item),
    ("date", _date_line),
    ("note", _note),
    ("file_link", _file_link),
    ("glued_signature", _glued_signature),
    ("signature_line", _signature_line),
)
"""The closing rules in the order they are tried on each line."""


def _read_close(ctx: _Ctx, pos: int, limit: int, hint: list[str]) -> _Close:
    """Read 附件说明, 发文机关署名, 成文日期, 附注/抄送 and a newspaper headline from ``pos``."""
    text = ctx.text
    t = _Tail(ctx, pos, limit, hint, _Close(end=pos), i=_line_index(ctx, pos))
    took: list[tuple[int, int, str]] = []  # (start, end, rule) of each line a rule read
    while t.i < len(ctx.lines) and ctx.lines[t.i].start < limit:
        ln = ctx.lines[t.i]
        t.a = max(ln.start, pos)
        t.s = text[t.a : ln.end].strip()
        if not t.s:
            t.i += 1
            continue
        if t.a > ln.start:
            t.a = _skip_ws(text, t.a, ln.end)
        named = next(((n, o) for n, rule in _CLOSE_RULES if (o := rule(t)) is not None), None)
        if named is not None:
            took.append((t.a, ln.end, "close:" + named[0]))
        if named is None or named[1] == _STOP:
            break
        t.i += 1
    if t.org_parts:
        _settle_signature(t)
    for start, end, rule in took:  # (signature lines given back are not the block's)
        ctx.claim(start, min(end, t.close.end), rule)
    return t.close


def _settle_signature(t: _Tail) -> None:
    """Decide whether the collected signature lines sign the text, or give them back.

    E.g. '某某局' after the body signs it when a date or headline was read, or when it
    ends the text set off from the body; otherwise it is a heading of something else
    and the block ends before it.
    """
    text, close, org_parts, pos = t.ctx.text, t.close, t.org_parts, t.pos
    names_ok = _org_tokens(" ".join(p[0] for p in org_parts)) is not None
    if names_ok and (close.date is not None or close.headline is not None):
        _add_orgs(close, org_parts)
    elif (
        names_ok
        and _skip_ws(text, close.end, t.limit) >= t.limit
        and (
            _set_off(text, pos)
            or _last_signature(
                t.ctx,
                _line_index(t.ctx, org_parts[0][1]),
                len(t.ctx.lines),
                [p[0] for p in org_parts],
            )
        )
    ):
        _add_orgs(close, org_parts)  # '…狠抓落实。　　　　国务院' ends the text: it signs
    elif close.date is None and close.headline is None:
        # Not a signature after all (a headline of something else): do not consume it.
        close.end = org_parts[0][1] if org_parts else close.end
        while close.end > pos and text[close.end - 1].isspace():
            close.end -= 1
        close.end = max(close.end, pos)


def _add_orgs(close: _Close, parts: list[tuple[str, int, int]]) -> None:
    """Add organ names from signature lines, with the span each name covers."""
    names = _org_tokens(" ".join(p[0] for p in parts)) or []
    start = parts[0][1]
    end = parts[-1][2]
    for name in names:
        close.issuers.append(Field(name, start, end))
    if len(names) > 0 and len(parts) == 1:
        # One line: point each name at its own occurrence (spaces between names).
        line = parts[0][0]
        fields: list[Field] = []
        off = 0
        for name in names:
            k = _find_spaced(line, name, off)
            if k is None:
                return
            fields.append(Field(name, start + k[0], start + k[1]))
            off = k[1]
        close.issuers[-len(names) :] = fields
