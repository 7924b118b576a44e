"""专栏 / 表 boxes: their items and notes are text of the section they stand in."""

import policy_parser as pp
from policy_parser.lex.boxes import box_starts

PLAN = (
    "一、总体要求\n"
    "（一）指导思想。坚持创新驱动。\n"
    "（二）主要目标。到2030年，基本建成体系。\n"
    "专栏1　主要指标\n"
    "1.经费投入年均增长10%。\n"
    "2.科学素质比例达到20%。\n"
    "注：以上指标为预期性指标。\n"
    "（三）基本原则。坚持统筹推进。\n"
    "二、重点任务\n"
    "（一）强化投入。各区要加大投入。\n"
    "专栏2　重点工程\n"
    "（一）基地建设工程。建设一批基地。\n"
    "（二）人才培育工程。培养一批人才。\n"
    "（二）完善机制。建立协调机制。\n"
    "三、保障措施\n"
    "加强组织领导。\n"
)


def _sections(text: str) -> dict[str, str | None]:
    return {s.path: s.text for s in pp.parse(text, bodies=False).walk()}


def test_a_box_and_its_items_are_text_of_the_section_it_stands_in() -> None:
    sections = _sections(PLAN)
    assert list(sections) == [
        "一",
        "一/（一）",
        "一/（二）",
        "一/（三）",
        "二",
        "二/（一）",
        "二/（二）",
        "三",
    ]
    goal = sections["一/（二）"] or ""
    assert goal.startswith("到2030年，基本建成体系。专栏1")
    assert "2.科学素质比例达到20%。" in goal
    assert goal.endswith("注：以上指标为预期性指标。")


def test_the_boxs_own_numbering_does_not_end_it() -> None:
    # The box's （二） carries the section list's next number too, but continues the box's
    # own （一）: it stays in the box; the section's （二） after it ends the box.
    sections = _sections(PLAN)
    assert "（二）人才培育工程。培养一批人才。" in (sections["二/（一）"] or "")
    assert sections["二/（二）"] == "建立协调机制。"


def test_a_box_in_the_preamble_ends_at_the_first_heading() -> None:
    text = (
        "关于推动发展的方案\n为推动发展，制定本方案。\n"
        "专栏1　名词解释\n1.甲：是指某事。\n2.乙：是指某物。\n"
        "一、总体要求\n（一）指导思想。坚持创新。\n二、保障措施\n加强领导。\n"
    )
    doc = pp.parse(text, bodies=False)
    assert [s.path for s in doc.walk()] == ["一", "一/（一）", "二"]
    assert "2.乙：是指某物。" in (doc.preamble or "")


def test_a_table_label_opens_a_box_too() -> None:
    text = (
        "一、甲\n（一）分工。明确分工。\n表1　任务分工\n1.子\n2.丑\n（二）考核。严格考核。\n二、乙"
    )
    assert list(_sections(text)) == ["一", "一/（一）", "一/（二）", "二"]


def test_labels_only_at_a_line_start_and_before_a_number() -> None:
    text = "详见专栏1。\n表彰先进。\n专栏 2\n## 专栏三　工程\n表3-1　指标\n"
    assert box_starts(text) == [text.index("专栏 2"), text.index("## 专栏三"), text.index("表3-1")]
    # Without a box the same items are sections.
    assert "一/（二）/1" in _sections(PLAN.replace("专栏1　主要指标\n", ""))


def test_a_flattened_tables_rows_under_a_table_label_stay_rows() -> None:
    text = (
        "一、甲\n（一）典型做法。做法如下。\n表1　典型做法\n"
        "1承诺制改革　　甲市开展改革\n2多规合一改革　　乙省推进改革\n"
        "（二）工作要求。认真落实。\n二、乙\n"
    )
    assert list(_sections(text)) == [
        "一",
        "一/（一）",
        "一/（一）/1",
        "一/（一）/2",
        "一/（二）",
        "二",
    ]


def test_open_at_opens_a_box_at_its_label_and_keeps_it_open() -> None:
    from policy_parser.lex.boxes import Boxes

    boxes = Boxes([10, 30])
    assert not boxes.open_at(5)  # before the first label
    assert boxes.open_at(12) and boxes.next_box == 1
    boxes.open = False  # (a candidate after it was accepted: Boxes.leave)
    assert not boxes.open_at(20)
    assert boxes.open_at(30) and boxes.next_box == 2
