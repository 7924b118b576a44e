"""A last section with a title keeps its paragraphs; closing formulas belong to no section."""

import policy_parser as pp


def _texts(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.path, s.heading, s.text) for s in pp.parse(text, bodies=False).walk()]


def test_a_titled_last_section_keeps_its_paragraphs_among_siblings_with_only_children() -> None:
    text = (
        "一、总体要求\n（一）指导思想。坚持创新。\n二、重点任务\n（一）强化投入。加大投入。\n"
        "三、保障措施\n加强组织领导。\n强化督查落实。\n"
    )
    doc = pp.parse(text, bodies=False)
    assert _texts(text)[-1] == ("三", "保障措施", "加强组织领导。强化督查落实。")
    assert doc.closing is None


def test_a_lone_effective_date_under_a_title_is_its_text() -> None:
    text = "一、总则\n（一）甲。\n（二）乙。\n二、附则\n本办法自2030年1月1日起施行。\n"
    assert _texts(text)[-1] == ("二", "附则", "本办法自2030年1月1日起施行。")


def test_a_fuze_keeps_every_paragraph_but_the_formula() -> None:
    text = (
        "一、总则\n（一）甲。\n二、附则\n本办法由市局负责解释。\n本办法自2030年1月1日起施行。\n"
        "特此通知。\n"
    )
    doc = pp.parse(text, bodies=False)
    assert _texts(text)[-1] == ("二", "附则", "本办法由市局负责解释。本办法自2030年1月1日起施行。")
    assert doc.closing == "特此通知。"


def test_the_effective_date_after_a_sections_substance_closes_the_document() -> None:
    text = "一、甲\n（一）子。\n二、关于乙的问题\n乙要做好。\n本通知自2030年1月1日起施行。\n"
    doc = pp.parse(text, bodies=False)
    assert _texts(text)[-1] == ("二", "关于乙的问题", "乙要做好。")
    assert doc.closing == "本通知自2030年1月1日起施行。"


def test_paragraphs_after_a_last_list_item_still_go_to_its_parent() -> None:
    text = "第一条 有下列行为的：\n（一）甲；\n（二）乙。\n有前款行为的，予以处罚。\n第二条 丙。\n"
    assert _texts(text)[0] == ("第一条", None, "有下列行为的：有前款行为的，予以处罚。")
