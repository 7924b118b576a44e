"""Attachment labels in their real shapes, and attachments nested in the document listing them.

Made-up minimal notices: '<文号>附件', '附件' / '1', a title glued to its date, 附录 after an
issued 办法, and a 办法's own 附件说明 after its last article.
"""

from __future__ import annotations

import pytest

from policy_parser.segment import segment
from policy_parser.segment.frame import Frame

NOTICE = (
    "甲市人民政府办公厅关于印发甲市乙工作方案的通知\n甲办发〔2023〕17号\n各区人民政府：\n"
    "现将《甲市乙工作方案》印发给你们，请认真贯彻执行。\n附件：甲市乙工作方案\n"
    "甲市人民政府办公厅\n2023年5月6日\n{label}\n甲市乙工作方案{glue}\n"
    "为推进乙工作，制定本方案。\n一、总体要求\n做好乙工作。\n二、主要任务\n推进丙工作。\n"
)


@pytest.mark.parametrize(
    ("label", "glue"),
    [
        ("甲办发〔2023〕17号附件", ""),
        ("甲办发〔2023〕17号　附件", ""),
        ("附件\n1", ""),
        ("附件", "2021年2月"),
        ("附件1", "2021年2月1日"),
    ],
)
def test_the_label_opens_the_plan(label: str, glue: str) -> None:
    text = NOTICE.format(label=label, glue=glue)
    frame = segment(text)
    assert text[slice(*frame.body)] == "现将《甲市乙工作方案》印发给你们，请认真贯彻执行。"
    assert len(frame.attachments) == 1
    plan = frame.attachments[0]
    assert plan.title is not None and plan.title.value == "甲市乙工作方案"
    assert text[slice(*plan.body)].startswith("为推进乙工作")


ISSUES_RULES = (
    "甲市人民政府办公厅关于印发甲市乙管理办法的通知\n各区人民政府：\n"
    "现将《甲市乙管理办法》印发给你们，请认真贯彻执行。\n"
    "附件：1．甲市乙管理办法\n2．甲市丙名单\n甲市人民政府办公厅\n2023年5月6日\n"
    "{first}\n甲市乙管理办法\n第一条　为了规范乙，制定本办法。\n第二条　本办法自公布之日起施行。\n"
    "{own}\n{second}\n甲市丙名单\n一、甲区\n二、乙区\n"
)


def _tree(frame: Frame) -> list[object]:
    return [[a.title.value if a.title else None, _tree(a)] for a in frame.attachments]


def test_appendices_after_an_issued_text_are_its_own() -> None:
    own = "附录1\n甲市乙申请表\n一、申请人\n二、申请事项\n附录2\n甲市乙流程图\n一、受理\n二、审核"
    text = ISSUES_RULES.format(first="附件1", second="附件2", own=own)
    assert _tree(segment(text)) == [
        ["甲市乙管理办法", [["甲市乙申请表", []], ["甲市乙流程图", []]]],
        ["甲市丙名单", []],
    ]


def test_annexes_listed_after_the_last_article_are_nested() -> None:
    own = (
        "附件：1．甲市乙申请表\n2．甲市乙流程图\n附件1\n甲市乙申请表\n一、申请人\n二、申请事项\n"
        "附件2\n甲市乙流程图\n一、受理\n二、审核"
    )
    text = ISSUES_RULES.format(first="附件一", second="附件二", own=own)
    assert _tree(segment(text)) == [
        ["甲市乙管理办法", [["甲市乙申请表", []], ["甲市乙流程图", []]]],
        ["甲市丙名单", []],
    ]


def test_a_sibling_label_stays_a_sibling() -> None:
    text = ISSUES_RULES.format(first="附件1", second="附件2", own="")
    assert _tree(segment(text)) == [["甲市乙管理办法", []], ["甲市丙名单", []]]
