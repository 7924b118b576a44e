"""What follows a body: 附件说明, signature, 成文日期, 附注/抄送, a newspaper headline."""

from __future__ import annotations

import datetime
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


@dataclass
class _Close:
    """What follows a body: 附件说明, signature, 附注, a newspaper headline."""

    end: int = 0  # offset after the closing block
    issuers: list[Field] = field(default_factory=list)
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    annex_names: list[str] = field(default_factory=list)
    headline: Field | None = None


def _read_close(ctx: _Ctx, pos: int, limit: int, hint: list[str]) -> _Close:
    """Read 附件说明, 发文机关署名, 成文日期, 附注/抄送 and a newspaper headline from ``pos``."""
    text = ctx.text
    lines = ctx.lines
    close = _Close(end=pos)
    i = _line_index(ctx, pos)
    org_parts: list[tuple[str, int, int]] = []
    in_annex_note = False
    while i < len(lines) and lines[i].start < limit:
        ln = lines[i]
        a = max(ln.start, pos)
        s = text[a : ln.end].strip()
        if not s:
            i += 1
            continue
        if a > ln.start:
            a = _skip_ws(text, a, ln.end)
        if _ANNEX_MARK.match(s) and not _ANNEX_NOTE.match(s):
            break  # '附件1' opens an attachment
        named = _ANNEX_NAMED.match(s) if a == ln.start else None
        if named is not None:
            if close.date is not None or org_parts or not _annex_list_item(ctx, i):
                break  # '附录2：竞价指引' followed by its text opens an attachment
            # '附件1：检查清单' / '附件2：联系表' / signature: a 附件说明 listing the names
            close.annex_names.append(named.group("name").strip())
            close.end = ln.end
            in_annex_note = True
            i += 1
            continue
        if _ANNEX_NOTE.match(s) and close.date is None and not org_parts:
            in_annex_note = True
            name = regex.sub(r"^附\s*件\s*[：:]\s*", "", s)
            dm = _DATE.search(s)
            if dm:  # 008: '附件：部分地方…做法国务院办公厅 2018年7月24日 （此件公开发布）'
                before = name[: name.find(dm.group(0))] if dm.group(0) in name else name
                orgs = _split_glued_orgs(before, hint)
                if orgs:
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
                            close.issuers.append(Field(o, ks[0], ks[1]))
                            off = ks[1]
                    name = before[:cut] if cut is not None else before
                close.date = parse_date(dm.group(0))
                close.date_span = (a + dm.start(), a + dm.end())
                if name.strip():
                    close.annex_names.extend(_annex_items(name))
                stop = a + dm.end()
                nm = _NOTE_AT.match(text, stop, ln.end)
                close.end = nm.end() if nm is not None else stop
                if _skip_ws(text, close.end, ln.end) < ln.end:
                    break  # '…（此件公开发布）附件部分地方…': the attachment is glued on
                i += 1
                continue
            if name.strip():
                close.annex_names.extend(_annex_items(name))
            close.end = ln.end
            i += 1
            continue
        if in_annex_note and regex.match(r"^[0-9０-９]{1,2}\s*[.．、]", s):
            close.annex_names.append(_strip_annex_number(s))
            close.end = ln.end
            i += 1
            continue
        if _is_date_line(s):
            dm = _DATE.match(s)
            assert dm is not None
            close.date = parse_date(s)
            close.date_span = (a + dm.start(), a + dm.end())
            close.end = ln.end
            in_annex_note = False
            i += 1
            continue
        if _NOTE.match(s) or _COPY_TO.search(s) or _CONTACT.match(s):
            close.end = ln.end
            i += 1
            continue
        if _FILE_LINK.match(s) and not org_parts:
            ctx.noise.append((ln.start, ln.end))  # '附件.doc': a download link, not a name
            close.end = ln.end
            i += 1
            continue
        glued = _glued_sig_at(text, a, ln.end) if close.date is None else None
        if glued is not None:
            fields, dm, stop = glued
            close.issuers.extend(fields)
            close.date = parse_date(dm.group(0))
            close.date_span = (dm.start(), dm.end())
            close.end = stop
            if _skip_ws(text, stop, ln.end) < ln.end:
                break  # the next document is glued after the signature
            i += 1
            continue
        if close.date is None and _is_ishy(s) and not _MARKER.match(s):
            org_parts.append((s, a, ln.end))
            close.end = ln.end
            hm = _HEADLINE.match("".join(p[0] for p in org_parts))
            if hm and _org_tokens(hm.group("o")):
                # Newspaper headline printed after the body: issuers, then '印发《X》'.
                first = org_parts[0][1]
                k = text.find("《", first, ln.end)
                close.headline = Field(_despace(hm.group("t")), k + 1, ln.end - 1)
                off = first
                for name in _org_tokens(hm.group("o")) or []:
                    sp = _find_spaced(text[:k], name, off)
                    if sp is not None:
                        close.issuers.append(Field(name, sp[0], sp[1]))
                        off = sp[1]
                org_parts = []
            i += 1
            continue
        break
    if org_parts:
        names_ok = _org_tokens(" ".join(p[0] for p in org_parts)) is not None
        if names_ok and (close.date is not None or close.headline is not None):
            _add_orgs(close, org_parts)
        elif (
            names_ok
            and _skip_ws(text, close.end, limit) >= limit
            and (
                _set_off(text, pos)
                or _last_signature(
                    ctx,
                    _line_index(ctx, org_parts[0][1]),
                    len(ctx.lines),
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
    return close


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
