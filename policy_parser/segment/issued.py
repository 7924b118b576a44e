"""The names of the documents a notice issues (印发《X》), found in its title or body."""

from __future__ import annotations

import regex

from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _compact, _Ctx, _spaced_pattern
from policy_parser.segment.vocabulary import _ISSUING_KIND

# The name a notice issues, in its body: '《某某办法》已经…同意，现印发实施', '现将《X》印发给你们',
# '同意国家计委《关于甲的报告》，现转发给你们'.
_ISSUED_IN_BODY = regex.compile(
    r"《(?P<a>[^《》\n]{2,60})》(?=[^。\n《]{0,30}(?:印发|发布|公布|下发|转发))"
    r"|(?:印发|发布|公布|下发|转发)《(?P<b>[^《》\n]{2,60})》"
)


_ISSUED_NAME = regex.compile(
    r"(?:印发|转发|发布|公布)《?(?P<n>.{2,100}?)》?的"
    rf"{_ISSUING_KIND}$"
)


def _issued_in_body(ctx: _Ctx, body: tuple[int, int]) -> list[str]:
    """Names a notice's body issues: '《某某办法》已经同意，现印发实施' → ['某某办法']."""
    a, b = body
    window = ctx.text[a : min(b, a + 3000)]
    # Every match holds a '《', at most two characters after its start ('印发《'): the search
    # starts there rather than trying both branches at each position of the window.
    first = window.find("《")
    m = _ISSUED_IN_BODY.search(window, max(0, first - 2)) if first >= 0 else None
    return [m.group("a") or m.group("b")] if m else []


def _issued_names(title: str) -> list[str]:
    """Names a notice issues: '关于印发国家粮食应急预案的函' → ['国家粮食应急预案']."""
    m = _ISSUED_NAME.search(_compact(title))
    return [m.group("n")] if m else []


def _issued_at(text: str, p: int, end: int, names: list[str]) -> Field | None:
    """An issued document's title written at ``p`` (glued sources), e.g. '全国深化…分工方案'."""
    for name in names:
        c = _compact(name)
        if not c:
            continue
        m = _spaced_pattern(c).match(text, p, end)
        if m is not None:
            return Field(c, m.start(), m.end())
    return None
