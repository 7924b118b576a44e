import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_parser.clauses import split_clauses


def clauses(text: str) -> list[str]:
    return [text[s:e] for s, e in split_clauses(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "科协要发挥作用。有关群团组织要开展宣传。",
            ["科协要发挥作用。", "有关群团组织要开展宣传。"],
        ),
        # full stops inside brackets, quotes and titles never split
        (
            "推动修订《重庆市科学技术普及条例。》，完善政策。",
            ["推动修订《重庆市科学技术普及条例。》，完善政策。"],
        ),
        ("开展“科普日。”活动！加强宣传？", ["开展“科普日。”活动！", "加强宣传？"]),
        ("设立基金（专项。基金）。完善制度。", ["设立基金（专项。基金）。", "完善制度。"]),
        # ； splits only where the next part has its own subject
        (
            "各类媒体要加大力度，扩大覆盖面；强化责任意识。",
            ["各类媒体要加大力度，扩大覆盖面；强化责任意识。"],
        ),
        (
            "主流媒体要发挥作用；各类媒体要加大科技宣传力度。",
            ["主流媒体要发挥作用；", "各类媒体要加大科技宣传力度。"],
        ),
        # only the first phrase after ； can hold its subject
        (
            "降低抽查频次；对一般企业，按正常比例抽取，由市场监管局负责。",
            ["降低抽查频次；对一般企业，按正常比例抽取，由市场监管局负责。"],
        ),
        (
            "市商务委负责综合协调；做好供应工作；完善储备机制的建议。国家统计局负责监测。",
            ["市商务委负责综合协调；做好供应工作；完善储备机制的建议。", "国家统计局负责监测。"],
        ),
        # an annotation after the full stop stays with its sentence
        (
            "确保资金落实到位。（财政部牵头，国务院相关部门及各地区按职责分工负责）具体措施：",
            [
                "确保资金落实到位。（财政部牵头，国务院相关部门及各地区按职责分工负责）",
                "具体措施：",
            ],
        ),
        ("  加强统筹。  ", ["加强统筹。"]),
        # a stray opening quote does not swallow the rest
        ("开展“科普活动。加强宣传。", ["开展“科普活动。", "加强宣传。"]),
        ("", []),
        ("没有句号的文字", ["没有句号的文字"]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert clauses(text) == expected


@given(st.text(alphabet="科协要加强。；，（）“”《》 \n企业", max_size=60))
def test_spans_are_ordered_stripped_and_inside(text: str) -> None:
    spans = split_clauses(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e
    # nothing but spaces is left out
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
