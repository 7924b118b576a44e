"""TrackedText's shortcuts give what the steps they stand for give, offsets included."""

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_parser.tracked import TrackedText

# Made-up lines with the spaces strip() takes off: plain, ideographic, tab.
_piece = st.text(alphabet="甲乙丙、。 \u3000\t", max_size=8)


def _tracked(parts: list[str], shift: int, sep: str) -> TrackedText:
    # One run when there is one part; joined parts that do not sit side by side make several
    # (an empty part joined without a separator makes a run of length zero).
    pieces = [TrackedText(p, (0,), (shift + 10 * i,)) for i, p in enumerate(parts)]
    if len(pieces) > 2:  # a join of joins, as normalize makes of a paragraph's lines
        pieces = [TrackedText.join(pieces[:2], sep), *pieces[2:]]
    return TrackedText.join(pieces, sep) if pieces else TrackedText("", (0,), (shift,))


def _same(a: TrackedText, b: TrackedText) -> None:
    assert (a.text, a.starts, a.srcs) == (b.text, b.starts, b.srcs)


def test_strip_slice_of_one_run_maps_the_kept_characters() -> None:
    line = TrackedText("一、　加强领导 ", (0,), (40,))
    kept = line.strip_slice(2, len(line))
    assert kept.text == "加强领导"
    assert kept.source_span(0, 4) == (43, 47)
    _same(kept, line.slice(2, len(line)).strip())


def test_strip_slice_of_blanks_is_empty_where_it_stands() -> None:
    line = TrackedText("一、\u3000 ", (0,), (7,))
    _same(line.strip_slice(2, 4), line.slice(2, 4).strip())
    assert line.strip_slice(2, 4).text == ""


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(_piece, max_size=4),
    st.integers(0, 5),
    st.sampled_from(["", "\n"]),
    st.integers(-2, 40),
    st.integers(-2, 40),
)
def test_strip_slice_is_slice_then_strip(
    parts: list[str], shift: int, sep: str, a: int, b: int
) -> None:
    tracked = _tracked(parts, shift, sep)
    _same(tracked.strip_slice(a, b), tracked.slice(a, b).strip())
