"""parse(): totality, spans, headings and own text, diagnostics, strict errors."""

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import policy_text

import policy_parser as pp

PLAN = """为推动科普事业高质量发展，制定本实施方案。
一、总体要求
以习近平新时代中国特色社会主义思想为指导。
二、推动构建大科普工作格局
（一）强化各级党委和政府科普工作领导责任。落实科普相关法律法规。
（二）夯实各行业主管部门科普行政管理责任。科学技术行政部门要强化统筹协调。
有关部门要加强行业领域科普工作的组织协调。
三、加快实施科普能力提升计划
（三）实施基层科普服务提升行动。建立科普服务体系。
"""


def test_plan_tree() -> None:
    doc = pp.parse(PLAN)
    assert doc.preamble == "为推动科普事业高质量发展，制定本实施方案。"
    assert [(s.path, s.level, s.number) for s in doc.walk()] == [
        ("一", 1, 1),
        ("二", 1, 2),
        ("二/（一）", 2, 1),
        ("二/（二）", 2, 2),
        ("三", 1, 3),
        ("三/（三）", 2, 3),
    ]
    first = doc.find("二/（二）")
    assert first is not None
    assert first.heading == "夯实各行业主管部门科普行政管理责任"
    assert (
        first.text == "科学技术行政部门要强化统筹协调。有关部门要加强行业领域科普工作的组织协调。"
    )
    assert doc.find("（三）") is doc.find("三/（三）")
    assert doc.find("四") is None
    top = doc.find("一")
    assert top is not None and top.heading == "总体要求"
    assert top.text == "以习近平新时代中国特色社会主义思想为指导。"


def test_spans_index_the_source() -> None:
    doc = pp.parse(PLAN)
    for section in doc.walk():
        assert doc.source[section.span.start :].startswith(section.marker)
    two = doc.find("二")
    assert two is not None
    assert doc.source[two.span.start : two.span.end].endswith("组织协调。")


def test_list_items_have_no_heading_and_the_paragraph_after_returns_to_the_article() -> None:
    text = (
        "第六条　纳税人有下列情形之一的，以其当期产生量作为排放量：\n"
        "（一）非法倾倒应税固体废物；\n（二）进行虚假纳税申报。\n"
        "前款规定的情形，由税务机关认定。\n第七条　本条例自公布之日起施行。"
    )
    doc = pp.parse(text)
    article = doc.find("第六条")
    assert article is not None and article.heading is None
    assert article.text.endswith("排放量：前款规定的情形，由税务机关认定。")
    item = doc.find("第六条/（二）")
    assert item is not None and (item.heading, item.text) == (None, "进行虚假纳税申报。")


def test_run_in_title_rules() -> None:
    text = (
        "一、主要任务\n（一）统筹两个市场，打造加工制造中心。\n"
        "1.拓展两个市场。积极稳妥推广试点。\n"
        "2.支持综合保税区内企业开展委托加工业务，允许企业利用剩余产能。\n"
        "3.释放企业产能。允许区内企业承接委托加工。\n"
    )
    doc = pp.parse(text)
    assert [s.heading for s in doc.walk()] == [
        "主要任务",
        "统筹两个市场，打造加工制造中心",
        "拓展两个市场",
        None,
        "释放企业产能",
    ]


def test_siblings_decide_whether_a_short_first_sentence_is_a_title() -> None:
    # Most items open with their substance: the short first sentence of item 1 is substance too.
    text = (
        "（八）推进年检改年报。\n"
        "1．编制公布中央层面设定的行政备案事项清单。推动制定行政备案条例。\n"
        "2．系统梳理中央层面设定的企业年检、年报事项，分批次推进年检改年报。\n"
        "3．2020年底前实现养老保险关系转移接续“一地办理”。加快推进社保卡应用。\n"
    )
    doc = pp.parse(text)
    assert [s.heading for s in doc.walk()][1:] == [None, None, None]
    item = doc.find("1")
    assert item is not None and item.text.startswith("编制公布中央层面设定的行政备案事项清单。")


def test_a_sentence_introducing_a_list_is_not_a_title() -> None:
    text = "6.4.2　有下列行为之一的，依照有关法律法规处理。\n（1）虚报数据的；\n（2）拒不执行的。"
    doc = pp.parse(text)
    assert doc.sections[0].heading is None


def test_diagnostics_for_gaps_duplicates_and_skipped_levels() -> None:
    doc = pp.parse("一、甲\n二、乙\n四、丁\n四、丁又\n（1）跳级")
    codes = [d.code for d in doc.diagnostics]
    assert codes == ["numbering-gap", "duplicate-number", "skipped-level"]
    gap = doc.diagnostics[0]
    assert (gap.line, gap.column, gap.span.start) == (3, 1, 8)
    assert gap.message == "四、 follows number 2"


