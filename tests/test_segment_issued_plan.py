"""A notice that issues a plan with no 附件 label: the plan's title line starts attachments[0].

Made-up minimal notices: 现将《X》印发给你们 in the preamble, the signature, the date, then X.
"""

from __future__ import annotations

import pytest

from policy_parser.segment import segment

NOTICE = (
    "甲市人民政府办公厅关于做好乙工作的通知\n\n"
    "各区人民政府，市政府各部门：\n"
    "现将《{name}》印发给你们，请认真贯彻执行。\n\n"
    "甲市人民政府办公厅\n"
    "2023年5月6日\n\n"
    "{title}\n\n"
    "为推进乙工作，制定本方案。\n"
    "一、总体要求\n做好乙工作。\n"
    "二、主要任务\n推进丙工作。\n"
)


def _notice(name: str = "甲市乙工作方案", title: str = "甲市乙工作方案", **swap: str) -> str:
    text = NOTICE.format(name=name, title=title)
    for old, new in swap.items():
        text = text.replace(old.replace("_", "\n"), new)
    return text


def _check(text: str, title: str = "甲市乙工作方案") -> None:
    frame = segment(text)
    assert frame.date is not None and frame.date.isoformat() == "2023-05-06"
    assert [f.value for f in frame.issuers] == ["甲市人民政府办公厅"]
    assert text[slice(*frame.body)] == "现将《" + title + "》印发给你们，请认真贯彻执行。"
    assert len(frame.attachments) == 1
    plan = frame.attachments[0]
    assert plan.title is not None and plan.title.value == title
    assert text[slice(*plan.body)].startswith("为推进乙工作")


def test_plan_title_after_the_date_starts_the_attachment() -> None:
    _check(_notice())


@pytest.mark.parametrize(
    "date_line",
    ["2023年5月6日（此件有删改）", "2023年5月6日\n（此件有删改）", "2023年5月6日 （此件公开发布）"],
)
def test_a_note_on_or_under_the_date_line(date_line: str) -> None:
    _check(_notice().replace("2023年5月6日", date_line))


def test_a_contact_block_under_the_date() -> None:
    _check(
        _notice().replace(
            "2023年5月6日\n", "2023年5月6日\n\n（联系人：张三，联系电话：12345678）\n"
        )
    )


def test_signature_glued_after_spaces_on_the_last_preamble_line() -> None:
    text = _notice().replace(
        "请认真贯彻执行。\n\n", "请认真贯彻执行。\u3000\u3000\u3000\u3000\u3000\u3000"
    )
    _check(text)


def test_wrapped_title_with_its_bracket_on_a_line_of_its_own() -> None:
    name = "甲市乙工作方案（2023—2025年）"
    _check(_notice(name=name, title="甲市乙工作方案\n（2023—2025年）"), title=name)


def test_a_line_that_does_not_repeat_the_name_is_not_taken_for_it() -> None:
    # The bracket line belongs to the title only when the joined lines are the issued name.
    text = _notice(title="甲市乙工作方案\n（2023—2025年）")
    plan = segment(text).attachments[0]
    assert plan.title is not None and plan.title.value == "甲市乙工作方案"
