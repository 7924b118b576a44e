"""Deadlines (完成时限): normalised to the last day they allow, with spans into the source."""

import datetime as dt

import pytest

import policy_parser as pp
from policy_parser.deadlines import clause_deadline, parse_deadline
from policy_parser.models import Deadline, DeadlineKind, Span
from policy_parser.task_lines import is_task_line

BY_DATE, ONGOING, RECURRING = DeadlineKind.BY_DATE, DeadlineKind.ONGOING, DeadlineKind.RECURRING


@pytest.mark.parametrize(
    ("written", "date", "kind"),
    [
        ("2025年底前", dt.date(2025, 12, 31), BY_DATE),
        ("2024年6月底前", dt.date(2024, 6, 30), BY_DATE),
        ("2024年2月底前", dt.date(2024, 2, 29), BY_DATE),  # a leap year's February
        ("2023年12月31日前", dt.date(2023, 12, 31), BY_DATE),
        ("2024年上半年", dt.date(2024, 6, 30), BY_DATE),
        ("2024年下半年", dt.date(2024, 12, 31), BY_DATE),
        ("2024年第三季度", dt.date(2024, 9, 30), BY_DATE),
        ("2024年6月上旬", dt.date(2024, 6, 10), BY_DATE),
        ("2023—2025年", dt.date(2025, 12, 31), BY_DATE),  # a range is due at its end
        ("二〇二五年底前", dt.date(2025, 12, 31), BY_DATE),
        ("２０２４年６月", dt.date(2024, 6, 30), BY_DATE),  # full-width digits
        ("2026年", dt.date(2026, 12, 31), BY_DATE),
        ("长期坚持", None, ONGOING),
        ("持续推进", None, ONGOING),
        ("每年", None, RECURRING),
        ("每季度", None, RECURRING),
        ("每年年底前", None, RECURRING),
    ],
)
def test_normalisation(written: str, date: dt.date | None, kind: DeadlineKind) -> None:
    found = parse_deadline(written)
    assert found is not None
    assert (found.text, found.date, found.kind) == (written, date, kind)
    assert (found.start, found.end) == (0, len(written))


def test_a_day_that_does_not_exist_is_no_deadline() -> None:
    assert parse_deadline("2023年2月30日前") is None
    assert parse_deadline("甲乙丙") is None


def test_phrase_inside_a_cell() -> None:
    found = parse_deadline("力争2024年底前完成")
    assert found is not None
    assert (found.text, found.start, found.date) == ("2024年底前", 2, dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("clause", "text"),
    [
        ("牵头单位：甲局；完成时限：2024年底前", "2024年底前"),
        ("责任单位：甲局完成时限：长期坚持", "长期坚持"),  # a label glued to the list before it
        ("【完成时限】每年", "每年"),
        ("（甲局牵头，持续推进）", "持续推进"),  # a part of an annotation
        ("甲局要在2025年6月底前建成平台。", "2025年6月底前"),
    ],
)
def test_clause_deadline(clause: str, text: str) -> None:
    found = clause_deadline(clause)
    assert found is not None and found.text == text
    assert clause[found.start : found.end] == text


@pytest.mark.parametrize(
    "clause",
    [
        "到2025年，建成平台。",  # a goal year, no deadline
        "持续推进科普工作。",  # a deadline word as a verb in running text
        "完成时限：按计划",  # a value that names no date or word
    ],
)
def test_no_clause_deadline(clause: str) -> None:
    assert clause_deadline(clause) is None


def test_task_line() -> None:
    assert is_task_line("牵头单位：甲局；完成时限：2024年底前")
    assert is_task_line("完成时限：每年")
    assert not is_task_line("甲局要牵头，2024年底前完成。")


# Wrapped and indented lines: the normalised text differs from the source, spans do not.
PLAN = (
    "关于推进某工作的实施方案\r\n"
    "一、重点任务\r\n"
    "（一）建设平台。各区要建好\r\n"
    "　　平台。\r\n"
    "牵头单位：甲局；配合单位：丙局；完成时限：2024年\r\n"
    "6月底前\r\n"
    "（二）完善制度。丁局要在2025年底前出台办法。\r\n"
)


def _rows(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (r.path, r.body, r.deadline.text if r.deadline else None)
        for r in pp.parse(text).responsibilities()
    ]


def test_deadline_spans_index_the_source() -> None:
    doc = pp.parse(PLAN)
    deadlines = [r.deadline for r in doc.responsibilities() if r.deadline]
    assert deadlines
    for due in deadlines:
        written = PLAN[due.span.start : due.span.end]
        assert written.replace("\r\n", "") == due.text
    assert {(d.text, d.date) for d in deadlines} == {
        ("2024年6月底前", dt.date(2024, 6, 30)),
        ("2025年底前", dt.date(2025, 12, 31)),
    }


def test_task_line_deadline_holds_for_its_section() -> None:
    # 各区's sentence states no deadline; the task line under the same heading does.
    assert _rows(PLAN) == [
        ("一/（一）", "各区", "2024年6月底前"),
        ("一/（一）", "甲局", "2024年6月底前"),
        ("一/（一）", "丙局", "2024年6月底前"),
        ("一/（二）", "丁局", "2025年底前"),
    ]


def test_a_running_date_is_not_spread() -> None:
    text = "一、重点任务\n（一）完善制度。丁局要在2025年底前出台办法。戊局要加强指导。\n"
    assert _rows(text) == [("一/（一）", "丁局", "2025年底前"), ("一/（一）", "戊局", None)]


def test_deadline_model_is_frozen_and_round_trips() -> None:
    due = Deadline(
        text="2025年底前",
        span=Span(start=3, end=10),
        date=dt.date(2025, 12, 31),
        kind=DeadlineKind.BY_DATE,
    )
    with pytest.raises(ValueError, match="frozen"):
        due.text = "x"  # type: ignore[misc]
    assert Deadline.model_validate_json(due.model_dump_json()) == due
    assert due.model_dump(mode="json")["kind"] == "by-date"
    assert pp.Deadline is Deadline and pp.DeadlineKind is DeadlineKind
    doc = pp.parse(PLAN)
    assert pp.Document.model_validate_json(doc.model_dump_json()) == doc


def test_csv_has_the_deadline_columns() -> None:
    csv_text = pp.parse(PLAN).responsibilities().to_csv()
    header, first, *_ = csv_text.splitlines()
    assert header.endswith(",task_path,deadline,deadline_date,deadline_kind")
    assert first.endswith(",一/（一）,2024年6月底前,2024-06-30,by-date")
