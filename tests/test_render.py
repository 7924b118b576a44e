"""render(doc) writes canonical text; parsing it gives the same tree back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policy_parser as pp
from policy_parser.numerals import from_int
from policy_parser.render import render

CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))

Tree = tuple[list[tuple[str, int, str | None, str]], list["Tree"]]


def tree(doc: pp.Document) -> Tree:
    rows = [(s.path, s.number, s.heading, s.text) for s in doc.walk()]
    return rows, [tree(a) for a in doc.attachments]


def test_run_in_heading_and_heading_line() -> None:
    doc = pp.parse(
        "一、总体要求\n（一）加强领导。各区要落实责任。\n（二）完善机制。市财政局负责保障。"
    )
    assert render(doc) == (
        "一、总体要求\n（一）加强领导。各区要落实责任。\n（二）完善机制。市财政局负责保障。\n"
    )


def test_articles_keep_their_text_on_the_marker_line() -> None:
    doc = pp.parse(
        "第一章　总则\n第一条　为了规范管理，制定本条例。\n第二条　本条例自公布之日起施行。"
    )
    text = render(doc)
    assert "第一条为了规范管理，制定本条例。\n" in text
    assert tree(pp.parse(text)) == tree(doc)


def test_frame_is_written_and_read_back() -> None:
    source = (
        "关于加强科普工作的通知\n国办发〔2020〕5号\n各区县人民政府：\n为推动科普工作，现通知如下。\n"
        "一、加强领导。各区县要落实责任。\n二、完善机制。各部门要加强协作。\n"
        "某某市人民政府办公厅\n2020年3月4日\n"
    )
    doc = pp.parse(source)
    again = pp.parse(render(doc))
    for field in ("title", "doc_number", "addressees", "preamble", "issuers", "date"):
        assert getattr(again, field) == getattr(doc, field), field
    assert tree(again) == tree(doc)


def test_order_is_written_as_an_order() -> None:
    doc = pp.parse(
        "中华人民共和国国务院令第693号\n现公布《某某条例》。\n某某条例\n（2017年12月25日）\n"
        "第一章　总则\n第一条　为了规范管理，制定本条例。\n第二条　本条例自公布之日起施行。\n"
    )
    assert (doc.title, doc.doc_number) == ("某某条例", "中华人民共和国国务院令第693号")
    again = pp.parse(render(doc))
    assert (again.title, again.doc_number, again.date) == (doc.title, doc.doc_number, doc.date)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_corpus_round_trip(path: Path) -> None:
    doc = pp.parse(path.read_text(encoding="utf-8"))
    again = pp.parse(render(doc))
    assert tree(again) == tree(doc)
    assert (again.title, again.doc_number, again.date) == (doc.title, doc.doc_number, doc.date)


# Generated documents: 一、/（一）/1./（1） nested, headings or not, one or two sentences.
STYLES = [
    lambda n: f"{from_int(n)}、",
    lambda n: f"（{from_int(n)}）",
    lambda n: f"{n}.",
    lambda n: f"（{n}）",
]
PART = st.lists(
    st.sampled_from(["加强", "科普", "工作", "推进", "建设", "完善", "机制", "服务"]),
    min_size=1,
    max_size=4,
).map("".join)
SENTENCE = st.lists(PART, min_size=1, max_size=3).map(lambda ps: "，".join(ps) + "。")


@st.composite
def outline(draw: st.DrawFn, depth: int = 0, flat: bool = False) -> list[str]:
    lines: list[str] = []
    count = draw(st.integers(1 if depth == 0 else 0, 3))
    # Siblings share one style: none, or all titled, with a stop, glued to the text, or on a
    # title line of their own (not in a run-together text: see the xfail below).
    titled = draw(st.sampled_from(["", "。", "glued", *([] if flat else ["\n"])]))
    for n in range(1, count + 1):
        text = draw(st.lists(SENTENCE, min_size=1, max_size=2).map("".join))
        stop = "" if titled == "glued" else titled
        head = STYLES[depth](n) + (draw(PART) + stop if titled else "")
        lines.append(head + text)
        if depth + 1 < len(STYLES):
            lines.extend(draw(outline(depth + 1, flat)))
    return lines


@settings(max_examples=150, deadline=None)
@given(st.booleans().flatmap(lambda flat: st.tuples(st.just(flat), outline(flat=flat))))
def test_generated_documents_round_trip(case: tuple[bool, list[str]]) -> None:
    # Flat: the whole text run into one line, as a page cut out of a newspaper or a PDF.
    flat, lines = case
    doc = pp.parse(("" if flat else "\n").join(["为推动工作，制定本方案。", *lines]))
    again = pp.parse(render(doc))
    assert tree(again) == tree(doc)


def test_a_heading_keeps_the_stop_its_source_gave_it() -> None:
    # 一、加强机制。 (a run-in title over its items) written as a title line 一、加强机制 would
    # make 二、 split as a title glued to its text (机制机制 + 服务机制…) on reparse.
    doc = pp.parse(
        "为推动工作，制定本方案。\n一、加强机制。\n（一）完善建设，工作建设。加强服务。\n"
        "二、机制机制服务机制，科普工作，服务建设工作。工作建设。"
    )
    assert "\n一、加强机制。\n" in render(doc)
    assert tree(pp.parse(render(doc))) == tree(doc)


def test_a_title_line_stays_a_title_line() -> None:
    # Run in with a stop, 二、工作完善加强推进。 would split after 工作完善 (加强 opens a task) as
    # its siblings' titles glued to their text do.
    doc = pp.parse(
        "为推动工作，制定本方案。\n一、加强机制服务机制\n完善，推进加强科普。\n"
        "二、工作完善加强推进\n加强推进科普。\n三、服务机制加强完善\n服务机制，加强。"
    )
    assert "\n二、工作完善加强推进\n加强推进科普。\n" in render(doc)
    assert tree(pp.parse(render(doc))) == tree(doc)


def test_a_section_without_heading_among_titled_siblings_has_its_marker_alone() -> None:
    doc = pp.parse(
        "为推动工作，制定本方案。\n一、加强。\n二、加强加强加强加强。\n三、加强加强加强加强。"
    )
    assert [s.heading for s in doc.walk()] == [None, "加强加强", "加强加强"]
    assert render(doc).startswith(
        "为推动工作，制定本方案。\n一、\n加强。\n二、加强加强加强加强。\n"
    )
    assert tree(pp.parse(render(doc))) == tree(doc)


def test_titles_glued_in_a_run_together_text_are_written_with_a_stop() -> None:
    # One marker line per section is no longer run together: the glued reading of a flat
    # group would not be found again, a run-in title with its stop is.
    doc = pp.parse(
        "为推动工作，制定本方案。一、加强机制完善建设完善建设，推进机制完善。二、工作机制完善完善科普建设，机制机制。"
    )
    assert [s.heading for s in doc.walk()] == ["加强机制完善建设", "工作机制"]
    assert "\n二、工作机制。完善完善科普建设，机制机制。\n" in render(doc)
    assert tree(pp.parse(render(doc))) == tree(doc)


@pytest.mark.xfail(
    reason="a title line inside a run-together group: written run-in with a stop (a title line "
    "there may join the next line as a hard wrap), it splits again as a glued title "
    "(服务完善 + 加强完善。…) on reparse; found by the property with a random seed",
    strict=True,
)
def test_a_title_line_in_a_run_together_text() -> None:
    # The smallest example the property found with title lines in a run-together text.
    doc = pp.parse(
        "为推动工作，制定本方案。"
        + "".join(
            [
                "一、建设机制机制科普\n科普推进机制科普。建设建设建设服务。",
                "二、服务完善加强完善\n建设加强机制服务，加强。",
                "三、完善机制完善推进\n机制机制完善，完善机制工作。",
                "（二）科普推进服务\n服务推进机制推进，服务机制。工作，工作加强推进工作，工作。",
                "1.科普科普科普\n工作完善机制工作。",
                "（1）加强加强服务工作\n工作服务工作机制，机制完善。科普，加强推进加强完善。",
                "（2）服务工作完善建设\n建设建设服务完善。",
                "（3）科普加强\n推进完善服务，建设机制。",
                "2.加强工作完善\n科普机制，推进推进。加强建设服务，加强。",
                "3.建设机制完善\n建设建设科普完善，工作完善。完善，服务机制。",
                "（2）建设工作服务科普。科普建设。\n",
            ]
        )
    )
    assert tree(pp.parse(render(doc))) == tree(doc)


def test_document_render_method_is_the_render_function() -> None:
    doc = pp.parse("一、总体要求\n（一）加强领导。各区要加强领导。\n")
    assert doc.render() == render(doc)
    assert [s.path for s in pp.parse(doc.render()).walk()] == ["一", "一/（一）"]
