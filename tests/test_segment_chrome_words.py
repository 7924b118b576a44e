"""Page-chrome words (政策解读, 无障碍, 打印) end a document only as a short whole line."""

from __future__ import annotations

import pytest

from policy_parser.segment import segment
from policy_parser.segment.chrome import _is_chrome

NOTICE = (
    "甲市人民政府办公厅关于做好乙工作的通知\n各区人民政府：\n为做好乙工作，现通知如下：\n"
    "一、加强领导\n各区要加强领导。\n{heading}\n各部门要落实责任。\n三、其他\n"
    "本通知自印发之日起施行。\n甲市人民政府办公厅\n2023年5月6日\n{tail}"
)


@pytest.mark.parametrize(
    "heading",
    ["二、强化政策解读", "二、推进无障碍环境建设", "二、打印机采购管理", "二、完善相关政策文件"],
)
def test_a_body_heading_holding_a_chrome_word_is_text(heading: str) -> None:
    text = NOTICE.format(heading=heading, tail="")
    frame = segment(text)
    assert text[slice(*frame.body)].endswith("本通知自印发之日起施行。")
    assert [f.value for f in frame.issuers] == ["甲市人民政府办公厅"]


@pytest.mark.parametrize("tail", ["政策解读\n", "【政策解读】\n", "无障碍浏览\n", "【打印】\n"])
def test_the_word_alone_after_the_document_is_chrome(tail: str) -> None:
    assert _is_chrome(tail.strip())
    text = NOTICE.format(heading="二、落实责任", tail=tail)
    frame = segment(text)
    assert text[slice(*frame.body)].endswith("本通知自印发之日起施行。")
    end = text.index(tail.strip())
    assert any(a <= end < b for a, b in frame.excluded)


def test_a_chrome_word_inside_a_line_ends_no_body() -> None:
    assert not _is_chrome("推进无障碍环境建设")
    assert not _is_chrome("（三）做好政策解读")


@pytest.mark.parametrize("row", ["【打印】　【关闭】", "[打印] | [返回顶部]", "打印 关闭"])
def test_a_row_of_widget_words_ends_the_document(row: str) -> None:
    assert _is_chrome(row)
    # A web page prints the row under the document; without the signature, right after it.
    for text in (
        NOTICE.format(heading="二、落实责任", tail=row + "\n"),
        NOTICE.format(heading="二、落实责任", tail="").split("甲市人民政府办公厅\n2023")[0]
        + row
        + "\n",
    ):
        frame = segment(text)
        assert text[slice(*frame.body)].endswith("本通知自印发之日起施行。")
        assert any(a <= text.index(row) < b for a, b in frame.excluded)


def test_a_row_of_dash_cells_is_no_widget_row() -> None:
    assert not _is_chrome("- | -")
