"""The look-ahead of numbering continuity (lex/later.py): built at the first question."""

from __future__ import annotations

from policy_parser.grammar import marker_tokens
from policy_parser.lex.candidates import candidates
from policy_parser.lex.later import Later
from policy_parser.lex.postlex import _read


def _later(text: str) -> Later:
    body, markers = _read(marker_tokens(text))
    return Later.index(candidates(body, markers))


def test_a_jump_the_text_keeps_counting_from_is_continued() -> None:
    later = _later("第二条　甲。\n第十八条　乙。\n第十九条　丙。\n")
    assert [c.number for c in later.found] == [2, 18, 19]
    assert later.continued(1)  # 第十九条 follows 第十八条
    assert not later.continued(2)  # nothing follows 第十九条


def test_a_glued_one_followed_by_two_and_three_opens_a_run() -> None:
    later = _later("各加油站：甲站1.黑龙江。2.吉林。3.辽宁。\n")
    first = next(i for i, c in enumerate(later.found) if c.number == 1)
    assert later.opens_run(first)


def test_an_excerpts_next_line_start_item_counts_higher() -> None:
    later = _later("5.甲。\n12.乙。\n3.丙。\n")
    assert later.rises(0)  # 12. after 5.
    assert not later.rises(1)  # 3. after 12.
    assert later.rises(2)  # none follows


def test_no_question_no_index() -> None:
    later = _later("一、甲\n二、乙\n")
    assert later._index is None  # built only when a rule asks
    later.continued(0)
    assert later._index is not None
