"""Headings glued to their text, run-in titles and titles wrapped by the page (issue 13)."""

from __future__ import annotations

import policy_parser as pp


def _headings(text: str) -> list[tuple[str, str | None, str]]:
    return [(s.path, s.heading, s.text) for s in pp.parse(text).walk()]


def test_a_short_title_line_wrapped_mid_word_keeps_its_tail() -> None:
    text = "（一）加大资金投\n入力度\n各区要统筹资金。\n（二）完善工作机制\n各区要建立机制。"
    assert _headings(text) == [
        ("（一）", "加大资金投入力度", "各区要统筹资金。"),
        ("（二）", "完善工作机制", "各区要建立机制。"),
    ]


def test_short_cells_after_a_short_title_line_stay_apart() -> None:
    # A column of short lines is a table's cells, not the tail of a wrapped title.
    doc = pp.parse("（一）人员名单\n张三\n李四\n王五\n（二）工作安排\n各区要统筹。")
    first = doc.find("（一）")
    assert first is not None and first.heading == "人员名单"
    assert first.text == "张三李四王五"
