"""Quotations over several lines (a 修改决定 quoting new article text) hold no sections."""

import pytest

import policy_parser as pp
from policy_parser.lex.quotes import MAX_BARE_LINES, quoted_spans

DECISION = (
    "国务院决定对《某某条例》作如下修改：\n"
    "一、将第三条修改为：“第三条　主管部门负责监督管理。\n"
    "{a}（一）制定规划；\n"
    "{a}（二）组织实施。\n"
    "{a}1.具体办法另行制定。”\n"
    "二、删去第五条。\n"
    "三、将第八条中的“市”修改为“区”。\n"
)


def _paths(text: str) -> list[str]:
    return [s.path for s in pp.parse(text, bodies=False).walk()]


@pytest.mark.parametrize("reopen", ["“", ""], ids=["each-paragraph-reopens", "no-reopening"])
def test_quoted_article_text_is_text_of_the_amendment_item(reopen: str) -> None:
    text = DECISION.format(a=reopen)
    doc = pp.parse(text, bodies=False)
    assert _paths(text) == ["一", "二", "三"]
    first = doc.sections[0].text or ""
    assert "第三条　主管部门负责监督管理。" in first
    assert first.endswith("1.具体办法另行制定。”")
    assert doc.sections[1].text == "删去第五条。"


def test_the_closing_line_may_open_the_next_item() -> None:
    text = "一、将第二条修改为：“第二条　甲。\n“（一）乙。”二、删去第四条。\n三、删去第六条。\n"
    assert _paths(text) == ["一", "二", "三"]


def test_a_quote_that_never_closes_is_not_carried() -> None:
    text = "一、甲“乙\n二、丙\n（一）丁\n三、戊\n"
    assert quoted_spans(text) == []
    assert _paths(text) == ["一", "二", "二/（一）", "三"]


def test_a_bare_quote_is_carried_only_over_a_few_lines() -> None:
    lines = ["一、甲说：“乙"] + [f"（{n}）丙" for n in range(1, MAX_BARE_LINES + 2)] + ["丁。”"]
    assert quoted_spans("\n".join(lines)) == []
    reopened = ["一、甲说：“乙"] + ["“丙"] * (MAX_BARE_LINES + 2) + ["“丁。”"]
    text = "\n".join(reopened)
    assert quoted_spans(text) == [(len(reopened[0]) + 1, len(text))]


def test_a_wrapped_quotation_spans_to_its_close() -> None:
    text = "一、他说：“科技创新\n需要长期投入。”随后离开。\n二、乙\n"
    start = text.index("需要")
    assert quoted_spans(text) == [(start, text.index("随后"))]


def test_a_quotation_opening_on_the_line_after_the_item() -> None:
    text = "一、将第三条修改为：\n“第三条　甲。\n“（一）乙；\n“（二）丙。”\n二、删去第五条。\n"
    assert _paths(text) == ["一", "二"]
