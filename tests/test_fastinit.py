import dataclasses
from dataclasses import dataclass

import pytest

from policy_parser._fastinit import fast_init
from policy_parser.normalize import TrackedText


@fast_init
@dataclass(frozen=True, slots=True)
class _Fast:
    marker: str
    number: int
    heading: str | None = None


@dataclass(frozen=True, slots=True)
class _Plain:
    marker: str
    number: int
    heading: str | None = None


def test_a_fast_init_class_is_built_like_the_dataclass_it_was() -> None:
    fast = _Fast("一、", 1, heading="总体要求")
    plain = _Plain("一、", 1, heading="总体要求")
    assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
    assert _Fast("二、", 2) == _Fast(marker="二、", number=2, heading=None)
    assert hash(_Fast("二、", 2)) == hash(_Fast("二、", 2))
    assert _Fast.__init__ is not _Plain.__init__
    assert _Fast.__init__.__annotations__["number"] in (int, "int")
    with pytest.raises(TypeError):
        _Fast("三、")  # type: ignore[call-arg]


def test_a_fast_init_class_stays_frozen() -> None:
    fast = _Fast("一、", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.number = 2  # type: ignore[misc]
    text = TrackedText("甲乙", (0,), (5,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.text = "丙"  # type: ignore[misc]
    assert text.slice(1, 2) == TrackedText("乙", (0,), (6,))


def test_classes_it_cannot_speed_up_safely_are_left_as_they_are() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        number: int

        def __post_init__(self) -> None:
            if self.number < 1:
                raise ValueError("numbering starts at 1")

    @dataclass(frozen=True, slots=True)
    class Listed:
        items: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    for cls in (Checked, Listed):
        init = cls.__init__
        assert fast_init(cls).__init__ is init
    with pytest.raises(ValueError):
        Checked(0)
