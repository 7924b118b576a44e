"""segment/vocabulary: the word-list patterns read the longest word where words share a start."""

from __future__ import annotations

import regex

from policy_parser.segment.vocabulary import _alternation


def test_the_longer_of_two_words_sharing_a_start_wins_whatever_the_list_order() -> None:
    # Made-up list, the shorter word first, as a data file might have it.
    pattern = regex.compile(_alternation(("通知", "通知书", "委", "委员会")))
    assert pattern.search("关于发放补贴的通知书").group() == "通知书"
    assert pattern.search("某某市管理委员会").group() == "委员会"


def test_repeated_words_are_one_branch() -> None:
    assert _alternation(("方案", "方案")) == "(?:方案)"
