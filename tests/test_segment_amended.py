"""A 修改决定 followed by the full amended text: that text is attachments[0].

Made-up minimal decisions: amendment items, then the revised regulation's title, its
bracketed history, and its 第一章 / 第一条.
"""

from __future__ import annotations

import pytest

import policy_parser as pp
from policy_parser.segment import segment

DECISION = (
    "甲市人大常委会关于修改《甲市乙事务管理条例》的决定\n\n"
    "（2023年5月6日甲市人大常委会第三次会议通过）\n\n"
    "甲市人大常委会决定对《甲市乙事务管理条例》作如下修改：\n"
    "一、将第二条修改为：“本条例适用于乙活动。”\n二、删去第三条。\n"
    "本决定自2023年7月1日起施行。\n\n"
)
REVISED = (
    "甲市乙事务管理条例\n\n"
    "（2020年1月2日甲市人大常委会第九次会议通过　根据2023年5月6日甲市人大常委会"
    "《关于修改〈甲市乙事务管理条例〉的决定》修正）\n\n"
    "第一章　总则\n第一条　为了规范乙活动，制定本条例。\n第二条　本条例适用于乙活动。\n"
    "第二章　附则\n第三条　本条例自2020年3月1日起施行。\n"
)


@pytest.mark.parametrize(
    "between", ["", "《甲市乙事务管理条例》根据本决定作相应修改，重新公布。\n\n"]
)
def test_the_revised_text_is_the_attachment(between: str) -> None:
    text = DECISION + between + REVISED
    frame = segment(text)
    assert frame.title is not None and frame.title.value.endswith("的决定")
    assert text[slice(*frame.body)].rstrip().endswith(between.strip() or "起施行。")
    assert len(frame.attachments) == 1
    revised = frame.attachments[0]
    assert revised.title is not None and revised.title.value == "甲市乙事务管理条例"
    assert text[slice(*revised.body)].startswith("第一章")


def test_the_decision_keeps_its_items_and_its_date() -> None:
    doc = pp.parse(DECISION + REVISED)
    assert [s.marker for s in doc.sections] == ["一、", "二、"]
    assert doc.date is not None and doc.date.isoformat() == "2023-05-06"
    assert [s.marker for s in doc.attachments[0].sections] == ["第一章", "第二章"]


def test_a_title_line_without_a_history_note_does_not_split_the_body() -> None:
    # Without the bracketed history the line is a heading inside the decision, not a new text.
    text = DECISION + REVISED.replace(REVISED.split("\n\n")[1] + "\n\n", "")
    assert segment(text).attachments == []
