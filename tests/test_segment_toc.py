"""目录 blocks are no sections, in every form; the body starts where the first entry repeats.

Made-up minimal regulations and plans with a table of contents under the title.
"""

from __future__ import annotations

import pytest

import policy_parser as pp
from policy_parser.segment import segment

TITLE = "甲市乙事务管理条例\n\n"
BODY = (
    "第一章　总则\n第一条　为了规范乙活动，制定本条例。\n"
    "第二章　管理\n第二条　甲局负责乙。\n"
    "第三章　附则\n第三条　本条例自2020年3月1日起施行。\n"
)

TABLES = {
    "one-line": "目录　第一章　总则　第二章　管理　第三章　附则\n\n",
    "one-line-glued": "目录第一章总则第二章管理第三章附则\n",
    "dot-leaders": (
        "目　　录\n第一章　总则……………………1\n第二章　管理……………………2\n第三章　附则……………………3\n- 1 -\n\n"
    ),
    "ascii-leaders": (
        "目录\n第一章 总则 ........ 1\n第二章 管理 ........ 2\n第三章 附则 ........ 3\n\n"
    ),
    "plain": "目　录\n第一章　总则\n第二章　管理\n第三章　附则\n\n",
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_table_is_no_section(name: str) -> None:
    text = TITLE + TABLES[name] + BODY
    frame = segment(text)
    assert frame.title is not None and frame.title.value == "甲市乙事务管理条例"
    assert text[slice(*frame.body)] == BODY.strip()
    if name == "one-line-glued":
        return  # (normalize takes these nine even lines for a hard-wrapped column)
    doc = pp.parse(text)
    assert [s.marker for s in doc.sections] == ["第一章", "第二章", "第三章"]
    assert [len(s.children) for s in doc.sections] == [1, 1, 1]


def test_entries_with_page_numbers_in_a_plan() -> None:
    text = (
        "甲市乙发展规划\n\n目　录\n一、发展基础　3\n二、总体要求　5\n\n"
        "一、发展基础\n甲市发展很好。\n二、总体要求\n做好乙。\n"
    )
    frame = segment(text)
    assert text[slice(*frame.body)].startswith("一、发展基础\n甲市")
    assert [s.heading for s in pp.parse(text).sections] == ["发展基础", "总体要求"]


def test_a_line_starting_with_the_word_is_not_a_table() -> None:
    # '目录' opening a sentence-like line without entries is text, not a table of contents.
    text = (
        "甲市乙目录管理办法\n\n目录清单由甲局编制。\n"
        "第一条　甲局负责乙。\n第二条　本办法自公布之日起施行。\n"
    )
    frame = segment(text)
    assert text[slice(*frame.body)].startswith("目录清单")
