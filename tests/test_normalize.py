from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import policy_text

import policy_parser as pp
from policy_parser.normalize import TrackedText, display_width, normalize

CORPUS = Path(__file__).parent / "data" / "corpus"


def _assert_maps_back(source: str, tracked: TrackedText) -> None:
    for i, ch in enumerate(tracked.text):
        if ch != "\n":
            assert source[tracked.to_source(i)] == ch, (i, ch)


def test_crlf_bom_and_spaces() -> None:
    source = "\ufeff一、总体要求\r\n\r\n　　（一）强化领导。\r\n"
    tracked = normalize(source)
    assert tracked.text == "一、总体要求\n\n（一）强化领导。"
    _assert_maps_back(source, tracked)


def test_newspaper_hard_wraps_are_joined_across_column_breaks() -> None:
    source = (CORPUS / "000_chongqing-daily-kepu-plan-2023.txt").read_text(encoding="utf-8")
    tracked = normalize(source)
    lines = tracked.text.split("\n")
    assert (
        "（五）引导企业积极履行科普社会责任。企业要加大科普投入，促进科普工作与科技研发"
        in "".join(line for line in lines if line.startswith("（五）"))
    )
    assert "一、总体要求" in lines
    _assert_maps_back(source, tracked)


def test_short_title_lines_are_not_joined() -> None:
    column = ["这是一行排满了栏宽的新闻正文文字内容啊"] * 9 + ["这是一段的最后一行，排满栏宽。"]
    source = "\n".join([*column, "一、总体要求", "正文。"])
    assert "一、总体要求" in normalize(source).text.split("\n")


@pytest.mark.parametrize(
    ("source", "expected"),
    [("（\n1\n）内容", "（1）内容"), ("1\n．内容", "1．内容"), ("（一\n）内容", "（一）内容")],
)
def test_split_markers_are_joined(source: str, expected: str) -> None:
    assert normalize(source).text == expected


def test_tracked_slice_and_join_keep_offsets() -> None:
    source = "甲乙丙\n丁戊"
    tracked = normalize(source)
    joined = TrackedText.join([tracked.slice(0, 2), tracked.slice(4, 6)], "|")
    assert joined.text == "甲乙|丁戊"
    assert [source[joined.to_source(i)] for i in (0, 1, 3, 4)] == ["甲", "乙", "丁", "戊"]
    assert joined.source_span(3, 5) == (4, 6)


def test_display_width() -> None:
    assert display_width("一、ab") == 6


@settings(max_examples=300, deadline=None)
@given(policy_text)
def test_offsets_map_back(source: str) -> None:
    _assert_maps_back(source, normalize(source))


@settings(max_examples=300, deadline=None)
@given(policy_text)
def test_normalising_twice_changes_nothing(source: str) -> None:
    once = normalize(source).text
    assert normalize(once).text == once


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Web text puts numbers and date words on lines of their own.
        ("发布日期：\n2021\n年\n2\n月\n2\n日\n正文。", "发布日期：\n2021年2月2日\n正文。"),
        ("按照规定（见附录\n2\n）进行竞价。", "按照规定（见附录2）进行竞价。"),
        # …but a table's row number stays on its own line.
        ("医政处\n\n1\n\n有序扩大家庭医生来源。", "医政处\n\n1\n\n有序扩大家庭医生来源。"),
        # A heading wrapped by the page keeps its last word.
        (
            "一、进一步深化“放管服”改革，持续优化营商\n环境\n各区要加强统筹。",
            "一、进一步深化“放管服”改革，持续优化营商环境\n各区要加强统筹。",
        ),
        # …a short title line too, but not before a line that could be a tail itself.
        ("（二）加大资金投\n入力度\n各区要统筹。", "（二）加大资金投入力度\n各区要统筹。"),
        (
            "一、进一步深化改革，持续优化营商\n环境\n甲乙",
            "一、进一步深化改革，持续优化营商\n环境\n甲乙",
        ),
        (
            "2.关于推进家庭医生签约服务工作的任务分工表\n附件1",
            "2.关于推进家庭医生签约服务工作的任务分工表\n附件1",
        ),
    ],
)
def test_web_fragments(source: str, expected: str) -> None:
    assert normalize(source).text == expected


def test_paragraph_gaps_in_run_together_text() -> None:
    body = "甲" * 200
    source = f"现通知如下：　　一、加强监管。{body}。　　二、强化联动。　　总　　则"
    assert normalize(source).text.split("\n") == [
        "现通知如下：",
        f"一、加强监管。{body}。",
        "二、强化联动。",
        "总　　则",
    ]


@pytest.mark.parametrize("source", ["）\n一\n）", "（\n（\n1", "1\n）\n）"])
def test_bracket_fragments_settle_in_one_pass(source: str) -> None:
    once = normalize(source).text
    assert normalize(once).text == once


def test_fullmatch_length_bounds() -> None:
    # normalize() skips these fullmatches on longer lines: the bounds must stay true.
    from policy_parser.normalize import _FRAGMENT, _FRAGMENT_MAX, _MARKER_HEAD, _MARKER_HEAD_MAX

    assert _MARKER_HEAD.fullmatch("（" + "1" * (_MARKER_HEAD_MAX - 1))
    assert not _MARKER_HEAD.fullmatch("（" + "1" * _MARKER_HEAD_MAX)
    assert _FRAGMENT.fullmatch("1" * _FRAGMENT_MAX)
    assert not _FRAGMENT.fullmatch("1" * (_FRAGMENT_MAX + 1))


