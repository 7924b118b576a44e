"""目录: a table of contents under the title, skipped up to where the body begins."""

from __future__ import annotations

import regex

from policy_parser.segment.lines import _compact, _Ctx, _is_ishy

_TOC = regex.compile(r"^目\s*录$")


def _skip_toc(ctx: _Ctx, i: int, limit: int) -> int:
    """Skip a 目录: the body starts where the first entry of the table is written again."""
    lines = ctx.lines
    start = lines[i].start
    j = i + 1
    while j < len(lines) and not lines[j].s:
        j += 1
    if j >= len(lines):
        return lines[i].end
    first = _compact(lines[j].s)
    k = j + 1
    while k < len(lines) and lines[k].start < limit:
        if _compact(lines[k].s) == first:
            ctx.noise.append((start, lines[k].start))
            return lines[k].start
        k += 1
    # No repeat found: skip the short heading-like lines of the table.
    k = j
    while k < len(lines) and (not lines[k].s or (_is_ishy(lines[k].s) and len(lines[k].s) < 40)):
        k += 1
    end = lines[k].start if k < len(lines) else lines[-1].end
    ctx.noise.append((start, end))
    return end
