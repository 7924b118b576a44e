"""主送机关: the organs a notice is addressed to, before its first colon."""

from __future__ import annotations

import regex

from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _MARKER, _Ctx
from policy_parser.wordlists import words

_ADDRESSEE = regex.compile(r"([^。；：:！？\n]{2,400}?)[：:]")


_ADDRESSEE_BAD = regex.compile(
    r"如下|以下|通知|公告|根据|为了|为进一步|现将|特此|经\p{Han}{0,6}同意"
)


_ADDRESSEE_END = regex.compile(
    "(?:" + "|".join(regex.escape(w) for w in words("organ_suffixes", "addressee")) + ")$"
)


def _addressee_at(ctx: _Ctx, pos: int) -> tuple[list[Field], int] | None:
    """主送机关 at ``pos``: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：'."""
    m = _ADDRESSEE.match(ctx.text, pos)
    if m is None:
        return None
    head = m.group(1)
    if "\n" in head or _ADDRESSEE_BAD.search(head) or _MARKER.match(head):
        return None
    head_c = head.strip()
    if not (head_c.startswith("各") or _ADDRESSEE_END.search(head_c)):
        return None
    if "《" in head_c or "“" in head_c:
        return None
    fields: list[Field] = []
    for part in regex.finditer(r"[^，,]+", head):
        a, b = part.start(), part.end()
        value = part.group(0).strip()
        if value:
            lead = len(part.group(0)) - len(part.group(0).lstrip())
            fields.append(Field(value, pos + a + lead, pos + a + lead + len(value)))
    del b
    return fields, m.end()


def _addressee_ok(head: str) -> bool:
    h = head.strip()
    if "\n" in h or _ADDRESSEE_BAD.search(h) or _MARKER.match(h) or "《" in h or "“" in h:
        return False
    return h.startswith("各") or _ADDRESSEE_END.search(h) is not None
