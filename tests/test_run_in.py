"""run_in.run_together: is a group of sibling items run together? (transform and render ask it)."""

from __future__ import annotations

from policy_parser.run_in import run_together


def _starts(text: str, *markers: str) -> list[int]:
    return [text.index(m) for m in markers]


def test_items_that_follow_text_on_their_line_are_run_together() -> None:
    text = "一、目标明确。二、任务清楚。三、保障有力。"
    assert run_together(_starts(text, "一、", "二、", "三、"), text)


def test_items_each_on_a_line_of_their_own_are_not() -> None:
    text = "一、目标明确。\n二、任务清楚。\n三、保障有力。"
    assert not run_together(_starts(text, "一、", "二、", "三、"), text)


def test_the_first_item_does_not_count_where_it_stands() -> None:
    # The first item opens a line after a preamble run on: its followers decide.
    text = "为做好工作，特制定本方案。一、目标明确。\n二、任务清楚。\n三、保障有力。"
    assert not run_together(_starts(text, "一、", "二、", "三、"), text)
    text = "一、目标明确。二、任务清楚。三、保障有力。"
    assert run_together(_starts(text, "一、", "二、", "三、"), text)


def test_a_group_of_one_counts_itself_and_half_is_not_most() -> None:
    text = "前言。一、目标明确。"
    assert run_together(_starts(text, "一、"), text)
    assert not run_together([0], "一、目标明确。")
    text = "一、甲。\n二、乙。三、丙。\n四、丁。五、戊。"
    assert not run_together(_starts(text, "一、", "二、", "三、", "四、", "五、"), text)
    text = "一、甲。二、乙。三、丙。\n四、丁。五、戊。"
    assert run_together(_starts(text, "一、", "二、", "三、", "四、", "五、"), text)
