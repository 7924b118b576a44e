"""Task-division tables (任务分工表) and task lists: rows tied to the sections they name."""

import datetime as dt

import pytest

import policy_parser as pp
from policy_parser.normalize import TrackedText
from policy_parser.table_blocks import cut_tables

PLAN = "\n".join(
    [
        "关于推进某工作的实施方案",
        "一、总体要求",
        "各区要加强领导。",
        "二、重点任务",
        "（一）建设服务平台。各区要建好平台。",
        "（二）完善管理制度。各区要完善制度。",
    ]
)
PLAN_PATHS = ("一", "二", "二/（一）", "二/（二）")
AFTER = "\n四、保障措施\n各区要强化保障。"


def _table(sep: str, rows: list[list[str]]) -> str:
    lines = [sep.join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])]
    lines += [sep.join(row) for row in rows]
    return "\n".join(lines)


ROWS = [
    ["1", "（一）", "甲局", "乙局、丙局", "2024年底前"],  # names its section by number
    ["2", "完善管理制度", "丁局", "/", "长期坚持"],  # … and by heading
]


def _rows(doc: pp.Document) -> list[tuple[str, str, str, str | None, str | None]]:
    return [
        (r.path, r.body, r.role.value, r.task_path, r.deadline.text if r.deadline else None)
        for r in doc.responsibilities()
        if r.body != "各区"
    ]


def _expected(first: str, second: str) -> list[tuple[str, str, str, str | None, str | None]]:
    return [
        (first, "甲局", "lead", "二/（一）", "2024年底前"),
        (first, "乙局", "cooperate", "二/（一）", "2024年底前"),
        (first, "丙局", "cooperate", "二/（一）", "2024年底前"),
        (second, "丁局", "lead", "二/（二）", "长期坚持"),
    ]


def _check_spans(text: str, doc: pp.Document) -> None:
    for r in doc.responsibilities():
        assert text[r.span.start : r.span.end] == r.body
        if r.deadline:
            assert text[r.deadline.span.start : r.deadline.span.end] == r.deadline.text


def test_tab_separated_table_in_an_attachment() -> None:
    text = PLAN + "\n附件\n任务分工表\n" + _table("\t", ROWS)
    doc = pp.parse(text)
    assert _rows(doc) == _expected("附件1/1", "附件1/2")
    _check_spans(text, doc)


def test_tab_separated_table_in_a_section_ties_by_heading() -> None:
    rows = [["1", "建设服务平台", "甲局", "乙局", "2025年6月底前"]]
    text = PLAN + "\n三、任务分工\n" + _table("\t", rows) + AFTER
    doc = pp.parse(text)
    assert [s.path for s in doc.walk()] == [*PLAN_PATHS, "三", "三/1", "四"]
    assert _rows(doc) == [
        ("三/1", "甲局", "lead", "二/（一）", "2025年6月底前"),
        ("三/1", "乙局", "cooperate", "二/（一）", "2025年6月底前"),
    ]
    (due,) = {r.deadline for r in doc.responsibilities() if r.deadline}
    assert due.date == dt.date(2025, 6, 30)


@pytest.mark.parametrize("sep", ["\u3000\u3000", "\n"], ids=["flattened", "cell-per-line"])
def test_table_inside_a_section(sep: str) -> None:
    text = PLAN + "\n三、任务分工\n" + _table(sep, ROWS) + AFTER
    doc = pp.parse(text)
    # The table's cells (（一）, 1, 2) are no sections of the plan: its rows are 三's children.
    assert [s.path for s in doc.walk()] == [*PLAN_PATHS, "三", "三/1", "三/2", "四"]
    three = doc.find("三")
    assert three is not None and three.text == "" and three.span.end >= text.index("长期坚持")
    assert _rows(doc) == _expected("三/1", "三/2")
    _check_spans(text, doc)


def test_flattened_rows_with_an_indent_and_a_merged_cell() -> None:
    # A continuation row lacks its task's merged leading cells; an indent is no cell.
    body = (
        "序号　　重点任务　　牵头单位　　完成时限\n"
        "　　1　　（二）　　甲局　　每年\n"
        "　　丙局　　2024年上半年\n"
    )
    text = PLAN + "\n三、任务分工\n" + body
    doc = pp.parse(text)
    assert [(r.path, r.body, r.task_path) for r in doc.responsibilities() if r.body != "各区"] == [
        ("三/1", "甲局", "二/（二）"),
        ("三/1", "丙局", "二/（二）"),
    ]
    dates = [r.deadline.date for r in doc.responsibilities() if r.deadline]
    assert dates == [None, dt.date(2024, 6, 30)]


