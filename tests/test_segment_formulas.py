"""Closing formulas (特此通知。 特此公告。 此复。) belong to no preamble and no section."""

from __future__ import annotations

import pytest

import policy_parser as pp
from policy_parser.segment import segment
from policy_parser.wordlists import words

NOTICE = (
    "甲市人民政府办公厅关于做好乙工作的通知\n\n各区人民政府：\n为做好乙工作，现通知如下：\n"
    "一、加强领导\n各区要加强领导。\n二、落实责任\n各部门要落实责任。{glued}\n{own}"
    "甲市人民政府办公厅\n2023年5月6日\n"
)


@pytest.mark.parametrize("formula", ["特此通知。", "特此公告。", "此复。", "特此函告"])
@pytest.mark.parametrize("where", ["own", "glued"])
def test_the_formula_is_no_body_text(formula: str, where: str) -> None:
    text = NOTICE.format(
        glued=formula if where == "glued" else "", own=formula + "\n" if where == "own" else ""
    )
    frame = segment(text)
    assert text[slice(*frame.body)].endswith("各部门要落实责任。")
    assert [f.value for f in frame.issuers] == ["甲市人民政府办公厅"]
    assert frame.date is not None
    doc = pp.parse(text)
    assert doc.sections[-1].text == "各部门要落实责任。"


def test_a_notice_without_sections_keeps_no_formula_in_its_preamble() -> None:
    text = (
        "甲局关于乙的通知\n\n各区：\n现将《甲市乙方案》印发给你们，请认真贯彻执行。\n"
        "特此通知。\n\n甲局\n2023年5月6日\n"
    )
    doc = pp.parse(text)
    assert doc.preamble == "现将《甲市乙方案》印发给你们，请认真贯彻执行。"
    assert doc.issuers == ["甲局"]


def test_a_formula_inside_a_sentence_stays() -> None:
    # Only the set phrase after a sentence, at the end of the body, is cut.
    text = NOTICE.format(glued="", own="").replace("落实责任。", "落实责任，并将特此通知转发。")
    frame = segment(text)
    assert text[slice(*frame.body)].endswith("并将特此通知转发。")


def test_the_formulas_are_data() -> None:
    assert "特此通知" in words("closing_formulas")


def test_the_formula_is_kept_as_the_end_of_the_documents_closing() -> None:
    # In no section and no preamble, but not lost: Document.closing ends with it.
    own_line = pp.parse("关于甲的通知\n各区：\n一、甲\n乙要做好。\n特此通知。\n甲局\n2024年1月1日")
    glued = pp.parse("关于甲的通知\n各区：\n一、甲\n乙要做好。特此通知。\n甲局\n2024年1月1日")
    for doc in (own_line, glued):
        assert [s.text for s in doc.walk()] == ["乙要做好。"]
        assert doc.closing == "特此通知。"
