"""A promulgation order before a regulation: the regulation is the document.

Made-up minimal orders (国务院令 / 部令 / 主席令 … 现予公布); the order's lines belong to no
section, its number is the doc number, its date the date.
"""

from __future__ import annotations

import pytest

import policy_parser as pp
from policy_parser.segment import segment

REGULATION = (
    "甲乙管理条例\n\n第一章　总则\n"
    "第一条　为了规范甲乙管理，制定本条例。\n第二条　本条例适用于甲乙。\n"
    "第二章　附则\n第三条　本条例自2023年6月1日起施行。\n"
)


def _order(head: str, name: str = "甲乙管理条例", signer: str = "总理　李某") -> str:
    return (
        f"{head}\n\n《{name}》已经2023年4月1日第10次常务会议通过，现予公布。\n\n"
        f"{signer}\n2023年5月6日\n\n"
    )


@pytest.mark.parametrize(
    ("head", "number", "issuer"),
    [
        ("中华人民共和国国务院令\n第800号", "中华人民共和国国务院令第800号", "国务院"),
        ("国家甲乙局令\n2023年第5号", "国家甲乙局令2023年第5号", "国家甲乙局"),
        ("甲乙部令\n〔2023〕第5号", "甲乙部令〔2023〕第5号", "甲乙部"),
    ],
)
def test_order_numbers_with_or_without_a_year(head: str, number: str, issuer: str) -> None:
    text = _order(head) + REGULATION
    frame = segment(text)
    assert frame.title is not None and frame.title.value == "甲乙管理条例"
    assert frame.doc_number is not None and frame.doc_number.value == number
    assert [f.value for f in frame.issuers] == [issuer]
    assert frame.date is not None and frame.date.isoformat() == "2023-05-06"
    assert text[slice(*frame.body)].startswith("第一章")


def test_a_law_promulgated_by_a_presidential_order() -> None:
    text = (
        "中华人民共和国主席令\n第十号\n\n"
        "《中华人民共和国甲乙法》已由第十四届全国人民代表大会常务委员会第五次会议于"
        "2023年9月1日通过，现予公布。\n\n中华人民共和国主席　习某\n2023年9月1日\n\n"
        "中华人民共和国甲乙法\n（2023年9月1日第十四届全国人民代表大会常务委员会第五次会议通过）\n\n"
        "第一条　为了规范甲乙，制定本法。\n第二条　本法自2024年1月1日起施行。\n"
    )
    doc = pp.parse(text)
    assert doc.title == "中华人民共和国甲乙法"
    assert doc.date is not None and doc.date.isoformat() == "2023-09-01"
    assert [s.marker for s in doc.sections] == ["第一条", "第二条"]
    assert doc.preamble in (None, "")


def test_the_regulation_heading_printed_above_the_order() -> None:
    # A web page prints the regulation's name as its heading, then the order, then the text.
    text = (
        "甲乙管理条例\n\n"
        + _order("中华人民共和国国务院令\n第800号")
        + REGULATION.split("\n\n", 1)[1]
    )
    doc = pp.parse(text)
    assert doc.title == "甲乙管理条例"
    assert doc.doc_number == "中华人民共和国国务院令第800号"
    assert [s.marker for s in doc.sections] == ["第一章", "第二章"]
    assert doc.preamble in (None, "")
    assert "现予公布" not in "".join(s.text for s in doc.walk())
