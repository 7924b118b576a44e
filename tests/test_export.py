"""Exports and the outline assertion, on a document built by hand (independent of the parser)."""

from __future__ import annotations

import datetime as dt

import pytest

from policy_parser.errors import Span
from policy_parser.export import (
    RECORD_FIELDS,
    outline,
    responsibilities_csv,
    to_dataframe,
    to_markdown,
    to_records,
)
from policy_parser.models import BodyMention, Clause, Document, MarkerKind, Role, Section
from policy_parser.testing import assert_outline, normalize_outline

SOURCE = (
    "关于加强科普工作的实施方案\n"
    "一、总体要求\n"
    "（一）强化经费投入。各区县要将科普经费列入预算。\n"
    "1.细化分工。市科协牵头，市财政局配合。\n"
    "二、保障措施\n"
    "第一章 总则\n"
)


def _span(text: str) -> Span:
    start = SOURCE.index(text)
    return Span(start=start, end=start + len(text))


def _doc() -> Document:
    clause = Clause(
        text="各区县要将科普经费列入预算。",
        span=_span("各区县要将科普经费列入预算。"),
        bodies=[BodyMention(name="各区县", role=Role.RESPONSIBLE, span=_span("各区县"))],
    )
    clause2 = Clause(
        text="市科协牵头，市财政局配合。",
        span=_span("市科协牵头，市财政局配合。"),
        bodies=[
            BodyMention(name="市科协", role=Role.LEAD, span=_span("市科协")),
            BodyMention(name="市财政局", role=Role.COOPERATE, span=_span("市财政局")),
        ],
    )
    item = Section(
        level=3,
        marker="1.",
        kind=MarkerKind.ARABIC_DOT,
        number=1,
        heading="细化分工",
        text="市科协牵头，市财政局配合。",
        clauses=[clause2],
        span=_span("1.细化分工。市科协牵头，市财政局配合。"),
        path="一/（一）/1",
    )
    sub = Section(
        level=2,
        marker="（一）",
        kind=MarkerKind.CN_PAREN,
        number=1,
        heading="强化经费投入",
        text="各区县要将科普经费列入预算。",
        clauses=[clause],
        children=[item],
        span=Span(start=SOURCE.index("（一）"), end=SOURCE.index("二、") - 1),
        path="一/（一）",
    )
    return Document(
        title="关于加强科普工作的实施方案",
        doc_number="渝科协发〔2023〕1号",
        issuers=["重庆市科学技术协会"],
        date=dt.date(2023, 5, 6),
        preamble="1. 为推动科普工作，制定本方案。",
        sections=[
            Section(
                level=1,
                marker="一、",
                kind=MarkerKind.CN_COMMA,
                number=1,
                heading="总体要求",
                children=[sub],
                span=Span(start=SOURCE.index("一、"), end=SOURCE.index("二、") - 1),
                path="一",
            ),
            Section(
                level=1,
                marker="二、",
                kind=MarkerKind.CN_COMMA,
                number=2,
                heading="保障措施",
                span=_span("二、保障措施"),
                path="二",
            ),
        ],
        attachments=[
            Document(
                title=None,
                sections=[
                    Section(
                        level=1,
                        marker="第一章",
                        kind=MarkerKind.CHAPTER,
                        number=1,
                        heading="总则",
                        span=_span("第一章 总则"),
                        path="第一章",
                    )
                ],
                source=SOURCE,
            )
        ],
        source=SOURCE,
    )


EXPECTED_OUTLINE = """\
# 关于加强科普工作的实施方案
一、总体要求
  （一）强化经费投入 [各区县:responsible]
    1.细化分工 [市科协:lead, 市财政局:cooperate]
二、保障措施
# 附件
第一章 总则
"""


def test_outline() -> None:
    assert outline(_doc()) == EXPECTED_OUTLINE
    assert outline(Document()) == ""


def test_to_markdown() -> None:
    assert to_markdown(_doc()) == (
        "# 关于加强科普工作的实施方案\n\n"
        "- 发文字号: 渝科协发〔2023〕1号\n- 发文机关: 重庆市科学技术协会\n"
        "- 成文日期: 2023-05-06\n\n"
        "1\\. 为推动科普工作，制定本方案。\n\n"  # escaped: not a Markdown list
        "## 一、总体要求\n\n"
        "### （一）强化经费投入\n\n各区县要将科普经费列入预算。\n\n*[各区县:responsible]*\n\n"
        "#### 1.细化分工\n\n市科协牵头，市财政局配合。\n\n*[市科协:lead, 市财政局:cooperate]*\n\n"
        "## 二、保障措施\n\n"
        "---\n\n# 附件\n\n## 第一章 总则\n"
    )


