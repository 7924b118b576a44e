"""Organ names in a signature or a title: where one name ends and the next begins."""

from __future__ import annotations

import regex

from policy_parser.segment.annex import _strip_annex_number
from policy_parser.segment.lines import _compact, _despace
from policy_parser.segment.vocabulary import _KIND_WORD, _ORG_END, _ORG_SUFFIX
from policy_parser.wordlists import words


def _org_tokens(s: str) -> list[str] | None:
    """Split a signature text into organ names, joining names broken over lines.

    '国家发 展改革委 国 家 能 源 局' → ['国家发展改革委', '国家能源局']. ``None`` when a piece does
    not end like an organ name.
    """
    toks = _despace(s).split()
    out: list[str] = []
    buf = ""
    for tok in toks:
        buf += tok
        if _ORG_END.search(buf):
            out.extend(_split_joint(buf))
            buf = ""
    if buf or not out:
        return None
    if any(len(t) < 2 or len(t) > 40 for t in out):
        return None
    return out


# Where a second organ name may start inside a run: a national or party head, a province.
_NAME_START = regex.compile(
    "(?:中共|中国|国家|国务院|共青团|"
    + "|".join(
        regex.escape(w)
        for w in [*words("provinces", "short"), *words("provinces", "regulator_city")]
    )
    + ")"
)


_ORG_SUFFIX_AT = regex.compile(_ORG_SUFFIX)


def _split_joint(run: str) -> list[str]:
    """Split organ names printed one after the other with no separator.

    A joint signature may print two or more names on a line with nothing between them: the run
    is cut after an organ ending (``organ_suffixes`` tag ``signature``) where the next name
    starts like the first one (its place, after an optional 中共) or with a national head.
    Made up: '甲市教育局甲市财政局' → ['甲市教育局', '甲市财政局'];
    '中共甲市委办公厅甲市人民政府办公厅' → both; '甲市人民政府办公厅' stays whole.
    """
    if len(run) < 8:
        return [run]
    head = run[2:] if run.startswith("中共") else run
    place = head[:2]
    for m in _ORG_SUFFIX_AT.finditer(run, 4):
        k = m.end()
        rest = run[k:]
        if len(rest) < 4 or not _ORG_END.search(rest):
            continue
        if rest.startswith(place) or _NAME_START.match(rest):
            tail = _split_joint(rest)
            return [run[:k], *tail]
    return [run]


def _title_issuers(title: str) -> list[str]:
    """Issuers named before '关于' in a title: '国家发展改革委 国家能源局关于…' → both."""
    head, sep, _ = title.partition("关于")
    if not sep or not head:
        return []
    return _org_tokens(head) or []


_LIST_END = regex.compile(r"[。；;](?=[^。；;]{2,80}$)")


def _split_glued_orgs(s: str, hint: list[str]) -> list[str]:
    """Organ names glued after an attachment name.

    '…典型做法国务院办公厅': the title's own issuers are the hint ('国务院办公厅关于…').
    """
    c = _compact(s)
    for k in range(len(hint), 0, -1):
        tail = "".join(hint[-k:])
        if tail and c.endswith(tail):
            return hint[-k:]
    sm = _LIST_END.search(s)
    if sm is not None:
        # '一、丙表；二、丁规定。国家计划委员会': the names follow the list's closing sign, even
        # when they hold a kind word ('计划').
        orgs = _org_tokens(s[sm.end() :].strip())
        if orgs:
            return orgs
    toks = s.split()
    if toks:
        # '3．丙办法国家某某委': the names follow the attachment name's kind word.
        last = _strip_annex_number(toks[-1])
        for km in reversed(list(_KIND_WORD.finditer(last))):
            tail = last[km.end() :]
            orgs = _org_tokens(tail) if len(tail) >= 2 and tail[0] not in "和与及、" else None
            if orgs:
                return orgs
    if len(toks) >= 2:
        orgs = _org_tokens(toks[-1])
        if orgs:
            return orgs
    return []
