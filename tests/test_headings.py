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


def test_titles_glued_to_their_text_in_a_document_run_into_one_line() -> None:
    # The text begins with a number run or a title verb and its object.
    text = (
        "现通知如下：一、总体目标2025年，全市建成示范区。二、重点任务引导企业加大投入，"
        "着力提升能力。三、保障措施加强组织领导，落实责任。"
    )
    assert _headings(text) == [
        ("一", "总体目标", "2025年，全市建成示范区。"),
        ("二", "重点任务", "引导企业加大投入，着力提升能力。"),
        ("三", "保障措施", "加强组织领导，落实责任。"),
    ]


def test_a_glued_title_never_ends_open() -> None:
    # Not before 2025 after 积极推动 (a verb still missing its object) nor after 及.
    text = (
        "现通知如下：一、目标任务积极推动2025年完成改造。"
        "二、工作安排及2025年计划全市完成改造。三、保障措施加强组织领导，落实责任。"
    )
    assert [(s.heading, s.text[:4]) for s in pp.parse(text).sections] == [
        ("目标任务", "积极推动"),
        (None, "工作安排"),
        ("保障措施", "加强组织"),
    ]


def test_a_title_verb_splits_nothing_in_a_line_broken_list() -> None:
    text = "一、总体要求\n各区要统一思想。\n二、重点任务引导企业加大投入，着力提升能力。"
    second = pp.parse(text).find("二")
    assert second is not None and second.heading is None
    assert second.text == "重点任务引导企业加大投入，着力提升能力。"


def test_items_opening_with_one_subject_have_no_title() -> None:
    flat = (
        "现通知如下：（一）各区要加强领导。各区要落实责任。（二）各区应完善机制。各区要定期检查。"
    )
    broken = "一、工作任务\n（一）各区要加强领导。\n（二）各区要完善机制。\n（三）各区要定期检查。"
    assert [s.heading for s in pp.parse(flat).walk()] == [None, None]
    assert [s.heading for s in pp.parse(broken).walk()] == ["工作任务", None, None, None]


def test_items_opening_with_one_verb_keep_their_titles() -> None:
    text = "一、工作任务\n（一）加强领导。各区要负责。\n（二）加强保障。各区要落实。"
    assert [s.heading for s in pp.parse(text).walk()] == ["工作任务", "加强领导", "加强保障"]


def test_a_short_verb_object_run_in_title_stands_among_untitled_siblings() -> None:
    items = (
        "一、工作任务\n（一）各区要加强组织领导，落实工作责任，确保取得实效。\n"
        "（二）市财政局要加大资金投入，保障项目实施，提高使用效益。\n"
    )
    assert _headings(items + "（三）强化督查。各地要定期开展检查。")[1:] == [
        ("一/（一）", None, "各区要加强组织领导，落实工作责任，确保取得实效。"),
        ("一/（二）", None, "市财政局要加大资金投入，保障项目实施，提高使用效益。"),
        ("一/（三）", "强化督查", "各地要定期开展检查。"),
    ]
    # With nothing after it, the sentence may be the item's whole substance.
    assert [s.heading for s in pp.parse(items + "（三）强化督查。").walk()][1:] == [None] * 3


def test_glued_titles_of_run_together_sub_items_when_every_item_has_one() -> None:
    text = (
        "现通知如下：一、总体要求（一）指导思想全面贯彻新发展理念，推动高质量发展。"
        "（二）基本原则坚持政府引导、市场主导。（三）深化数据资源管理要求数据资源是基础，要统筹。"
        "二、保障措施各区要落实。"
    )
    assert [(s.path, s.heading) for s in pp.parse(text).walk()] == [
        ("一", "总体要求"),
        ("一/（一）", "指导思想"),
        ("一/（二）", "基本原则"),
        ("一/（三）", "深化数据资源管理要求"),
        ("二", "保障措施"),
    ]


def test_run_together_list_items_are_not_unglued() -> None:
    text = (
        "第九条　有下列情形之一的，予以处罚：（一）未按照规定报送各类数据的；"
        "（二）拒绝接受有关部门检查的；（三）提供虚假材料对有关部门隐瞒的。"
    )
    assert [s.heading for s in pp.parse(text).walk()] == [None, None, None, None]


def test_run_together_sentence_items_are_not_unglued() -> None:
    # 各类 is an object's determiner, not a subject; 取消 still wants its object.
    text = (
        "现通知如下：一、重点任务（一）系统梳理现有各层级审批，形成清单。"
        "（二）大幅精简各类重复审批，能整合的整合。（三）下决心取消对微观经济活动的干预。"
    )
    assert [s.heading for s in pp.parse(text).walk()] == ["重点任务", None, None, None]


def test_a_first_sentence_with_a_subject_and_its_modal_is_no_title() -> None:
    text = (
        "一、工作分工\n（一）市发展改革委要加强统筹。负责总体协调。\n"
        "（二）市财政局要保障资金。负责资金安排。\n（三）强化要素保障。各区要落实。"
    )
    assert [s.heading for s in pp.parse(text).walk()] == ["工作分工", None, None, "强化要素保障"]


def test_two_run_together_items_opening_the_text() -> None:
    # The first item opens the text: its follower shows the text runs into one line.
    text = "一、总体目标2025年，全市建成示范区。二、保障措施加强组织领导，落实责任。"
    assert _headings(text) == [
        ("一", "总体目标", "2025年，全市建成示范区。"),
        ("二", "保障措施", "加强组织领导，落实责任。"),
    ]


def test_a_title_that_opens_with_a_verb_is_not_cut_at_a_second_verb() -> None:
    text = (
        "现通知如下：一、总体要求坚持统筹推进。二、重点任务引导企业加大投入。"
        "三、完善产业发展支持政策体系。各区要落实。"
    )
    assert [s.heading for s in pp.parse(text).sections] == [
        "总体要求",
        "重点任务",
        "完善产业发展支持政策体系",
    ]


def test_items_that_open_with_one_subject_and_its_modal_have_no_titles() -> None:
    # 各区县 opens every item, each with its modal: sentences of duties, though short. The
    # items differ after the subject by different lengths, and the shortest is not the last.
    text = "\n".join(
        [
            "（一）各区县应当做好甲。各地要跟进。",
            "（二）各区县要做好乙丙。各地要跟进。",
            "（三）各区县要做好丁。各地要跟进。",
        ]
    )
    assert [h for _, h, _ in _headings(text)] == [None, None, None]
    # Without a shared subject, the same short first sentences are run-in titles.
    text = "（一）加强甲。各地要跟进。\n（二）落实乙丙。各地要跟进。\n（三）推进丁。各地要跟进。"
    assert [h for _, h, _ in _headings(text)] == ["加强甲", "落实乙丙", "推进丁"]


def test_a_shared_opening_shorter_than_a_subject_is_none() -> None:
    from policy_parser.transform.phrases import same_subject

    assert same_subject(["各区县要甲", "各区县应乙", "各区县要丙丁"])
    assert not same_subject(["各区要甲", "各县要乙", "各区要丙"])  # 各 alone is no subject
    assert not same_subject(["加强领导要甲", "加强保障要乙"])  # a title verb is no subject
    assert not same_subject(["各区县要甲"])
