"""The marker vocabulary (grammars/markers.lark) and the continuity rules of the lexer."""

import pytest
from lark import Lark, Token, Tree

import policy_parser as pp
from policy_parser.grammar import grammar_text, lex
from policy_parser.models import MarkerKind


@pytest.mark.parametrize(
    ("marker", "terminal"),
    [
        ("一、", "CN_COMMA"),
        ("二十四、", "CN_COMMA"),
        ("（十八）", "CN_PAREN"),
        ("(一)", "CN_PAREN"),
        ("（1）", "ARABIC_PAREN"),
        ("(12)", "ARABIC_PAREN"),
        ("1.", "ARABIC_DOT"),
        ("1．", "ARABIC_DOT"),
        ("1、", "ARABIC_DOT"),
        ("１．", "ARABIC_DOT"),
        ("1）", "ARABIC_HALF_PAREN"),
        ("①", "CIRCLED"),
        ("⑳", "CIRCLED"),
        ("a.", "LATIN"),
        ("第一编", "PART"),
        ("第三章", "CHAPTER"),
        ("第二节", "SECTION"),
        ("第一百二十三条", "ARTICLE"),
        ("第12条", "ARTICLE"),
    ],
)
def test_grammar_accepts_marker(marker: str, terminal: str) -> None:
    parser = Lark(grammar_text("markers.lark"), parser="lalr")
    marker_tree = parser.parse(marker).children[0]
    assert isinstance(marker_tree, Tree)
    token = marker_tree.children[0]
    assert isinstance(token, Token) and token.type == terminal


def _markers(text: str) -> list[tuple[str, int, int]]:
    return [(s.marker.marker, s.marker.number, s.level) for s in lex(text).segments if s.marker]


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("一、总体要求", MarkerKind.CN_COMMA, 1),
        ("（十八）推动科普", MarkerKind.CN_PAREN, 18),
        ("(三)半角括号", MarkerKind.CN_PAREN, 3),
        ("1.支持企业", MarkerKind.ARABIC_DOT, 1),
        ("1．全角点", MarkerKind.ARABIC_DOT, 1),
        ("1、顿号", MarkerKind.ARABIC_DOT, 1),
        ("（1）括号", MarkerKind.ARABIC_PAREN, 1),
        ("(1)半角", MarkerKind.ARABIC_PAREN, 1),
        ("1）半括号", MarkerKind.ARABIC_HALF_PAREN, 1),
        ("①圈码", MarkerKind.CIRCLED, 1),
        ("a. 拉丁", MarkerKind.LATIN, 1),
        ("第一百二十三条　条文", MarkerKind.ARTICLE, 123),
        ("第一章　总则", MarkerKind.CHAPTER, 1),
        ("第一节 一般规定", MarkerKind.SECTION, 1),
        ("第一编 总则", MarkerKind.PART, 1),
        ("1　总则", MarkerKind.DECIMAL, 1),
        ("1.2.1　国家级", MarkerKind.DECIMAL, 1),
        ("## 第一章 总则", MarkerKind.CHAPTER, 1),
    ],
)
def test_marker_kinds(text: str, kind: MarkerKind, number: int) -> None:
    section = pp.parse(text).sections[0]
    assert (section.kind, section.number) == (kind, number)


@pytest.mark.parametrize(
    "text",
    [
        "“一带一路”科技交流大会等活动",
        "一是加强领导，二是完善机制。",
        "2025年，公民具备科学素质比例高于全国平均水平。",
        "（32人）、数字产业（27人）",
        "第三条规定的城乡污水集中处理场所",
        "1+X证书制度试点",
        "1.5亿元用于科普",
        "（下称种子基金）投决会审议",
        "统一、开放、竞争、有序的市场体系",
    ],
)
def test_false_markers_at_line_start_are_text(text: str) -> None:
    assert pp.parse(text).sections == []