def test_rows_that_do_not_line_up_stay_text() -> None:
    body = "序号　　名称　　牵头单位\n甲　　乙　　丙局\n"
    text = PLAN + "\n三、任务分工\n" + body
    cut, blocks = cut_tables(TrackedText.from_source(text))
    assert blocks == [] and cut.text == text
    three = pp.parse(text + AFTER).find("三")
    assert three is not None and three.text.startswith("序号")


def test_task_lines_in_an_attachment() -> None:
    lines = [
        "附件",
        "重点任务分工",
        "（一）落实平台建设",  # by its number: the heading differs
        "牵头单位：甲局",
        "配合单位：乙局、丙局",
        "完成时限：2024年底前",
        "（三）完善管理制度",  # by heading: the plan has no （三）
        "责任单位：丁局；完成时限：长期坚持",
    ]
    text = PLAN + "\n" + "\n".join(lines)
    doc = pp.parse(text)
    assert _rows(doc) == [
        ("附件1/（一）", "甲局", "lead", "二/（一）", "2024年底前"),
        ("附件1/（一）", "乙局", "cooperate", "二/（一）", "2024年底前"),
        ("附件1/（一）", "丙局", "cooperate", "二/（一）", "2024年底前"),
        ("附件1/（三）", "丁局", "responsible", "二/（二）", "长期坚持"),
    ]
    _check_spans(text, doc)


def test_task_lines_under_their_heading_are_their_own_task() -> None:
    text = PLAN.replace("各区要完善制度。", "各区要完善制度。\n牵头单位：甲局；完成时限：每年")
    rows = [(r.path, r.body, r.role.value, r.task_path) for r in pp.parse(text).responsibilities()]
    assert ("二/（二）", "甲局", "lead", "二/（二）") in rows


@pytest.mark.parametrize(
    "table",
    [
        PLAN + "\n附件\n任务分工表\n" + _table("\t", ROWS),
        PLAN + "\n三、任务分工\n" + _table("\u3000\u3000", ROWS),
        PLAN + "\n三、任务分工\n" + _table("\n", ROWS),
    ],
    ids=["tab", "flattened", "cell-per-line"],
)
def test_bodies_off_gives_rows_without_bodies(table: str) -> None:
    on = pp.parse(table)
    off = pp.parse(table, bodies=False)
    paths = [s.path for s in off.walk(attachments=True)]
    assert paths == [s.path for s in on.walk(attachments=True)]
    assert paths[-2:] in (["1", "2"], ["三/1", "三/2"])
    assert all(not s.clauses for s in off.walk(attachments=True))
    assert off.responsibilities() == []
    assert len(on.responsibilities()) > 2


def test_cli_bodies_prints_the_deadline(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    from policy_parser.cli import main

    path = tmp_path / "plan.txt"
    path.write_text(PLAN + "\n三、任务分工\n" + _table("\u3000\u3000", ROWS), encoding="utf-8")
    assert main(["bodies", str(path), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert '"deadline": "2024年底前"' in out and '"task_path": "二/（一）"' in out
    assert '"deadline_date": "2024-12-31"' in out and '"deadline_kind": "ongoing"' in out


def test_a_tab_table_whose_numbers_are_written_as_markers() -> None:
    # 序号 （一） （二）: the rows are a table's (not sections), tied to the tasks they number.
    text = (
        "一、重点任务\n（一）加强领导\n各区要加强领导。\n（二）强化保障\n各区要强化保障。\n"
        "二、任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n"
        "（一）\t加强领导\t甲委办\t2025年底前\n（二）\t强化保障\t乙财政局\t长期坚持\n"
    )
    doc = pp.parse(text)
    assert [s.path for s in doc.walk()] == ["一", "一/（一）", "一/（二）", "二", "二/1", "二/2"]
    table = [r for r in doc.responsibilities() if r.path.startswith("二")]
    rows = [(r.body, r.role.value, r.task_path) for r in table]
    assert rows == [("甲委办", "lead", "一/（一）"), ("乙财政局", "lead", "一/（二）")]