def test_to_markdown_deep_levels_become_list_items() -> None:
    deep = Section(
        level=6,
        marker="a.",
        kind=MarkerKind.LATIN,
        number=1,
        heading="细目",
        text="正文。",
        span=Span(start=0, end=1),
        path="x",
    )
    assert to_markdown(Document(sections=[deep])).endswith("\n\n- a.细目 正文。\n")


def test_to_records() -> None:
    rows = to_records(_doc())
    assert [tuple(row) for row in rows] == [RECORD_FIELDS] * 5
    assert [(r["document"], r["path"], r["parent"], r["level"]) for r in rows] == [
        (0, "一", "", 1),
        (0, "一/（一）", "一", 2),
        (0, "一/（一）/1", "一/（一）", 3),
        (0, "二", "", 1),
        (1, "第一章", "", 1),
    ]
    item = rows[2]
    assert item["kind"] == "arabic_dot" and item["number"] == 1 and item["marker"] == "1."
    assert item["bodies"] == "市科协:lead; 市财政局:cooperate"
    assert SOURCE[item["span_start"] : item["span_end"]].startswith("1.细化分工")
    for row in rows:
        assert all(v is None or isinstance(v, str | int) for v in row.values())


def test_to_dataframe() -> None:
    pytest.importorskip("pandas")
    frame = to_dataframe(_doc())
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert frame["path"].tolist()[:2] == ["一", "一/（一）"]


def test_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r'pip install "policy-parser\[pandas\]"'):
        to_dataframe(_doc())


def test_responsibilities_csv() -> None:
    # The task columns are empty: a plain plan's rows name no other section and no deadline,
    # so each row's task is its own section.
    assert responsibilities_csv(_doc()) == (
        "path,heading,body,role,clause,span_start,span_end,"
        "task_path,deadline,deadline_date,deadline_kind\n"
        f"一/（一）,强化经费投入,各区县,responsible,各区县要将科普经费列入预算。,{_span('各区县').start},"
        f"{_span('各区县').end},一/（一）,,,\n"
        f"一/（一）/1,细化分工,市科协,lead,市科协牵头，市财政局配合。,{_span('市科协').start},"
        f"{_span('市科协').end},一/（一）/1,,,\n"
        f"一/（一）/1,细化分工,市财政局,cooperate,市科协牵头，市财政局配合。,"
        f"{_span('市财政局').start},{_span('市财政局').end},一/（一）/1,,,\n"
    )


# --- assert_outline ---------------------------------------------------------------------------


def test_assert_outline_accepts_an_indented_triple_quoted_string() -> None:
    assert_outline(
        _doc(),
        """
            # 关于加强科普工作的实施方案
            一、总体要求
                （一）强化经费投入   [各区县:responsible]
                    1.细化分工 [市科协:lead, 市财政局:cooperate]
            二、保障措施

            # 附件
            第一章 总则
        """,
    )


def test_assert_outline_fails_with_a_readable_diff() -> None:
    with pytest.raises(AssertionError) as caught:
        assert_outline(
            _doc(),
            """
            # 关于加强科普工作的实施方案
            一、总体要求
              （一）强化经费投入 [各区县:responsible]
                1.细化分工 [市科协:lead]
            二、保障措施
            # 附件
            第一章 总则
            """,
        )
    assert str(caught.value) == (
        "the outline differs from the expected one:\n"
        "--- expected\n"
        "+++ actual\n"
        "@@ -1,7 +1,7 @@\n"
        " # 关于加强科普工作的实施方案\n"
        " 一、总体要求\n"
        "   （一）强化经费投入 [各区县:responsible]\n"
        "-    1.细化分工 [市科协:lead]\n"
        "+    1.细化分工 [市科协:lead, 市财政局:cooperate]\n"
        " 二、保障措施\n"
        " # 附件\n"
        " 第一章 总则"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\n  b\n    c\n  d\ne", ["a", "  b", "    c", "  d", "e"]),
        ("a\n\tb\n\t\tc", ["a", "  b", "    c"]),  # tabs
        ("a\n    b\n        c", ["a", "  b", "    c"]),  # 4-space indents
        ("  a  b\u3000c  \n\n", ["a b c"]),
    ],
)
def test_normalize_outline(text: str, expected: list[str]) -> None:
    assert normalize_outline(text) == expected