def test_false_markers_inside_lines() -> None:
    text = (
        "一、放要放出活力\n（一）推动年报事项“多报合一、信息共享”，实现统一、开放。"
        "依照第三条规定的程序办理，落实“一带一路”倡议，2025年完成。"
    )
    assert _markers(text) == [("一、", 1, 1), ("（一）", 1, 2)]


def test_run_together_statute() -> None:
    text = (
        "第一章　总　　则第一条为了加强监管，制定本条例。第二条任何单位应当遵守。"
        "第二章　监管机构第三条监管机构依照本条例第二条的规定履行职责：(一)检查；(二)询问。"
    )
    assert _markers(text) == [
        ("第一章", 1, 1),
        ("第一条", 1, 2),
        ("第二条", 2, 2),
        ("第二章", 2, 1),
        ("第三条", 3, 2),
        ("(一)", 1, 3),
        ("(二)", 2, 3),
    ]


def test_run_together_article_glued_to_a_chapter_title() -> None:
    # The chapter title ends where the article begins, even before a reference-like word (中)
    # and in an excerpt that skips articles (第十二条 → 第二十四条 in another chapter).
    text = (
        "第一章　总　　则第一条为了加强监管，制定本条例。"
        "第二章　合同者的权利第二条中方公司负责勘探。第三条合同者可以回收投资。"
        "第二十四条资料归中方公司所有。第四章　争议的解决第二十五条当事人可以协商解决。"
        "第五章　法律责任第二十六条违反本条例的，予以警告。"
        "第二十七条违反本条例规定的，予以处罚。"
        "第六章　附　　则第二十八条本条例下列用语的含义：(一)甲；(二)乙。"
    )
    assert _markers(text) == [
        ("第一章", 1, 1),
        ("第一条", 1, 2),
        ("第二章", 2, 1),
        ("第二条", 2, 2),
        ("第三条", 3, 2),
        ("第二十四条", 24, 2),
        ("第四章", 4, 1),
        ("第二十五条", 25, 2),
        ("第五章", 5, 1),
        ("第二十六条", 26, 2),
        ("第二十七条", 27, 2),
        ("第六章", 6, 1),
        ("第二十八条", 28, 2),
        ("(一)", 1, 3),
        ("(二)", 2, 3),
    ]


def test_numbering_runs_on_across_parents() -> None:
    text = "一、甲\n（一）子一。\n（二）子二。\n二、乙\n（三）子三。\n三、丙\n（一）重新编号。"
    assert _markers(text) == [
        ("一、", 1, 1),
        ("（一）", 1, 2),
        ("（二）", 2, 2),
        ("二、", 2, 1),
        ("（三）", 3, 2),
        ("三、", 3, 1),
        ("（一）", 1, 2),
    ]


def test_levels_follow_first_appearance() -> None:
    text = "第一条　条文：\n（一）项；\n1.目；\n（二）项。\n第二条　条文。"
    assert _markers(text) == [
        ("第一条", 1, 1),
        ("（一）", 1, 2),
        ("1.", 1, 3),
        ("（二）", 2, 2),
        ("第二条", 2, 1),
    ]


def test_sections_nest_under_chapters_and_sections() -> None:
    text = "\n".join(
        [
            *("第一章 总则", "第一条 甲。", "第二章 分则", "第一节 一般规定"),
            *("第二条 乙。", "第二节 特别规定", "第三条 丙。"),
        ]
    )
    doc = pp.parse(text)
    assert [s.path for s in doc.walk()] == [
        "第一章",
        "第一章/第一条",
        "第二章",
        "第二章/第一节",
        "第二章/第一节/第二条",
        "第二章/第二节",
        "第二章/第二节/第三条",
    ]


def test_marker_split_over_lines_is_joined() -> None:
    doc = pp.parse("一、总体要求\n（\n1\n）第一项内容。\n1\n．第二项")
    assert [s.marker for s in doc.walk()] == ["一、", "（1）", "1．"]


