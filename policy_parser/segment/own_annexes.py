"""Which labelled documents after a document are its own attachments, not its siblings."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policy_parser.segment.frame import Field
from policy_parser.segment.lines import _Ctx, _line_index


@dataclass(frozen=True)
class _Own:
    """Which of the following documents a document reads as its own attachments.

    ``count``: at most this many (None: all); ``appendix_only``: only those labelled 附录.
    """

    count: int | None = None
    appendix_only: bool = False


_APPENDIX_LABEL = regex.compile(r"附\s*录")  # (matched at a position: no ^)


_ANNEX_LABEL = regex.compile(
    r"^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:[：:]|$)"
)


def _own_annexes(ctx: _Ctx, title: Field | None, annex_names: list[str]) -> _Own | None:
    """What a document opened by a label ('附件1' / title) attaches of its own, if anything.

    Labels after it are its siblings ('附件2' after '附件1'), except the ones it lists itself
    in a 附件说明 after its last article (``annex_names``), and, when a 附件 label opened it,
    the 附录 that follow it. Made up: '附件1' / '甲办法' / '第一条…' / '附录1' / '乙表': 乙表
    is 甲办法's; '附件：1．丙表' after 甲办法's last article makes 丙表 its own too.
    """
    if annex_names:
        return _Own(count=len(annex_names))
    if title is None:
        return None
    k = _line_index(ctx, title.start) - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    if k >= 0 and _ANNEX_LABEL.match(ctx.lines[k].s):
        return _Own(appendix_only=True)
    return None
