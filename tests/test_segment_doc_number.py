"""发文字号 under the title in brackets, or with a space before 号, is the document's number."""

from __future__ import annotations

import pytest

from policy_parser.segment import segment

NOTICE = (
    "甲市人民政府办公厅关于做好乙工作的通知{glued}\n{line}\n各区人民政府：\n"
    "为做好乙工作，现通知如下：\n一、加强领导\n各区要加强领导。\n二、落实责任\n各部门要落实责任。\n"
    "甲市人民政府办公厅\n2023年5月6日\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "（甲办发〔2023〕17 号）",
        "(甲办发〔2023〕17号)",
        "甲办发〔2023〕17 号",
        "【甲办发〔2023〕17号】",
    ],
)
def test_a_number_line_under_the_title(line: str) -> None:
    text = NOTICE.format(glued="", line=line)
    frame = segment(text)
    assert frame.doc_number is not None and frame.doc_number.value == "甲办发〔2023〕17号"
    assert [f.value for f in frame.addressees] == ["各区人民政府"]
    assert text[slice(*frame.body)].startswith("为做好乙工作")


def test_a_bracketed_number_glued_to_the_title() -> None:
    text = NOTICE.format(glued="（甲办发〔2023〕17 号）", line="")
    frame = segment(text)
    assert frame.title is not None and frame.title.value == "甲市人民政府办公厅关于做好乙工作的通知"
    assert frame.doc_number is not None and frame.doc_number.value == "甲办发〔2023〕17号"
    assert text[slice(*frame.body)].startswith("为做好乙工作")


def test_a_bracketed_citation_in_a_sentence_is_not_the_number() -> None:
    text = NOTICE.format(glued="", line="").replace(
        "为做好乙工作，", "根据《甲规定》（甲发〔2020〕1号），为做好乙工作，"
    )
    assert segment(text).doc_number is None