def test_article_followed_by_a_reference_word_at_a_sentence_start() -> None:
    # Run-together text: 第二条中外合作… is article 2, not a reference to it.
    text = (
        "第一条为保障发展，制定本条例。第二条中外合作开采活动，必须遵守本条例。"
        "第三条境内的资源属于国家所有。第四条政府依法保护外国企业。"
    )
    assert [m for m, _, _ in _markers(text)] == ["第一条", "第二条", "第三条", "第四条"]
    # …but a real reference inside a sentence stays text.
    refs = "第一条 依照本法第五条和第六条的规定执行。\n第二条 依照第三条规定的程序办理。"
    assert [m for m, _, _ in _markers(refs)] == ["第一条", "第二条"]


def test_a_jump_the_text_keeps_counting_from_is_accepted_with_a_diagnostic() -> None:
    text = "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 责任\n第十八条 丙。\n第十九条 丁。"
    doc = pp.parse(text)
    assert [s.path for s in doc.walk()][-2:] == ["第二章/第十八条", "第二章/第十九条"]
    assert [(d.code, d.message) for d in doc.diagnostics] == [
        ("numbering-gap", "第十八条 follows number 2")
    ]


def test_a_rejected_line_start_marker_is_reported() -> None:
    doc = pp.parse("一、甲\n二、乙\n九、离群的编号\n三、丙")
    assert [s.marker for s in doc.sections] == ["一、", "二、", "三、"]
    assert [(d.code, d.severity.value) for d in doc.diagnostics] == [("ignored-marker", "info")]


def test_skipped_level_only_within_the_gbt_four() -> None:
    assert [d.code for d in pp.parse("一、甲\n（1）乙").diagnostics] == ["skipped-level"]
    assert pp.parse("第一章 总则\n第一条 甲。").diagnostics == []
    assert pp.parse("一、甲\n1.乙\n①丙").diagnostics == []


def test_short_lines_are_scanned_for_run_together_markers() -> None:
    long = "内容" * 40 + "。"
    text = "一、主要目标和基本原则　　（一）主要目标。"
    text += f"　　1.体制机制进一步完善。{long}　　2.政策优化。{long}"
    doc = pp.parse(text)
    assert [s.path for s in doc.walk()] == ["一", "一/（一）", "一/（一）/1", "一/（一）/2"]


def test_a_digit_after_the_dot_only_where_the_list_goes_on() -> None:
    text = "（一）人才项目。实施如下项目：\n1.甲项目。内容。\n2.乙项目。内容。\n"
    text += "3.121人才梯队项目。重点培养。\n"
    doc = pp.parse(text)
    three = doc.find("（一）/3")
    assert three is not None and three.heading == "121人才梯队项目"
    assert [s.marker for s in pp.parse("1.5亿元用于科普\n2.甲").walk()] == ["2."]


def test_an_article_after_a_gap_in_an_excerpt() -> None:
    doc = pp.parse("## 第一章 总则\n\n第一条 甲。\n\n## 第六章 法律责任\n\n第三十条 戊。\n")
    assert [s.path for s in doc.walk()][-2:] == ["第六章", "第六章/第三十条"]
    assert [d.code for d in doc.diagnostics] == ["numbering-gap", "numbering-gap"]


def test_an_excerpt_that_picks_items_keeps_their_numbers() -> None:
    # Line-start items whose numbers rise, with gaps: the excerpt skipped the items between.
    text = (
        "一、推动芯片发展\n1.聚力推动芯片。\n2.设立专项。\n5.支持骨干企业。\n12.加快平台建设。\n"
        "二、强化算力保障\n19.研究太空算力。\n22.对接指引。\n"
        "三、加大数据开发\n30.健全公共数据开放。\n44.加快大模型。"
    )
    assert _markers(text) == [
        ("一、", 1, 1),
        ("1.", 1, 2),
        ("2.", 2, 2),
        ("5.", 5, 2),
        ("12.", 12, 2),
        ("二、", 2, 1),
        ("19.", 19, 2),
        ("22.", 22, 2),
        ("三、", 3, 1),
        ("30.", 30, 2),
        ("44.", 44, 2),
    ]
    # …but not a jump the next item falls back from: 9.说明 before 3.
    text = "一、甲\n1.子一。\n2.子二。\n9.说明。\n3.子三。\n二、乙"
    assert [m for m, _, _ in _markers(text)] == ["一、", "1.", "2.", "3.", "二、"]