def test_strict_raises_with_line_column_and_caret_under_chinese() -> None:
    with pytest.raises(pp.PolicyParseError) as info:
        pp.parse("一、甲\n二、乙\n四、丁", strict=True)
    err = info.value
    assert (err.line, err.column, err.lineno, err.colno, err.pos) == (3, 1, 3, 1, 8)
    assert str(err) == "四、 follows number 2 (at line 3, column 1)\n四、丁\n^"
    assert isinstance(err, ValueError)


def test_strict_caret_is_padded_by_display_width() -> None:
    with pytest.raises(pp.PolicyParseError) as info:
        pp.parse("一、甲\n二、乙\n四、丁", strict=True)
    assert str(info.value).splitlines()[-2:] == ["四、丁", "^"]
    with pytest.raises(pp.PolicyParseError) as info:
        pp.parse("第一条 甲。\n第二条 乙。\n　　第四条 丁。", strict=True)
    # Two full-width spaces before the marker are four columns wide.
    assert info.value.column == 3
    assert str(info.value).splitlines()[-2:] == ["　　第四条 丁。", "    ^"]


def test_strict_passes_clean_text() -> None:
    assert pp.parse(PLAN, strict=True).sections


def test_not_a_string() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        pp.parse(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(policy_text)
def test_parse_is_total_and_spans_lie_in_the_source(text: str) -> None:
    doc = pp.parse(text)
    assert doc.source == text
    for section in doc.walk():
        assert 0 <= section.span.start <= section.span.end <= len(text)
        for clause in section.clauses:
            assert 0 <= clause.span.start <= clause.span.end <= len(text)
    for diag in doc.diagnostics:
        assert 0 <= diag.span.start <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_parse_is_total_on_any_text(text: str) -> None:
    pp.parse(text)


@settings(max_examples=100, deadline=None)
@given(policy_text)
def test_strict_raises_only_policy_parse_error(text: str) -> None:
    with contextlib.suppress(pp.PolicyParseError):
        pp.parse(text, strict=True)


def test_closing_paragraphs_leave_the_last_item() -> None:
    text = (
        "一、加强规划\n（一）深化规划。电网规划应加强统筹。\n"
        "（二）发挥引领作用。进一步强化分析。\n"
        "请各有关单位按照上述要求，结合本地区实际，做好相关工作。\n"
        "本通知自印发之日起施行，有效期5年。"
    )
    doc = pp.parse(text)
    last = doc.find("一/（二）")
    assert last is not None and last.text == "进一步强化分析。"
    assert doc.closing == (
        "请各有关单位按照上述要求，结合本地区实际，做好相关工作。本通知自印发之日起施行，有效期5年。"
    )


def test_a_statute_keeps_its_last_article_paragraphs() -> None:
    text = "第一条　为了规范管理，制定本条例。\n第二条　本条例自公布之日起施行。\n"
    text += "本条例由市政府负责解释。"
    article = pp.parse(text).find("第二条")
    assert article is not None
    assert article.text == "本条例自公布之日起施行。本条例由市政府负责解释。"


def test_glued_title_in_run_together_text() -> None:
    text = (
        "一、部分地方典型做法（一）改革投资审批制度方面8项：企业投资项目承诺制改革。"
        "二、工作要求各地区、各部门要坚决贯彻落实党中央、国务院决策部署。"
        "三、各地区要主动对标先进，相互学习借鉴。"
    )
    doc = pp.parse(text)
    assert [(s.path, s.heading) for s in doc.sections] == [
        ("一", "部分地方典型做法"),
        ("二", "工作要求"),
        ("三", None),
    ]
    two = doc.find("二")
    assert two is not None and two.text.startswith("各地区、各部门要坚决")


def test_title_kept_apart_by_spaces_in_run_together_text() -> None:
    doc = pp.parse("一、加强监管执法　　有效解决执法缺位问题。\n（一）总　　体。要完善。")
    first = doc.find("一")
    assert first is not None
    assert (first.heading, first.text) == ("加强监管执法", "有效解决执法缺位问题。")


def test_title_with_a_comma_kept_apart_by_spaces_in_run_together_text() -> None:
    text = (
        "现通知如下：　　一、严格依法保护环境，推动监管执法全覆盖　　有效解决执法缺位问题。"
        "　　（一）加快完善法规。要完善。　　二、明确各方职责、任务　　有效解决职责不清问题。"
        "　　（二）强化领导责任。要负责。　　三、统一、开放，有序　　要落实。"
    )
    doc = pp.parse(text)
    assert [(s.path, s.heading, s.text) for s in doc.walk()] == [
        ("一", "严格依法保护环境，推动监管执法全覆盖", "有效解决执法缺位问题。"),
        ("一/（一）", "加快完善法规", "要完善。"),
        ("二", "明确各方职责、任务", "有效解决职责不清问题。"),
        ("二/（二）", "强化领导责任", "要负责。"),
        ("三", "统一、开放，有序", "要落实。"),
    ]


def test_glued_titles_when_most_top_level_items_read_as_glued() -> None:
    text = (
        "各地区：现通知如下：一、实行开采总量限制对萤石实行总量控制。"
        "二、提高资源税税率为有效缩减开采量，提高税率。"
        "三、加强信息引导工业和信息化部、国土资源部要加强研究。"
        "四、关于水利建设问题进一步加大支持。"
    )
    doc = pp.parse(text)
    assert [s.heading for s in doc.sections] == [
        "实行开采总量限制",
        "提高资源税税率",
        "加强信息引导",
        "关于水利建设问题",
    ]
    three = doc.find("三")
    assert three is not None and three.text.startswith("工业和信息化部、国土资源部要")


def test_list_items_are_not_unglued() -> None:
    text = (
        "第三条　下列所得为来源于境内的所得：（一）因任职在中国境内提供劳务取得的所得；"
        "（二）将财产出租给承租人在中国境内使用而取得的所得；（三）许可各种特许权在中国境内使用的所得。"
    )
    assert [s.heading for s in pp.parse(text).walk()] == [None, None, None, None]


def test_a_list_of_short_first_sentences_with_commas_is_titled() -> None:
    text = (
        "二、任务要求\n（一）优化科研管理环境，落实扩大科研机构自主权。推动政府职能转变。\n"
        "（二）优化学术诚信环境，树立良好学风。坚持道德自律和制度规范并举。\n"
    )
    assert [s.heading for s in pp.parse(text).walk()][1:] == [
        "优化科研管理环境，落实扩大科研机构自主权",
        "优化学术诚信环境，树立良好学风",
    ]


def test_a_subject_before_its_verb_is_not_a_glued_title() -> None:
    text = "现批复如下：一、原则同意组建方案。二、集团公司要深化企业改革，转换经营机制。"
    text += "三、集团公司对所属企业负责。"
    assert [s.heading for s in pp.parse(text).walk()] == [None, None, None]


def test_a_subject_carries_within_a_section_not_into_the_next() -> None:
    text = "一、任务\n（一）推进改革。海关总署要做好监管。要继续促进发展。\n"
    text += "（二）深化合作。要继续推进。"
    doc = pp.parse(text)
    first, second = doc.find("一/（一）"), doc.find("一/（二）")
    assert first is not None and second is not None
    assert [(b.name, b.role.value) for b in first.bodies] == [
        ("海关总署", "responsible"),
        ("海关总署", "responsible"),
    ]
    assert second.bodies == []


def test_paragraph_after_a_list_stays_with_an_untitled_parent() -> None:
    # The paragraph after the last list item goes back to 一; when the siblings show 一 has no
    # run-in title, its own text is rebuilt without a heading and must keep that paragraph.
    text = (
        "一、加强协作。\n（一）建立会商机制；\n（二）完善信息共享。\n"
        "各部门要按照上述要求抓好落实。\n"
        "二、各区要完善服务，提高效率，推动工作。\n"
        "三、各单位要加强宣传，营造良好氛围，扩大影响。\n"
    )
    first = pp.parse(text).sections[0]
    assert first.heading is None
    assert first.text == "加强协作。各部门要按照上述要求抓好落实。"
    assert [c.text for c in first.clauses] == ["加强协作。", "各部门要按照上述要求抓好落实。"]
    assert [s.text for s in first.children] == ["建立会商机制；", "完善信息共享。"]


def test_what_follows_on_the_last_list_item_line_is_its_own() -> None:
    # Each item on a line of its own: the sentence after （二）'s stop is still （二）'s.
    doc = pp.parse(
        "甲条例\n第五条　有下列情形之一的，不予登记：\n（一）申请材料不齐全的；\n"
        "（二）申请人不符合条件的。可以由申请人补正，也可以撤回申请。\n"
        "第六条　登记机关应当公开登记事项。\n"
    )
    texts = {s.path: s.text for s in doc.walk()}
    assert texts["第五条"] == "有下列情形之一的，不予登记："
    assert texts["第五条/（二）"] == "申请人不符合条件的。可以由申请人补正，也可以撤回申请。"


def test_in_a_run_together_statute_the_last_list_item_ends_at_its_stop() -> None:
    doc = pp.parse(
        "第一条　为了规范登记，制定本条例。第五条　有下列情形之一的，不予登记："
        "（一）申请材料不齐全的；（二）申请人不符合条件的。登记机关应当书面告知申请人。"
        "第六条　登记机关应当公开登记事项。"
    )
    texts = {s.path: s.text for s in doc.walk()}
    assert texts["第五条"] == "有下列情形之一的，不予登记：登记机关应当书面告知申请人。"
    assert texts["第五条/（二）"] == "申请人不符合条件的。"
