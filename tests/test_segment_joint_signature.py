"""Joint signatures printing several organ names on a line with no separator: one issuer each."""

from __future__ import annotations

import pytest

from policy_parser.segment import segment
from policy_parser.segment.organs import _org_tokens

NOTICE = (
    "甲市教育局关于做好乙工作的通知\n各区：\n为做好乙工作，现通知如下：\n"
    "一、加强领导\n各区要加强领导。\n二、落实\n各部门要落实责任。\n{sig}\n2023年5月6日\n"
)


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("甲市教育局甲市财政局", ["甲市教育局", "甲市财政局"]),
        ("中共甲市委办公厅甲市人民政府办公厅", ["中共甲市委办公厅", "甲市人民政府办公厅"]),
        (
            "甲市发展和改革委员会甲市财政局甲市商务局",
            ["甲市发展和改革委员会", "甲市财政局", "甲市商务局"],
        ),
        ("国家甲乙委国家丙丁局", ["国家甲乙委", "国家丙丁局"]),
        ("北京市甲乙局天津市丙丁局", ["北京市甲乙局", "天津市丙丁局"]),
    ],
)
def test_a_run_of_names_splits_at_rank_suffixes(run: str, names: list[str]) -> None:
    assert _org_tokens(run) == names


@pytest.mark.parametrize("name", ["甲市人民政府办公厅", "甲市市场监督管理局", "国家甲乙管理总局"])
def test_one_name_stays_whole(name: str) -> None:
    assert _org_tokens(name) == [name]


def test_each_issuer_points_at_its_own_name() -> None:
    text = NOTICE.format(sig="甲市教育局甲市财政局")
    frame = segment(text)
    assert [f.value for f in frame.issuers] == ["甲市教育局", "甲市财政局"]
    assert [text[f.start : f.end] for f in frame.issuers] == ["甲市教育局", "甲市财政局"]
    assert frame.date is not None


def test_names_over_two_lines_each_with_two_names() -> None:
    text = NOTICE.format(sig="甲市教育局甲市财政局\n甲市商务局甲市科技局")
    assert [f.value for f in segment(text).issuers] == [
        "甲市教育局",
        "甲市财政局",
        "甲市商务局",
        "甲市科技局",
    ]