def test_an_excerpt_starting_mid_list_is_a_warning() -> None:
    doc = pp.parse("（十八）推动科普。\n（十九）推动融合。", strict=True)
    assert [(d.code, d.severity.value) for d in doc.diagnostics] == [("numbering-start", "warning")]


def test_a_run_together_list_glues_its_next_number() -> None:
    text = (
        "一、直属的油气田企业(2个)1.大庆石油管理局2.辽河石油勘探局"
        "二、划入的企业(2个)1.抚顺石油化工公司2.大连石油化工公司"
    )
    assert [m for m, _, _ in _markers(text)] == ["一、", "1.", "2.", "二、", "1.", "2."]
    # …but numerals in a run stay text: 第一、二、三产业
    assert [m for m, _, _ in _markers("一、发展第一、二、三产业，做到一、二、三。二、乙")] == [
        "一、",
        "二、",
    ]


def test_a_run_together_list_may_glue_its_first_number_to_the_title() -> None:
    text = (
        "一、直属的油气田企业(2个)1.大庆石油管理局2.辽河石油勘探局"
        "二、划转的石油公司及其下属加油站1.黑龙江省石油总公司2.吉林省石油总公司3.辽宁省石油总公司"
    )
    assert [m for m, _, _ in _markers(text)] == ["一、", "1.", "2.", "二、", "1.", "2.", "3."]
    # …but a lone glued number stays text: 附表1.说明, 第二阶段1.5
    assert [m for m, _, _ in _markers("一、甲见附表1.说明。二、乙。")] == ["一、", "二、"]


def test_an_item_whose_text_opens_with_xiang_is_no_reference() -> None:
    text = "现函复如下：一、甲要做好。二、乙要做好。三、丙要做好。四、项目建设要严格按程序办理。"
    assert [m for m, _, _ in _markers(text)] == ["一、", "二、", "三、", "四、"]
    assert [m for m, _, _ in _markers("第一条 依照第（一）项规定。\n第二条 乙。")] == [
        "第一条",
        "第二条",
    ]


def test_a_markdown_heading_that_is_only_a_numeral() -> None:
    doc = pp.parse("## 一、甲\n\n内容一。\n\n## 二\n本通知自发布之日起施行。")
    assert [(s.path, s.heading, s.text) for s in doc.walk()] == [
        ("一", "甲", "内容一。"),
        ("二", None, "本通知自发布之日起施行。"),
    ]


def _marker_terminals() -> dict[str, str]:
    """The marker terminals of structure_lark()'s lexer, name → regular expression."""
    from policy_parser.grammar import structure_lark
    from policy_parser.lex.kinds import KIND_OF_TERMINAL

    terminals = {t.name: t for t in structure_lark().terminals}
    return {name: terminals[name].pattern.to_regexp() for name in KIND_OF_TERMINAL}


