"""Cross-references to list items (（一）至（三）项, 第（二）项) are text, not sections."""

import pytest

import policy_parser as pp


def _paths(text: str) -> list[str]:
    return [s.path for s in pp.parse(text, bodies=False).walk()]


@pytest.mark.parametrize(
    "sentence",
    [
        "违反（一）至（四）项规定的，责令改正。",
        "依照第（二）项办理。",
        "适用前款第（一）项的规定。",
        "按本条第一款第（三）项执行。",
        "符合（一）、（二）项条件的，予以支持。",
        "除（二）和（三）项外，均可申请。",
        "属于(一)至(三)项情形的，不予受理。",
    ],
)
def test_a_cited_item_inside_a_sentence_is_text(sentence: str) -> None:
    text = f"一、甲\n（一）子。\n二、乙\n各单位要落实，{sentence}\n三、丙\n"
    doc = pp.parse(text, bodies=False)
    assert _paths(text) == ["一", "一/（一）", "二", "三"]
    assert sentence in (doc.sections[1].text or "")


def test_a_cited_range_opening_a_line_after_the_list_is_the_articles_text() -> None:
    text = (
        "第一条 有下列情形之一的，不予登记：\n（一）甲；\n（二）乙；\n（三）丙。\n"
        "第二条 属于第一条情形的，依法处理。\n（一）至（三）项规定的情形，由市局认定。\n"
        "第三条 附则。\n"
    )
    doc = pp.parse(text, bodies=False)
    assert _paths(text) == [
        "第一条",
        "第一条/（一）",
        "第一条/（二）",
        "第一条/（三）",
        "第二条",
        "第三条",
    ]
    assert (doc.sections[1].text or "").endswith("（一）至（三）项规定的情形，由市局认定。")
    # A reference is no ignored marker worth a note.
    assert not [d for d in doc.diagnostics if d.code == "ignored-marker"]


def test_a_cited_list_under_a_heading_opens_no_list() -> None:
    text = "一、总体要求\n（一）、（二）项所列任务，由各区落实。\n二、保障措施\n加强领导。\n"
    assert _paths(text) == ["一", "二"]


def test_a_line_start_item_that_continues_its_list_stays_an_item() -> None:
    # （二）项… continues the open （一）: the list's own numbering decides.
    text = "一、甲\n（一）子；\n（二）项下资金的使用。\n二、乙\n"
    assert _paths(text) == ["一", "一/（一）", "一/（二）", "二"]


@pytest.mark.parametrize(
    "item", ["（一）项目管理。", "（一）款项拨付。", "（一）目标任务。", "（一）目前的问题。"]
)
def test_an_item_opening_with_a_word_that_starts_with_a_unit_is_an_item(item: str) -> None:
    text = f"一、甲\n{item}\n（二）乙。\n二、丙\n"
    assert _paths(text) == ["一", "一/（一）", "一/（二）", "二"]