def test_junk_class_is_controls_zero_widths_and_surrogates() -> None:
    # _JUNK runs on the standard re for speed; it must take exactly the characters the
    # Unicode-aware description names, on every code point.
    import unicodedata

    from policy_parser.normalize import _JUNK

    def junk(c: str) -> bool:
        if c in "\n\t":
            return False
        return c in "\r\ufeff\u200b\u200c\u200d\u2060" or unicodedata.category(c) in ("Cc", "Cs")

    assert [
        hex(cp) for cp in range(0x110000) if bool(_JUNK.fullmatch(chr(cp))) != junk(chr(cp))
    ] == []


# --- marker pieces a page-to-text tool put on lines of their own ---------------------------


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        ("一、总体要求\n（\n一\n）\n加强领导。\n（\n二\n）\n强化保障。\n", ["（一）", "（二）"]),
        ("一、总体要求\n（\n1\n）\n加强领导。\n（\n2\n）\n强化保障。\n", ["（1）", "（2）"]),
        ("一、总体要求\n1\n．\n加强领导。\n2\n．\n强化保障。\n", ["1．", "2．"]),
        ("一、总体要求\n1\n.加强领导。\n2\n.强化保障。\n", ["1.", "2."]),
    ],
    ids=["cn-paren", "arabic-paren", "arabic-dot-alone", "arabic-dot-glued"],
)
def test_broken_marker_digits_are_rejoined_with_their_text(broken: str, joined: list[str]) -> None:
    whole = broken.replace("\n", "").replace("要求", "要求\n").replace("。", "。\n")
    assert normalize(broken).text == whole.rstrip("\n")
    doc = pp.parse(broken)
    items = doc.sections[0].children
    assert [s.marker for s in items] == joined
    assert [s.text for s in items] == ["加强领导。", "强化保障。"]
    assert doc.sections[0].heading == "总体要求"  # the first number did not join the heading
    # Spans index the original, broken text: the item's span covers its pieces and text.
    for item, text in zip(items, ["加强领导。", "强化保障。"], strict=True):
        covered = item.span.slice(broken)
        assert covered.replace("\n", "") == item.marker + text
        assert covered.startswith(item.marker[0])


def test_rebuilt_marker_maps_each_character_back() -> None:
    broken = "（\n一\n）\n加强领导。"
    tracked = normalize(broken)
    assert tracked.text == "（一）加强领导。"
    for pos, ch in enumerate(tracked.text):
        assert broken[tracked.to_source(pos)] == ch


def test_a_number_inside_a_sentence_still_joins_it() -> None:
    # '2' is a piece of the sentence, not a marker: the line after it goes on with '）'.
    assert normalize("（见附录\n2\n）进行竞价。").text == "（见附录2）进行竞价。"


def test_a_whole_marker_on_its_own_line_keeps_its_line() -> None:
    # Written whole, a marker line is the author's layout, not a tool's cut.
    assert normalize("（一）\n加强领导。").text == "（一）\n加强领导。"


def test_lines_that_sit_side_by_side_in_the_source_stay_one_run() -> None:
    # A clean text's lines and the newlines between them map one for one: one run, so a
    # slice needs no bisect; a stripped line end breaks the run and still maps right.
    clean = "一、总则\n（一）目的\n1．范围"
    tracked = normalize(clean)
    assert tracked.text == clean and len(tracked.starts) == 1
    assert [tracked.to_source(i) for i in range(len(clean))] == list(range(len(clean)))
    spaced = "一、总则  \n（一）目的"
    tracked = normalize(spaced)
    assert tracked.text == "一、总则\n（一）目的"
    assert len(tracked.starts) > 1
    assert tracked.to_source(tracked.text.index("（")) == spaced.index("（")


def test_a_clean_text_after_blank_lines_is_one_run_from_its_first_line() -> None:
    # Lines side by side, blank lines only before and after them: one run from the first.
    tracked = normalize("\n\n一、总则\n（一）目的\n\n")
    assert (tracked.text, tracked.starts, tracked.srcs) == ("一、总则\n（一）目的", (0,), (2,))
    # A blank line between two lines is kept as one, and the map goes on after it.
    tracked = normalize("一、总则\n\n\n（一）目的")
    assert tracked.text == "一、总则\n\n（一）目的"
    assert tracked.to_source(tracked.text.index("（")) == 7


def test_rows_of_tab_separated_cells_are_never_joined_as_wrapped_lines() -> None:
    # Lines of about one width read as a hard-wrapped column; a row of cells is not one.
    rows = ["序号\t重点任务\t牵头单位\t完成时限", "（一）\t加强领导\t甲委办\t2025年底前"]
    body = [f"第{n}行的文字大致一样长，没有句末的标点符号" for n in "一二三四五六七八"]
    text = "\n".join([*body, *rows])
    assert normalize(text).text.split("\n")[-2:] == rows
