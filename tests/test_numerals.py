import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_parser.numerals import from_int, to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十四", 24),
        ("九十九", 99),
        ("一百", 100),
        ("一百零八", 108),
        ("一百二十三", 123),
        ("两", 2),
        ("〇", 0),
        ("零", 0),
        ("三千零五", 3005),
        ("一千二百三十四", 1234),
        ("二〇二三", 2023),
        ("一万零一", 10001),
        ("１２", 12),
        ("12", 12),
        ("①", 1),
        ("⑳", 20),
        ("㉑", 21),
        ("㊿", 50),
        ("壹佰", 100),
    ],
)
def test_to_int(text: str, value: int) -> None:
    assert to_int(text) == value


@pytest.mark.parametrize("text", ["", "二三十", "十百", "百百", "abc", "一是", "年"])
def test_not_a_numeral(text: str) -> None:
    assert to_int(text) is None


@given(st.integers(min_value=0, max_value=99_999))
def test_round_trip(value: int) -> None:
    assert to_int(from_int(value)) == value


def test_from_int_writes_markers_style() -> None:
    assert [from_int(n) for n in (10, 11, 24, 108)] == ["十", "十一", "二十四", "一百零八"]
    with pytest.raises(ValueError, match="cannot write"):
        from_int(-1)


@pytest.mark.parametrize(
    ("text", "value"),
    [("五", 5), ("十", 10), ("十一", 11), ("二十", 20), ("三十一", 31), ("１２", 12), ("〇", 0)],
)
def test_counts_without_digit_runs(text: str, value: int) -> None:
    # Months and days are counted: the same values as with digit runs allowed.
    assert to_int(text, digit_runs=False) == value


@pytest.mark.parametrize(("text", "run"), [("一二", 12), ("二〇二三", 2023), ("三一", 31)])
def test_digit_runs_are_years_not_counts(text: str, run: int) -> None:
    # '二〇二三' is a year written digit by digit; as a month or a day '一二' is nothing.
    assert to_int(text) == run
    assert to_int(text, digit_runs=False) is None