def test_plain_text_never_swallows_a_character_where_a_marker_begins() -> None:
    # PLAIN (markers.lark) takes one character, then a run that takes a marker's first
    # character only where what follows rules every marker out (统一 yes, 统一、 no): a
    # character swallowed where a marker matches would hide that marker.
    import regex

    from policy_parser.grammar import marker_tokens, structure_lark

    plain = {t.name: t for t in structure_lark().terminals}["PLAIN"].pattern.to_regexp()
    any_marker = regex.compile("|".join(f"(?:{p})" for p in _marker_terminals().values()))
    run = regex.compile(plain)
    starts = [chr(cp) for cp in range(0x110000) if any_marker.match(chr(cp), partial=True)]
    follows = ["", "甲", "、", "二、", "十二、", ".", "．", "）", "三）", "12）", "条", "章", "编"]
    follows += ["节", "二条", "12条", "1 ", "0　甲", "234", "234.", "2345", "１）", ".1 甲"]
    missed = [
        c + f
        for c in starts
        for f in follows
        if any_marker.match(c + f) and run.match("甲" + c + f).end() != 1  # type: ignore[union-attr]
    ]
    assert missed == []
    # And it does take them where no marker can begin: one token for 统一规划（以下简称）.
    assert [t.type for t in marker_tokens("统一规划（以下简称）第一批A类")] == ["PLAIN"]


def test_lark_lexer_finds_every_marker_a_scan_of_the_vocabulary_finds() -> None:
    # lark tries the terminals at each position by priority: the marker tokens it cuts are the
    # leftmost matches of the marker terminals, in that order, as one scan would find them.
    import random

    import regex

    from policy_parser.grammar import marker_tokens

    names = list(_marker_terminals())
    # A number shaped like a row number but with no cell break after it (the 021 of 2021年)
    # is text: the scan steps over the whole number, lowest priority, as lark's PLAIN takes it.
    row_text = r"(?P<ROW_TEXT>[0-9]{1,3}(?=[\x1c-\x1f]|[^0-9\s.．、)）%％]))"
    scan = regex.compile(
        "|".join([*(f"(?P<{n}>{p})" for n, p in _marker_terminals().items()), row_text])
    )
    alphabet = "第一二十百零两0１５9.．、（）()①a 　\t\n条章编节年%项甲。\x1c"
    rng = random.Random(0)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
        got = [(t.start_pos, t.end_pos, t.type) for t in marker_tokens(text) if t.type in names]
        want = [(m.start(), m.end(), m.lastgroup) for m in scan.finditer(text)]
        assert got == [w for w in want if w[2] != "ROW_TEXT"], text
    # U+001C is a space to `re`'s \s but not to Unicode: a row number may stand before it.
    assert [t.type for t in marker_tokens("12\x1c甲\t乙")] == ["TABLE_ROW", "PLAIN"]
    # Without a cell break after it, a number is text: 2021年 is one PLAIN token.
    assert [t.type for t in marker_tokens("甲2021年乙3个")] == ["PLAIN"]


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        # A finer style first met right after an item nests under it, by document order.
        ("1.甲\n（一）子\n（二）丑\n2.乙", ["1", "1/（一）", "1/（二）", "2"]),
        ("（1）甲\n①子\n（2）乙", ["（1）", "（1）/①", "（2）"]),
        # The heading styles keep their canonical rank: 一、 after 1. is above it.
        ("1.甲\n2.乙\n一、丙\n1.丁", ["1", "2", "一", "一/1"]),
    ],
)
def test_new_styles_take_their_level_by_document_order(text: str, paths: list[str]) -> None:
    assert [s.path for s in pp.parse(text).walk()] == paths


def test_a_list_that_starts_past_one_keeps_its_canonical_rank() -> None:
    # （4） ⏎ 2.: the list of 1. lost its first item; it goes where 1. goes under （一）, not
    # under （4）.
    doc = pp.parse("一、甲\n（一）乙\n（1）丙\n（2）丁\n2.戊\n3.己")
    assert [s.path for s in doc.walk()][-2:] == ["一/（一）/2", "一/（一）/3"]


def test_a_marker_in_a_tab_separated_cell_is_no_section() -> None:
    text = (
        "一、重点任务\n序号\t任务\t牵头单位\n"
        "1\t（一）加强领导\t甲局\n2\t（二）强化保障\t乙局\n二、保障措施"
    )
    paths = [s.path for s in pp.parse(text).walk()]
    assert "一/（一）" not in paths and "一/（二）" not in paths
    assert paths[0] == "一" and paths[-1] == "二"
