"""Tests for policy_parser.segment: the document on the page, its 公文 frame, its attachments."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import policy_parser as pp
from policy_parser.segment import Field, Frame, parse_date, segment

DATA = Path(__file__).parent / "data"
EXPECTED: dict[str, dict[str, object]] = json.loads(
    (DATA / "segment_expected.json").read_text(encoding="utf-8")
)
_WS = regex.compile(r"\s+")
_FIRST_MARKER = regex.compile(
    r"(?:^|(?<=[。：；]))\s*(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
    r"|第[一二三四五六七八九十百]+[章条]|\d+(?:\.\d+)*[.．、\s\u3000])",
    regex.M,
)


def _norm(s: object) -> str:
    return _WS.sub("", "" if s is None else str(s))


def _simple_normalize(raw: str, newspaper: bool = False) -> str:
    """What the normalize stage gives segment(): CR removed, lines stripped; for a newspaper
    column (~19 characters) the hard-wrapped lines of a paragraph joined."""
    lines = [line.strip() for line in raw.replace("\r", "").lstrip("\ufeff").split("\n")]
    if not newspaper:
        return "\n".join(lines)
    out: list[str] = []
    buf = ""
    for line in lines:
        if not line:
            if buf:
                out.append(buf)
                buf = ""
            out.append("")
            continue
        buf += line
        if len(line) < 15 or regex.search(r"[。：；！？]$", line):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return "\n".join(out)


def _load(name: str) -> str:
    raw = (DATA / name).read_text(encoding="utf-8")
    return _simple_normalize(raw, newspaper=name.startswith("segment_000"))


def _preamble(text: str, frame: Frame) -> str:
    a, b = frame.body
    body = text[a:b]
    m = _FIRST_MARKER.search(body)
    return body[: m.start()] if m else body


def _val(f: Field | None) -> str | None:
    return None if f is None else f.value


def _check(text: str, frame: Frame, want: dict[str, object], where: str) -> list[str]:
    """The metadata checks of shared/tools/score.py, on a Frame."""
    bad: list[str] = []
    for key in ("title", "doc_number"):
        if key in want and _norm(_val(getattr(frame, key))) != _norm(want[key]):
            bad.append(f"{where}{key}: {_val(getattr(frame, key))!r}")
    if "date" in want and str(frame.date) != want["date"]:
        bad.append(f"{where}date: {frame.date}")
    if "issuers" in want:
        got = sorted(_norm(f.value) for f in frame.issuers)
        if got != sorted(_norm(x) for x in want["issuers"]):  # type: ignore[attr-defined]
            bad.append(f"{where}issuers: {got}")
    if "addressees_text" in want:

        def strip(x: str) -> str:
            return regex.sub(r"[，、,：:\s]", "", x)

        got_a = strip("".join(f.value for f in frame.addressees))
        if got_a != strip(str(want["addressees_text"])):
            bad.append(f"{where}addressees: {got_a}")
    if "preamble" in want and _norm(_preamble(text, frame)) != _norm(want["preamble"]):
        bad.append(f"{where}preamble: {_preamble(text, frame)[:40]!r}")
    if "defined_terms" in want:
        for k, v in want["defined_terms"].items():  # type: ignore[attr-defined]
            if _norm(frame.defined_terms.get(k)) != _norm(v):
                bad.append(f"{where}defined_terms[{k}]")
    kept = _norm(text[frame.body[0] : frame.body[1]])
    for foreign in want.get("not_in_document", []):  # type: ignore[attr-defined]
        if _norm(foreign) in kept:
            bad.append(f"{where}foreign text kept: {foreign}")
    for i, att in enumerate(want.get("attachments", [])):  # type: ignore[attr-defined]
        if i >= len(frame.attachments):
            bad.append(f"{where}attachment {i + 1} missing")
        else:
            bad += _check(text, frame.attachments[i], att, f"{where}附件{i + 1}:")
    return bad


# ---------------------------------------------------------------------------------------------
# Real documents: every metadata check of the golden files
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_frame(name: str) -> None:
    text = _load(name)
    frame = segment(text)
    assert _check(text, frame, EXPECTED[name], "") == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spans_lie_inside_the_text_and_body_is_clean(name: str) -> None:
    text = _load(name)
    frame = segment(text)

    def walk(f: Frame) -> None:
        a, b = f.body
        assert 0 <= a <= b <= len(text)
        for fld in [f.title, f.doc_number, *f.issuers, *f.addressees]:
            if fld is not None:
                assert 0 <= fld.start <= fld.end <= len(text)
        if f.title is not None:
            # The body never holds the title (a newspaper prints it after the body).
            assert a >= f.title.end or b <= f.title.start
        for att in f.attachments:
            assert att.body[0] >= b
            walk(att)

    walk(frame)


def test_newspaper_page_keeps_news_out_and_reads_the_headline_after_the_body() -> None:
    text = _load("segment_000_chongqing-daily-kepu-plan-2023.txt")
    frame = segment(text)
    body = text[frame.body[0] : frame.body[1]]
    assert body.startswith("为深入贯彻落实")
    assert body.rstrip().endswith("市级评选工作中的内容和比重。")
    assert "本报讯" not in body and "中共重庆市委办公厅 重庆市人民政府办公厅" not in body
    assert _val(frame.title) == "关于新时代进一步加强科学技术普及工作的实施方案"
    # The news before the plan is excluded as noise.
    assert any(text[a:b].startswith("本报讯") for a, b in frame.excluded)


def test_newspaper_headline_issuers_on_the_same_line_as_the_title() -> None:
    # The lead's normaliser may join the issuer line to '印发《…'.
    text = (
        "首批188人入选\n重庆千名科研人员顶岗培养计划\n\n"
        "为深入贯彻落实有关精神，结合实际，制定本实施方案。\n\n一、总体要求\n\n"
        "以习近平新时代中国特色社会主义思想为指导。\n\n"
        "二、工作任务\n\n（一）强化投入。各区县要加大投入。\n\n"
        "中共重庆市委办公厅 重庆市人民政府办公厅印发《关于新时代进一步加强\n"
        "科学技术普及工作的实施方案》\n\n"
        "本报讯（重庆日报记者 张亦筑）5月5日，记者从市科技局了解到。"
    )
    frame = segment(text)
    assert _val(frame.title) == "关于新时代进一步加强科学技术普及工作的实施方案"
    assert [f.value for f in frame.issuers] == ["中共重庆市委办公厅", "重庆市人民政府办公厅"]
    body = text[frame.body[0] : frame.body[1]]
    assert body.startswith("为深入贯彻落实") and body.endswith("各区县要加大投入。")


def test_foreign_article_after_a_plan_without_signature_is_cut() -> None:
    text = (
        "关于加强科普工作的实施方案\n为推动科普事业发展，制定本实施方案。\n一、总体要求\n坚持党的领导。\n"
        "二、主要任务\n加强科普设施建设。\n\n种子基金累计支持项目127个\n"
        "本报讯（记者 张三）5月4日，种子基金投决会审议通过。"
    )
    frame = segment(text)
    body = text[frame.body[0] : frame.body[1]]
    assert body.endswith("加强科普设施建设。")
    assert "种子基金" not in body


def test_web_page_second_heading_and_panel_are_not_the_document() -> None:
    text = _load("segment_024_guangzhou-2024-changhuxian-banfa-web.txt")
    frame = segment(text)
    assert frame.title is not None
    # The chosen title is the one followed by the 主送机关, not the page heading above it.
    assert text[frame.title.end : frame.body[0]].strip().startswith("各区财政局")
    att = frame.attachments[0]
    assert "公开方式" not in text[att.body[0] : att.body[1]]
    assert _val(frame.doc_number) == "穗医保规字〔2024〕1号"


def test_nested_attachments_of_an_issued_plan() -> None:
    text = _load("segment_025_guangzhou-2023-jiating-yisheng-fangan-web.txt")
    frame = segment(text)
    plan = frame.attachments[0]
    assert [_val(a.title) for a in plan.attachments] == [
        "广州市家庭医生签约服务质量监测指标体系（2023年版）",
        "关于推进广州市家庭医生签约服务高质量发展工作的任务分工表",
    ]
    table = plan.attachments[1]
    assert table.table_header is not None
    assert text[table.table_header[0] : table.table_header[1]].startswith("序号")
    assert text[table.body[0] :].startswith("1")


def test_table_of_contents_is_skipped() -> None:
    text = _load("segment_015_guobanhan-2005-57-liangshi-yingji-yuan.txt")
    plan = segment(text).attachments[0]
    body = text[plan.body[0] : plan.body[1]]
    assert body.startswith("1　总则\n1.1　编制目的及依据")
    assert "目　　录" not in body


# ---------------------------------------------------------------------------------------------
# The 公文 elements, one by one
# ---------------------------------------------------------------------------------------------

NOTICE = """国务院办公厅关于对真抓实干成效明显地方
进一步加大激励支持力度的通知
国办发〔2018〕117号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为进一步健全正向激励机制，现将有关事项通知如下：
一、对深化商事制度改革成效显著的地方优先支持。（市场监管总局负责）
二、对促进外贸稳定增长的地方给予支持。（商务部负责）
国务院办公厅
2018年12月6日
（此件公开发布）
"""


def test_title_wrapped_over_two_lines() -> None:
    frame = segment(NOTICE)
    assert _val(frame.title) == "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知"
    assert frame.title is not None and NOTICE[frame.title.start : frame.title.end].startswith(
        "国务院办公厅关于"
    )


def test_body_from_preamble_to_last_section() -> None:
    frame = segment(NOTICE)
    body = NOTICE[frame.body[0] : frame.body[1]]
    assert body.startswith("为进一步健全正向激励机制")
    assert body.endswith("（商务部负责）")


def test_signature_date_and_note_are_out_of_the_body() -> None:
    frame = segment(NOTICE)
    assert [f.value for f in frame.issuers] == ["国务院办公厅"]
    assert frame.date == datetime.date(2018, 12, 6)
    assert frame.date_span is not None
    assert NOTICE[frame.date_span[0] : frame.date_span[1]] == "2018年12月6日"
    assert "此件公开发布" not in NOTICE[frame.body[0] : frame.body[1]]


def test_addressees_split_on_comma_with_spans() -> None:
    frame = segment(NOTICE)
    assert [f.value for f in frame.addressees] == [
        "各省、自治区、直辖市人民政府",
        "国务院各部委、各直属机构",
    ]
    for f in frame.addressees:
        assert NOTICE[f.start : f.end] == f.value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("国办发〔2018〕117号", "国办发〔2018〕117号"),
        ("国发[2019]3号", "国发[2019]3号"),
        ("京政发（2020）5号", "京政发（2020）5号"),
        ("穗医保规字〔2024〕1号", "穗医保规字〔2024〕1号"),
        ("发改能源规〔2020〕816号", "发改能源规〔2020〕816号"),
        ("国办函〔2005〕第57号", "国办函〔2005〕第57号"),
    ],
)
def test_doc_number_brackets(written: str, value: str) -> None:
    text = NOTICE.replace("国办发〔2018〕117号", written)
    frame = segment(text)
    assert _val(frame.doc_number) == value
    assert frame.doc_number is not None
    assert text[frame.doc_number.start : frame.doc_number.end] == written


def test_doc_number_glued_to_title_and_addressees_glued_to_preamble() -> None:
    text = (
        "国务院办公厅关于印发全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案的通知"
        "国办发〔2020〕43号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：《全国深化“放管服”"
        "改革优化营商环境电视电话会议重点任务分工方案》已经国务院同意，现印发给你们，请结合实际认真贯彻落实。"
        "国务院办公厅2020年11月1日（此件公开发布）全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案"
        "党中央、国务院高度重视深化“放管服”改革。现制定如下分工方案。一、把实施好宏观政策和深化改革结合起来"
        "（一）研究将财政资金直达机制制度化。（财政部牵头）"
    )
    frame = segment(text)
    assert _val(frame.doc_number) == "国办发〔2020〕43号"
    assert _val(frame.title) is not None and _val(frame.title).endswith("分工方案的通知")  # type: ignore[union-attr]
    assert len(frame.addressees) == 2
    assert text[frame.body[0] : frame.body[1]].endswith("请结合实际认真贯彻落实。")
    assert [f.value for f in frame.issuers] == ["国务院办公厅"]
    assert frame.date == datetime.date(2020, 11, 1)
    plan = frame.attachments[0]
    assert _val(plan.title) == "全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案"
    assert text[plan.body[0] :].startswith("党中央、国务院高度重视")


@pytest.mark.parametrize(
    ("signature", "issuers"),
    [
        ("国务院办公厅", ["国务院办公厅"]),
        ("国家发展改革委 国家能源局", ["国家发展改革委", "国家能源局"]),
        ("国家发展改革委\n国家能源局", ["国家发展改革委", "国家能源局"]),
        ("国家发\n展改革委\n国 家 能 源 局", ["国家发展改革委", "国家能源局"]),
        (
            "广州市卫生健康委员会            广州市财政局\n"
            "广州市人力资源和社会保障局      广州市医疗保障局",
            [
                "广州市卫生健康委员会",
                "广州市财政局",
                "广州市人力资源和社会保障局",
                "广州市医疗保障局",
            ],
        ),
    ],
)
def test_issuers_one_line_several_lines_split_names(signature: str, issuers: list[str]) -> None:
    text = NOTICE.replace("国务院办公厅\n2018年12月6日", signature + "\n2018年12月6日")
    frame = segment(text)
    assert [f.value for f in frame.issuers] == issuers
    assert frame.date == datetime.date(2018, 12, 6)
    assert text[frame.body[0] : frame.body[1]].endswith("（商务部负责）")


@pytest.mark.parametrize(
    "closing",
    [
        "抄送：党中央各部门，全国人大常委会办公厅。",
        "国务院办公厅秘书局 2018年12月7日印发",
        "- 3 -",
        "（此件主动公开）",
    ],
)
def test_closing_parts_are_not_body(closing: str) -> None:
    text = NOTICE + closing + "\n"
    frame = segment(text)
    assert closing not in text[frame.body[0] : frame.body[1]]


def test_annex_note_and_attachment_after_signature() -> None:
    text = (
        "关于印发某某管理办法的通知\n各区人民政府，市政府各部门：\n现将《某某管理办法》印发给你们，请认真执行。\n"
        "附件：1．某某管理办法\n      2．某某申请表\n某某市人民政府办公厅\n2023年5月5日\n"
        "附件1\n某某管理办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法自印发之日起施行。\n"
        "附件2\n某某申请表\n序号\n姓名\n单位\n1\n张三\n某单位\n"
    )
    frame = segment(text)
    assert text[frame.body[0] : frame.body[1]] == "现将《某某管理办法》印发给你们，请认真执行。"
    assert [f.value for f in frame.issuers] == ["某某市人民政府办公厅"]
    assert [_val(a.title) for a in frame.attachments] == ["某某管理办法", "某某申请表"]
    first = frame.attachments[0]
    assert text[first.body[0] : first.body[1]].endswith("本办法自印发之日起施行。")
    assert frame.attachments[1].table_header is not None


def test_state_council_order_gives_the_regulation() -> None:
    text = _load("segment_012_guoling-432-dianli-jianguan-tiaoli-flat.txt")
    frame = segment(text)
    assert _val(frame.title) == "电力监管条例"
    assert frame.date == datetime.date(2005, 2, 15)
    assert text[frame.body[0] :].startswith("第一章")
    assert _val(frame.doc_number) == "中华人民共和国国务院令第432号"


def test_order_title_is_the_headline_not_a_citation_of_it() -> None:
    # The order quotes the name with 〈〉 inside 《》; the headline writes the inner name with 《》,
    # and a later history note cites the same 决定 in 《》: the headline is the title.
    text = (
        "中华人民共和国国务院令第9号现公布《国务院关于修改〈某某条例〉的决定》，自公布之日起施行。"
        "总\u3000理\u3000 张三二○○七年九月十八日"
        "国务院关于修改《某某条例》的决定国务院决定对《某某条例》做如下修改：将第三条删去。"
        "本决定自公布之日起施行。某某条例（根据2001年9月23日《国务院关于修改〈某某条例〉的决定》"
        "第一次修订）第一章　总则第一条为了某某，制定本条例。第二条本条例自公布之日起施行。"
    )
    frame = segment(text)
    assert _val(frame.title) == "国务院关于修改《某某条例》的决定"
    assert text[frame.body[0] :].startswith("国务院决定对")


def test_markdown_law() -> None:
    text = (
        "# 上海市数据条例\n\n"
        "2021年11月25日 上海市第十五届人民代表大会常务委员会第三十七次会议通过\n\n"
        "<!-- INFO END -->\n\n## 第一章  总则\n\n第一条 为了保护权益，制定本条例。\n"
    )
    frame = segment(text)
    assert _val(frame.title) == "上海市数据条例"
    assert frame.date == datetime.date(2021, 11, 25)
    assert text[frame.body[0] :].startswith("## 第一章")
    assert "INFO END" not in text[frame.body[0] : frame.body[1]]


def test_missing_parts_are_none_not_guessed() -> None:
    text = "一、总体要求\n坚持党的领导。\n二、主要任务\n加强建设。"
    frame = segment(text)
    assert frame.title is None and frame.doc_number is None and frame.date is None
    assert frame.issuers == [] and frame.addressees == []
    assert text[frame.body[0] : frame.body[1]] == text


# ---------------------------------------------------------------------------------------------
# Tables: dates, defined terms
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2019年8月20日", datetime.date(2019, 8, 20)),
        ("2019 年 8 月 20 日", datetime.date(2019, 8, 20)),
        ("二〇二三年五月五日", datetime.date(2023, 5, 5)),
        ("二○○五年二月十五日", datetime.date(2005, 2, 15)),
        ("二〇〇五年六月十一日", datetime.date(2005, 6, 11)),
        ("二〇一九年十二月三十一日", datetime.date(2019, 12, 31)),
        ("二〇二〇年十月二十日", datetime.date(2020, 10, 20)),
        ("２０２４年１月３日", datetime.date(2024, 1, 3)),
        ("2023-10-19", datetime.date(2023, 10, 19)),
        ("发布于2018年12月6日。", datetime.date(2018, 12, 6)),
        ("2019年2月30日", None),
        ("二〇二三年十三月一日", None),
        ("无日期", None),
        ("", None),
    ],
)
def test_parse_date(written: str, value: datetime.date | None) -> None:
    assert parse_date(written) == value


@pytest.mark.parametrize(
    ("sentence", "terms"),
    [
        ("推动全市科学技术普及（以下简称科普）事业发展。", {"科普": "科学技术普及"}),
        ("北京市农业农村委员会（简称市农委）负责。", {"市农委": "市农业农村委员会"}),
        (
            "根据《全民科学素质行动规划纲要》（以下简称《纲要》），制定。",
            {"纲要": "全民科学素质行动规划纲要"},
        ),
        ("长期护理保险（以下简称“长护险”）制度。", {"长护险": "长期护理保险"}),
        (
            "根据《中华人民共和国个人所得税法》（以下简称个人所得税法），制定。",
            {"个人所得税法": "中华人民共和国个人所得税法"},
        ),
        (
            "本市职工社会医疗保险参保人员（以下简称职工参保人员）参加。",
            {"职工参保人员": "职工社会医疗保险参保人员"},
        ),
        ("加强科普工作（2023年）。", {}),
        ("先进制造业（32人）。", {}),
    ],
)
def test_defined_terms(sentence: str, terms: dict[str, str]) -> None:
    text = (
        "关于加强某项工作的实施方案\n为推动发展，制定本实施方案。\n一、总体要求\n" + sentence + "\n"
    )
    assert segment(text).defined_terms == terms


# ---------------------------------------------------------------------------------------------
# Totality and speed
# ---------------------------------------------------------------------------------------------

_PIECES = [
    *"关于印发的通知方案办法国务院办公厅各省：，。、（）〔〕[]号年月日",
    *"一二三十、第条章附件录此件公开发布 \n\u3000",
    "2019",
    "〔2019〕1号",
    "附件1\n",
    "国务院办公厅\n2019年1月1日\n",
    "（以下简称",
    "本报讯",
    "目录\n",
]
_ALPHABET = st.sampled_from(_PIECES)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=200).map("".join))
def test_segment_never_raises_and_spans_are_in_range(text: str) -> None:
    frame = segment(text)

    def walk(f: Frame) -> None:
        assert 0 <= f.body[0] <= f.body[1] <= len(text)
        for a, b in f.excluded:
            assert 0 <= a <= b <= len(text)
        for att in f.attachments:
            walk(att)

    walk(frame)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_segment_total_on_any_text(text: str) -> None:
    assert isinstance(segment(text), Frame)
    parse_date(text)


# Speed is measured in benchmarks/bench.py, never asserted here: these check that huge inputs
# are read at all and give a sane frame.
def test_two_megabyte_one_line_input() -> None:
    unit = "各地区要完善工作机制（以下简称机制），一体化推进相关领域改革。国务院办公厅2020年11月1日"
    text = "国务院办公厅关于印发某方案的通知国办发〔2020〕43号各省人民政府：" + unit * (
        2_000_000 // len(unit)
    )
    frame = segment(text)
    assert frame.doc_number is not None and frame.doc_number.value == "国办发〔2020〕43号"
    assert 0 <= frame.body[0] <= frame.body[1] <= len(text)


def test_many_short_lines() -> None:
    text = "\n".join(["关于某事的通知", "国务院办公厅", "附件", "一、总体要求"] * 50_000)
    frame = segment(text)
    assert 0 <= frame.body[0] <= frame.body[1] <= len(text)


# ---------------------------------------------------------------------------------------------
# QA classes on unseen documents: appendices, untitled issued texts, web chrome, signatures.
# ---------------------------------------------------------------------------------------------


def _outline(doc: object) -> list[tuple[str, str | None]]:
    return [(s.path, s.heading) for s in doc.walk()]  # type: ignore[attr-defined]


def test_appendix_with_name_after_untitled_body_is_an_attachment() -> None:
    import policy_parser as pp

    text = (
        "依据上级要求，特制订本细则。\n一、工作背景\n甲内容。\n二、工作方式\n乙内容。\n"
        "三、工作流程\n丙内容。\n附录2：报价指引\n某市报价指引\n一、报价目的\n丁内容。\n"
        "二、参与资格\n戊内容。\n"
    )
    doc = pp.parse(text)
    assert [s.path for s in doc.sections] == ["一", "二", "三"]
    assert [a.title for a in doc.attachments] == ["某市报价指引"]
    assert [s.path for s in doc.attachments[0].sections] == ["一", "二"]


def test_appendix_with_name_after_titled_body_is_not_appended_at_top_level() -> None:
    import policy_parser as pp

    text = (
        "某市用电响应实施细则\n依据上级要求，特制订本细则。\n一、工作背景\n甲内容。\n"
        "二、工作方式\n乙内容。\n附录1：流程图\n附录2：报价指引\n某市报价指引\n一、报价目的\n"
        "丁内容。\n二、参与资格\n戊内容。\n"
    )
    doc = pp.parse(text)
    assert doc.title == "某市用电响应实施细则"
    assert [s.path for s in doc.sections] == ["一", "二"]
    assert [a.title for a in doc.attachments] == ["某市报价指引"]
    assert [s.path for s in doc.attachments[0].sections] == ["一", "二"]


def test_annex_list_with_names_before_signature_keeps_the_signature() -> None:
    text = (
        "关于开展检查的通知\n各单位：\n请认真组织实施。\n附件1：检查清单\n附件2：联系表\n"
        "某某局\n2023年3月1日\n"
    )
    frame = segment(text)
    assert [f.value for f in frame.issuers] == ["某某局"]
    assert frame.date == datetime.date(2023, 3, 1)


def test_issued_text_after_signature_without_title_becomes_attachment() -> None:
    import policy_parser as pp

    text = (
        "关于印发某某管理办法的通知\n各单位：\n《某某管理办法》已经同意，现印发实施。\n"
        "某某局\n2023年8月9日\n\n第一条　为规范管理，制定本办法。\n"
        "第二条　本办法自发布之日起施行。\n"
    )
    doc = pp.parse(text)
    assert doc.title == "关于印发某某管理办法的通知"
    assert doc.issuers == ["某某局"]
    assert [a.title for a in doc.attachments] == ["某某管理办法"]
    assert [s.path for s in doc.attachments[0].sections] == ["第一条", "第二条"]


def test_issued_text_title_from_guillemets_when_the_title_names_none() -> None:
    import policy_parser as pp

    text = (
        "关于加强管理的通知\n各单位：\n现将《某某工作规则》印发给你们，请遵照执行。\n"
        "某某局\n2023年8月9日\n一、总则\n甲。\n二、分则\n乙。\n"
    )
    doc = pp.parse(text)
    assert [a.title for a in doc.attachments] == ["某某工作规则"]
    assert [s.path for s in doc.attachments[0].sections] == ["一", "二"]


def test_web_chrome_between_title_and_addressee_is_skipped() -> None:
    text = (
        "某某办关于印发《供电服务规范》的通知\n2019-01-07 09:30\n来源：某某办\n"
        "Aa\n字体：\n小\n|\n中\n"
        "|\n大\n各供电企业：\n为规范服务，现印发你们，请遵照执行。\n附件.doc\n某某省能源监管办公室\n"
        "2018年12月25日\n"
    )
    frame = segment(text)
    assert frame.title is not None and frame.title.value == "某某办关于印发《供电服务规范》的通知"
    assert [f.value for f in frame.addressees] == ["各供电企业"]
    assert [f.value for f in frame.issuers] == ["某某省能源监管办公室"]
    assert frame.date == datetime.date(2018, 12, 25)
    assert text[slice(*frame.body)] == "为规范服务，现印发你们，请遵照执行。"


def test_signature_organs_ending_in_si_and_fenhang() -> None:
    text = (
        "关于做好试点工作的通知\n各省发展改革委：\n请结合实际，推动落实。\n国家某某委办公厅\n"
        "国家某某局综合司\n某某部经济建设司\n中国人民银行某某分行\n2019年7月31日\n"
    )
    frame = segment(text)
    assert [f.value for f in frame.issuers] == [
        "国家某某委办公厅",
        "国家某某局综合司",
        "某某部经济建设司",
        "中国人民银行某某分行",
    ]
    assert text[slice(*frame.body)] == "请结合实际，推动落实。"


def test_letter_spaced_panel_gives_doc_number_and_is_not_title() -> None:
    text = (
        "名 称 ：\n市某某局关于印发春节用电实施细则的通知\n索 引 号 ：\n1112/2021-00073\n"
        "发 文 字 号 ：\n津某某〔2021〕3号\n主 题 ：\n工业\n成 文 日 期 ：\n发 文 日 期 ：\n"
        "有 效 性 ：\n有效\n市某某局关于印发春节用电\n实施细则的通知\n有关单位：\n"
        "现予以印发，请遵照执行。\n"
        "2021\n年\n2\n月\n2\n日\n"
    )
    import policy_parser as pp

    doc = pp.parse(text)
    assert doc.title == "市某某局关于印发春节用电实施细则的通知"
    assert doc.doc_number == "津某某〔2021〕3号"
    assert doc.addressees == ["有关单位"]
    assert doc.date == datetime.date(2021, 2, 2)


def test_letter_spaced_tail_of_a_title_is_joined() -> None:
    text = (
        "国务院办公厅关于缴纳造地费有 关 问 题 的 复 函国办函〔1997〕32号国家某某局："
        "现函复如下：一、同意。国务院办公厅一九九七年五月二十七日"
    )
    frame = segment(text)
    assert (
        frame.title is not None and frame.title.value == "国务院办公厅关于缴纳造地费有关问题的复函"
    )
    assert frame.doc_number is not None and frame.doc_number.value == "国办函〔1997〕32号"


def test_two_spaced_organ_names_keep_their_space() -> None:
    text = "国家某某委 国 家 某 某 局关于加强管理的通知\n各单位：\n请遵照执行。\n2020年1月1日\n"
    frame = segment(text)
    assert (
        frame.title is not None and frame.title.value == "国家某某委 国家某某局关于加强管理的通知"
    )


def test_markdown_breadcrumb_is_not_the_title() -> None:
    text = (
        "# 您当前所在的位置：[首页](http://example.gov.cn/)>[动态](http://example.gov.cn/d/)\n\n"
        "# 某区扎实推进签约服务工作\n\n发表时间：**2025-03-28 16:55:56**\n\n"
        "为深入贯彻落实有关措施，某区召开工作会议。\n\n会上，与会人员集中学习了有关政策。\n"
    )
    frame = segment(text)
    assert frame.title is not None and frame.title.value == "某区扎实推进签约服务工作"


def test_order_line_names_the_issuer() -> None:
    text = (
        "# 公民举报某某行为奖励办法\n\n2022年6月6日 中华人民共和国国家安全部令第2号公布\n\n"
        "## 第一章 总 则\n\n第一条 为了鼓励举报，制定本办法。\n\n第二条 本办法自公布之日起施行。\n"
    )
    frame = segment(text)
    assert frame.title is not None and frame.title.value == "公民举报某某行为奖励办法"
    assert [f.value for f in frame.issuers] == ["国家安全部"]
    assert frame.date == datetime.date(2022, 6, 6)


def test_order_header_names_the_issuer() -> None:
    text = (
        "某某省人民政府令\n第123号\n\n《某某省道路管理办法》已经省政府常务会议通过，现予公布，"
        "自2024年1月1日起施行。\n省长　某某某\n2023年11月1日\n\n某某省道路管理办法\n\n"
        "第一条　为了加强道路管理，制定本办法。\n第二条　本办法自2024年1月1日起施行。\n"
    )
    frame = segment(text)
    assert frame.title is not None and frame.title.value == "某某省道路管理办法"
    assert [f.value for f in frame.issuers] == ["某某省人民政府"]


# QA round 2 ----------------------------------------------------------------------------------


def _meta(text: str) -> dict[str, object]:
    import policy_parser as pp

    doc = pp.parse(text)
    return {
        "title": doc.title,
        "no": doc.doc_number,
        "issuers": doc.issuers,
        "date": doc.date,
        "addr": doc.addressees,
        "pre": doc.preamble,
        "sections": [s.path for s in doc.walk()],
    }


@pytest.mark.parametrize("pair", ["﹝﹞", "〔〕", "[]", "（）", "()", "【】", "［］"])
def test_doc_number_brackets_of_every_kind(pair: str) -> None:
    number = f"某某规{pair[0]}2017{pair[1]}2269号"
    text = (
        f"关于做好某某工作的通知\n{number}\n各省某某委：\n现通知如下。\n一、加强领导\n"
        "各地要加强领导。\n国家某某委\n2017年12月29日\n"
    )
    m = _meta(text)
    assert m["title"] == "关于做好某某工作的通知"
    assert m["no"] == number
    assert m["issuers"] == ["国家某某委"]
    assert m["date"] == datetime.date(2017, 12, 29)
    assert m["addr"] == ["各省某某委"]
    assert m["sections"] == ["一"]


@pytest.mark.parametrize(
    "annex",
    [
        "附件：\n1.甲办法（试行）\n2.乙办法（试行）\n",
        "附件：1．甲办法 2．乙办法 3．丙办法\n",
        "附件：1.甲办法\n2.乙办法\n3.丙办法\n",
    ],
)
def test_annex_list_is_never_sections(annex: str) -> None:
    text = (
        "关于印发甲办法和乙办法的通知\n某某规﹝2017﹞2269号\n各省某某委：\n"
        f"现印发给你们，请按照执行。\n{annex}国家某某委\n2017年12月29日\n"
    )
    m = _meta(text)
    assert m["sections"] == []
    assert m["title"] == "关于印发甲办法和乙办法的通知"
    assert m["issuers"] == ["国家某某委"]


def test_annex_list_without_a_title_is_not_sections() -> None:
    text = (
        "现印发给你们，请按照执行。\n附件：1．甲办法 2．乙办法 3．丙办法\n国家某某委\n"
        "2017年12月29日\n"
    )
    m = _meta(text)
    assert m["sections"] == []
    assert m["pre"] == "现印发给你们，请按照执行。"


def test_wrapped_title_and_a_cited_number_in_the_body() -> None:
    text = (
        "国家某某委关于印发《甲地区电网输电价格\n定价办法（试行）》《乙跨省跨区专项工程输电\n"
        "价格定价办法（试行）》和《关于制定地方电网\n和增量配电网配电价格的指导意见》的通知\n"
        "某某规〔2017〕2269号\n各省某某委：\n根据《若干意见》（中发〔2015〕28号）的规定，"
        "现印发给你们。\n附件：\n1.甲办法（试行）\n2.乙办法（试行）\n国家某某委\n2017年12月29日\n"
    )
    m = _meta(text)
    assert m["title"] == (
        "国家某某委关于印发《甲地区电网输电价格定价办法（试行）》《乙跨省跨区专项工程输电"
        "价格定价办法（试行）》和《关于制定地方电网和增量配电网配电价格的指导意见》的通知"
    )
    assert m["no"] == "某某规〔2017〕2269号"
    assert m["addr"] == ["各省某某委"]
    assert m["sections"] == []


def test_number_cited_in_the_body_is_not_the_documents() -> None:
    text = (
        "关于做好某某工作的通知\n各省某某委：\n根据《若干意见》（中发〔2015〕28号）的规定，"
        "现通知如下。\n一、加强领导\n各地要加强领导。\n国家某某委\n2017年12月29日\n"
    )
    m = _meta(text)
    assert m["title"] == "关于做好某某工作的通知"
    assert m["no"] is None
    assert m["addr"] == ["各省某某委"]


def test_doc_number_glued_to_the_addressee_line() -> None:
    text = (
        "国务院办公厅关于优化某某环境的指导意见\n国办发〔2015〕94号各省、自治区、直辖市人民政府，"
        "国务院各部委、各直属机构：\n现提出以下意见。\n一、总体要求\n各地要加强领导。\n"
        "国务院办公厅\n2015年12月29日\n"
    )
    m = _meta(text)
    assert m["no"] == "国办发〔2015〕94号"
    assert m["addr"] == ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]
    assert m["pre"] == "现提出以下意见。"


@pytest.mark.parametrize("glue", ["", "\n", "　　"])
def test_bracketed_date_after_the_doc_number(glue: str) -> None:
    text = (
        f"国务院关于进一步加强某某工作的决定\n国发〔1990〕65号{glue}（一九九〇年十二月五日）"
        "　　保护环境是基本国策。特作如下决定：　　一、严格执行法律法规"
        "　　各级人民政府必须严格执行。"
        "　　二、防治工业污染　　有关部门要加强管理。"
    )
    m = _meta(text)
    assert m["no"] == "国发〔1990〕65号"
    assert m["date"] == datetime.date(1990, 12, 5)
    assert m["pre"] == "保护环境是基本国策。特作如下决定："


def test_bracketed_date_after_the_title() -> None:
    text = (
        "某某省某某管理办法\n（2020年3月5日）\n第一条　为了加强管理，制定本办法。\n"
        "第二条　本办法自公布之日起施行。\n"
    )
    m = _meta(text)
    assert m["title"] == "某某省某某管理办法"
    assert m["date"] == datetime.date(2020, 3, 5)
    assert m["pre"] is None or m["pre"] == ""


@pytest.mark.parametrize(
    "close",
    [
        "各地区要狠抓落实。　　　　　　　　　　国务院办公厅\n　　　　　　　　　　2015年12月29日\n",
        "各地区要狠抓落实。　　　　　　　　　　国务院办公厅　　　　2015年12月29日\n",
        "各地区要狠抓落实。　　　　　　　　　　国务院办公厅\n",
    ],
)
def test_signature_on_the_line_of_the_closing_paragraph(close: str) -> None:
    import policy_parser as pp

    text = (
        "关于优化某某环境的指导意见\n各省人民政府：\n现提出以下意见。\n一、总体要求\n"
        f"各地要加强领导。\n{close}"
    )
    doc = pp.parse(text)
    assert doc.issuers == ["国务院办公厅"]
    if "2015" in close:
        assert doc.date == datetime.date(2015, 12, 29)
    assert [s.text for s in doc.walk()] == ["各地要加强领导。各地区要狠抓落实。"]


def test_dateless_signature_ends_the_text() -> None:
    import policy_parser as pp

    text = (
        "国务院关于进一步加强某某工作的决定\n国发〔1990〕65号\n保护环境是基本国策。特作如下决定：\n"
        "一、严格执行法律法规\n各级人民政府必须严格执行。\n"
        "二、防治工业污染\n有关部门要加强管理。\n国务院\n"
    )
    doc = pp.parse(text)
    assert doc.issuers == ["国务院"]
    assert [s.text for s in doc.walk()] == ["各级人民政府必须严格执行。", "有关部门要加强管理。"]


@pytest.mark.parametrize("sig", ["国 务 院", "国务院"])
def test_flat_reply_with_annex_note_and_glued_signature(sig: str) -> None:
    import policy_parser as pp

    text = (
        "国务院关于组建某集团公司的批复国函〔1998〕57号国家某委：你委请示收悉，现批复如下："
        "一、原则同意组建方案。二、集团公司要深化企业改革。三、集团公司的财务关系单列。"
        f"附件：某集团公司主要成员企业名单{sig}一九九八年七月二十一日"
        "附件：某集团公司主要成　员　企　业　名　单一、直属的油气田企业(2个)1.大庆石油管理局"
    )
    doc = pp.parse(text)
    assert doc.issuers == ["国务院"]
    assert doc.date == datetime.date(1998, 7, 21)
    assert [a.title for a in doc.attachments] == ["某集团公司主要成员企业名单"]
    assert [s.path for s in doc.walk()] == ["一", "二", "三"]


def test_title_repeated_after_markdown_metadata_is_not_the_preamble() -> None:
    text = (
        "# 上海市促进某某业务发展若干规定\n\n2024年11月28日 上海市某某会议通过\n\n"
        "<!-- INFO END -->\n\n上海市促进某某业务 发展若干规定\n\n"
        "第一条 为了促进发展，制定本规定。\n\n第二条 本规定自2025年1月1日起施行。\n"
    )
    m = _meta(text)
    assert m["title"] == "上海市促进某某业务发展若干规定"
    assert not m["pre"]
    assert m["sections"] == ["第一条", "第二条"]


def test_page_label_is_not_the_preamble() -> None:
    text = (
        "关于转发某办法的通知\n首页\n关于转发某办法的通知\n2021-01-27 14:44\n内容：\n附件：\n"
        "1.关于转发某办法的通知.doc\n2.附件：某办法.tif\n扫一扫在手机打开当前页\n"
    )
    m = _meta(text)
    assert m["title"] == "关于转发某办法的通知"
    assert not m["pre"]
    assert m["sections"] == []


@pytest.mark.parametrize(
    ("sentence", "terms"),
    [
        ("为促进发展，设立天使投资引导基金（下称种子基金）。", {"种子基金": "天使投资引导基金"}),
        (
            "对其全资企业、控股企业、参股企业(以下简称有关企业)的国有资产行使出资人权利。",
            {"有关企业": "全资企业、控股企业、参股企业"},
        ),
        ("中国石油天然气集团(以下简称石油集团)作为一个整体。", {"石油集团": "中国石油天然气集团"}),
        (
            "企业还可以开展来自境外且维修后复运出境（以下称“两头在外”）的业务。",
            {"两头在外": "来自境外且维修后复运出境"},
        ),
        (
            "浦东新区人民政府、中国（上海）自由贸易试验区临港新片区管理委员会"
            "（以下简称临港新片区管委会）应当落实。",
            {"临港新片区管委会": "中国（上海）自由贸易试验区临港新片区管理委员会"},
        ),
        (
            "中国（上海）自由贸易试验区（含临港新片区浦东新区区域，以下简称自贸试验区）内企业。",
            {"自贸试验区": "中国（上海）自由贸易试验区"},
        ),
        (
            "为了明确家用汽车产品修理、更换、退货（以下简称三包）责任，制定本规定。",
            {"三包": "家用汽车产品修理、更换、退货"},
        ),
        (
            "某甲集团公司与中国石油化工集团公司(以下简称中国石化集团公司)共同承担。",
            {"中国石化集团公司": "中国石油化工集团公司"},
        ),
        (
            "发挥作用，以中国留学人员广州科技交流会（以下简称留交会）为龙头。",
            {"留交会": "中国留学人员广州科技交流会"},
        ),
    ],
)
def test_defined_terms_take_the_whole_noun_phrase(sentence: str, terms: dict[str, str]) -> None:
    import policy_parser as pp

    assert pp.parse(sentence).defined_terms == terms


def test_flat_annex_list_glued_to_the_signature() -> None:
    text = (
        "关于印发甲办法的通知某某规﹝2017﹞2269号各省某某委：现印发给你们，请按照执行。"
        "附件：1．甲办法 2．乙办法 3．丙办法国家某某委2017年12月29日"
    )
    m = _meta(text)
    assert m["sections"] == []
    assert m["issuers"] == ["国家某某委"]
    assert m["date"] == datetime.date(2017, 12, 29)


def test_contact_line_after_the_date_keeps_the_issued_plan() -> None:
    text = (
        "关于印发某某分配方案的通知\n各有关单位：\n现将《某某分配方案》印发给你们，请遵照执行。\n"
        "甲局\n2019年8月2日\n（联系电话：010-51968578）\n某某分配方案\n为规范分配，制定本方案。\n"
        "一、差额收益的计量\n按月计量。\n二、管理方式\n按季结算。\n"
    )
    doc = pp.parse(text)
    assert [(a.title, [s.path for s in a.walk()]) for a in doc.attachments] == [
        ("某某分配方案", ["一", "二"])
    ]
    assert (doc.issuers, str(doc.date)) == (["甲局"], "2019-08-02")


def test_addressees_ending_in_market_entities() -> None:
    text = (
        "关于做好相关工作的通知\n山西省能源局，华北能监局，各相关市场主体：\n现就做好相关工作通知如下。\n"
        "一、加强管理\n各单位要加强管理。\n华北能源监管局\n2019年8月2日\n"
    )
    doc = pp.parse(text)
    assert doc.addressees == ["山西省能源局", "华北能监局", "各相关市场主体"]
    assert doc.preamble == "现就做好相关工作通知如下。"


# QA round 3a ---------------------------------------------------------------------------------


@pytest.mark.parametrize("gap", [" ", ""])
def test_order_in_the_metadata_line_is_the_doc_number(gap: str) -> None:
    text = (
        f"# 某某办法\n\n2001年11月28日{gap}国家某某局令第17号公布\n\n<!-- INFO END -->\n\n"
        "第一条 为了甲，制定本办法。\n"
    )
    frame = segment(text)
    assert frame.doc_number is not None
    assert frame.doc_number.value == "国家某某局令第17号"
    assert [f.value for f in frame.issuers] == ["国家某某局"]
    assert frame.date == datetime.date(2001, 11, 28)


_FORWARDED = (
    "国务院批转国家某委关于甲报告的通知国发〔1987〕18号各省人民政府：国务院同意国家某委《关于甲的报告》，"
    "现转发给你们，请贯彻执行。国务院一九八七年三月十一日关于甲的报告国务院：现报告如下：一、同意暂行规定。"
    "二、任务已安排。附件：一、丙表；二、关于丁的暂行规定。国家计划委员会一九八七年二月十六日"
    "附件二关于丁的暂行规定第一条为了加强管理，特制定本规定。第二条本规定自一九八七年一月一日起实行。"
)


def test_forwarded_report_glued_after_the_notice_is_an_attachment() -> None:
    doc = pp.parse(_FORWARDED)
    assert (doc.issuers, str(doc.date)) == (["国务院"], "1987-03-11")
    assert [s.path for s in doc.walk()] == []
    assert doc.preamble == "国务院同意国家某委《关于甲的报告》，现转发给你们，请贯彻执行。"
    [report] = doc.attachments
    assert report.title == "关于甲的报告"
    assert [s.path for s in report.walk()] == ["一", "二"]
    assert (report.issuers, str(report.date)) == (["国家计划委员会"], "1987-02-16")
    [rule] = report.attachments
    assert rule.title == "关于丁的暂行规定"
    assert [(s.path, s.text) for s in rule.walk()] == [
        ("第一条", "为了加强管理，特制定本规定。"),
        ("第二条", "本规定自一九八七年一月一日起实行。"),
    ]


@pytest.mark.parametrize("tail", ["", "附件二关于丁的暂行规定第一条为了加强管理，特制定本规定。"])
def test_organ_name_holding_a_kind_word_signs_after_an_annex_list(tail: str) -> None:
    text = (
        "关于甲的报告\n国务院：现报告如下：一、同意。二、已安排。附件：一、丙表；二、关于丁的暂行规定。"
        f"国家计划委员会一九八七年二月十六日{tail}"
    )
    frame = segment(text)
    assert [f.value for f in frame.issuers] == ["国家计划委员会"]
    assert frame.date == datetime.date(1987, 2, 16)


def test_effective_date_line_does_not_override_the_promulgation_date() -> None:
    text = (
        "# 某某信息公示规定\n\n2021年7月30日 国家某某总局令第45号公布\n\n2021年9月1日 施行\n\n"
        "<!-- INFO END -->\n\n第一条 为了规范公示，制定本规定。\n\n"
        "第二条 本规定自2021年9月1日起施行。"
    )
    doc = pp.parse(text)
    assert (doc.doc_number, doc.issuers) == ("国家某某总局令第45号", ["国家某某总局"])
    assert doc.date == datetime.date(2021, 7, 30)
    only = "# 某某规定\n\n2021年9月1日 施行\n\n<!-- INFO END -->\n\n第一条 为了规范，制定本规定。"
    assert pp.parse(only).date == datetime.date(2021, 9, 1)


@pytest.mark.parametrize("gap", [" ", "\u3000", ""])
def test_defined_term_after_a_space(gap: str) -> None:
    text = (
        f"# 某某实施办法\n\n第一条 为了实施 《职工带薪年休假条例》{gap}（以下简称条例），"
        "制定本办法。\n\n"
        f"第二条 职工连续工作满12个月以上的，享受带薪年休假{gap}（以下简称年休假）。"
    )
    assert pp.parse(text).defined_terms == {"条例": "职工带薪年休假条例", "年休假": "带薪年休假"}


_FORWARDED_WITH_AUTHOR = (
    "国务院办公厅转发某某委关于实施某某工程意见的通知\n国办发〔2011〕23号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "某某委《关于实施某某工程的意见》已经国务院同意，现转发给你们，请认真贯彻执行。\n"
    "国务院办公厅\n2011年5月10日\n关于实施某某工程的意见\n某某委\n"
    "农村电网是农村重要的基础设施。现提出以下意见。\n一、总体思路\n加快农村电网建设。\n"
)


@pytest.mark.parametrize("text", [_FORWARDED_WITH_AUTHOR, _FORWARDED_WITH_AUTHOR.replace("\n", "")])
def test_author_line_under_a_forwarded_title_is_its_issuer(text: str) -> None:
    doc = pp.parse(text)
    assert (doc.issuers, str(doc.date)) == (["国务院办公厅"], "2011-05-10")
    [opinion] = doc.attachments
    assert (opinion.title, opinion.issuers) == ("关于实施某某工程的意见", ["某某委"])
    assert opinion.preamble == "农村电网是农村重要的基础设施。现提出以下意见。"
    assert [s.path for s in opinion.walk()] == ["一"]


def test_defined_list_after_an_approval_verb() -> None:
    text = (
        "关于某某问题的批复\n某某部：\n国务院曾于一九八四年九月批准江苏、浙江、安徽省和上海市"
        "（以下简称三省一市）征收电力建设资金。\n国务院\n一九八五年十一月七日"
    )
    assert pp.parse(text).defined_terms == {"三省一市": "江苏、浙江、安徽省和上海市"}


def test_organ_whose_executive_meeting_passed_a_rule_issues_it() -> None:
    text = (
        "# 企业某某实施办法\n\n2008年7月17日 经某某和社会保障部第6次部务会议通过\n\n"
        "<!-- INFO END -->\n\n第一条 为了实施条例，制定本办法。\n\n第二条 本办法自发布之日起施行"
    )
    doc = pp.parse(text)
    assert (doc.issuers, str(doc.date), doc.doc_number) == (
        ["某某和社会保障部"],
        "2008-07-17",
        None,
    )
    assert [s.path for s in doc.walk()] == ["第一条", "第二条"]
    council = text.replace(
        "经某某和社会保障部第6次部务会议", "某市第十五届人民代表大会常务委员会第三十七次会议"
    )
    assert pp.parse(council).issuers == []


def test_web_panel_publisher_is_the_issuer_when_nothing_is_signed() -> None:
    # A web page's metadata panel names the organ in full; the body is signed by no one.
    text = (
        "市某某局关于印发某某细则的通知_政务公开\n名 称 ：\n市某某局关于印发某某细则的通知\n"
        "发 布 机 构 ：\n天津市某某局\n发 文 字 号 ：\n津某〔2021〕3号\n成 文 日 期 ：\n"
        "市某某局关于印发某某细则的通知\n各有关单位：\n现将《某某细则》印发给你们，请遵照执行。\n"
        "特此通知。\n2021年2月2日\n"
    )
    frame = segment(text)
    assert [f.value for f in frame.issuers] == ["天津市某某局"]


@pytest.mark.parametrize(("sep", "day"), [("\n", "八日"), ("", "八日"), ("", "")])
def test_author_block_with_bracketed_date_under_an_attachment_title(sep: str, day: str) -> None:
    # '公安部　中央综治办' / '(二○○四年十月)' under an attachment's title: its authors and
    # date, not its preamble; glued organs split where a new '中国…' name begins.
    text = sep.join(
        [
            "国务院关于同意建立某某联席会议制度的批复",
            "国函〔2004〕91号",
            "公安部：",
            "你部《关于建立某某联席会议制度的请示》收悉。现批复如下：同意建立某某联席会议制度。",
            "附件：某某联席会议制度",
            "国务院",
            "二○○四年十一月四日",
            "附件：",
            "某某联席会议制度",
            "公安部　中央综治办　发展改革委　国土资源部",
            "中国石油天然气集团公司　中国石油化工集团公司",
            f"(二○○四年十月{day})",
            "为切实加强组织领导，经国务院同意，建立某某联席会议(以下简称联席会议)制度。",
            "一、联席会议职能",
            "联席会议统筹研究工作。",
            "二、成员单位",
            "联席会议由公安部牵头。",
        ]
    )
    att = pp.parse(text).attachments[0]
    assert set(att.issuers) == {
        "公安部",
        "中央综治办",
        "发展改革委",
        "国土资源部",
        "中国石油天然气集团公司",
        "中国石油化工集团公司",
    }
    assert att.date == (datetime.date(2004, 10, 8) if day else None)
    assert att.preamble.startswith("为切实加强")


def test_headline_closed_by_a_full_stop_at_the_top_of_a_run_together_excerpt() -> None:
    text = (
        "关于支持“某某”的十条意见。为落实市委部署，结合实际，现提出以下意见。"
        "1.对来某创业的团队，给予100万元资助。2.对顶尖人才，最高给予5000万元资助。"
    )
    frame = segment(text)
    assert _val(frame.title) == "关于支持“某某”的十条意见"
    assert text[frame.body[0] :].startswith("为落实")
