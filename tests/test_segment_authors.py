"""segment._author_runs walks the '关于'/'《' anchors instead of running a backtracking regex.

It must find exactly what the regex finds, run for run, or forwarded documents' authors change.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parser.segment.authors import _author_runs

# The pattern _author_runs replaces (segment.py, 'An organ written right before …').
AUTHOR_BEFORE = regex.compile(r"[\p{Han}]{2,30}(?=《|关于)")

# Few letters, so that anchors, Han runs longer than 30 and breaks all turn up often.
PIECES = [*"国务院关于《》，a 委", "关于", "国" * 10]


def _expected(s: str) -> list[str]:
    return [m.group(0) for m in AUTHOR_BEFORE.finditer(s)]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_author_runs_match_the_regex(s: str) -> None:
    assert _author_runs(s) == _expected(s)


def test_author_runs_examples() -> None:
    for s in [
        "",
        "转发发展改革委关于促进消费的意见的通知",
        "发展改革委《关于甲的意见》已经国务院同意",
        "国" * 45 + "关于" + "国" * 3 + "《",
        "关于关于关于",
        "甲《乙关于丙",
    ]:
        assert _author_runs(s) == _expected(s)


def test_author_runs_at_the_30_character_limit() -> None:
    tails = ["关于", "《", "关于《", "关于国国关于", "国关于国《", "关于" + "国" * 26 + "关于"]
    for n in range(24, 34):
        for tail in tails:
            s = "国" * n + tail
            assert _author_runs(s) == _expected(s), s
