"""pp.diff: two versions of a made-up regulation, and what the comparison says about them."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings

import policy_parser as pp
from policy_parser.cli import main
from policy_parser.compare import ChangeKind, DocumentDiff, DutyChangeKind
from policy_parser.models import Role
from policy_parser.numerals import from_int, to_int
from tests.strategies import policy_text

DATA = Path(__file__).parent / "data" / "diff"

ARTICLES = [
    "为了规范示例登记，制定本规定。",
    "登记机关负责示例登记工作。",
    "申请人应当提交申请书和身份证明。",
    "登记机关应当在十日内作出决定。",
    "本规定自公布之日起施行。",
]


def regulation(articles: list[str], title: str = "示例登记规定") -> pp.Document:
    """A regulation of 第N条 articles, numbered in order."""
    lines = [title, ""] + [f"第{from_int(i)}条　{text}" for i, text in enumerate(articles, 1)]
    return pp.parse("\n".join(lines) + "\n")


def kinds(result: DocumentDiff) -> list[tuple[str, str | None, str | None]]:
    return [(row.kind.value, row.old_path, row.new_path) for row in result.changes]


def test_an_inserted_article_renumbers_the_later_ones() -> None:
    new = [*ARTICLES[:2], "登记机关应当公开登记条件。", *ARTICLES[2:]]
    result = pp.diff(regulation(ARTICLES), regulation(new))
    assert kinds(result) == [
        ("added", None, "第三条"),
        ("renumbered", "第三条", "第四条"),
        ("renumbered", "第四条", "第五条"),
        ("renumbered", "第五条", "第六条"),
    ]
    renumbered = [row for row in result.changes if row.kind is ChangeKind.RENUMBERED]
    assert all(not row.text_changed and row.similarity == 1.0 for row in renumbered)
    assert [(row.old_number, row.new_number) for row in renumbered] == [(3, 4), (4, 5), (5, 6)]
    added = result.changes[0]
    assert added.edits[0].new == "登记机关应当公开登记条件。"
    assert added.new_span is not None and added.old_span is None


def test_a_deleted_article() -> None:
    old_doc, new_doc = regulation(ARTICLES), regulation(ARTICLES[:2] + ARTICLES[3:])
    result = pp.diff(old_doc, new_doc)
    assert kinds(result) == [
        ("removed", "第三条", None),
        ("renumbered", "第四条", "第三条"),
        ("renumbered", "第五条", "第四条"),
    ]
    removed = result.changes[0]
    assert removed.old_span is not None
    assert old_doc.source[removed.old_span.start : removed.old_span.end].startswith("第三条")


def test_a_changed_sentence_is_changed_in_place() -> None:
    new = list(ARTICLES)
    new[3] = "登记机关应当在五日内作出决定。"
    result = pp.diff(regulation(ARTICLES), regulation(new))
    assert kinds(result) == [("changed", "第四条", "第四条")]
    row = result.changes[0]
    assert row.text_changed and 0.6 <= row.similarity < 1.0
    assert [(e.op, e.old, e.new) for e in row.edits] == [("replace", "十", "五")]
    assert row.summary == "十 → 五"


def test_near_edits_are_one_edit() -> None:
    new = list(ARTICLES)
    new[2] = "申请人应当依照民法典规定提交申请书。"
    old = list(ARTICLES)
    old[2] = "申请人应当依照登记法规定提交申请书。"
    (row,) = pp.diff(regulation(old), regulation(new)).changes
    assert [(e.op, e.old, e.new) for e in row.edits] == [("replace", "登记法", "民法典")]


def test_a_rewritten_article_below_the_threshold_is_removed_and_added() -> None:
    new = list(ARTICLES)
    new[3] = "示例证书有效期为三年。"
    result = pp.diff(regulation(ARTICLES), regulation(new))
    assert kinds(result) == [("removed", "第四条", None), ("added", None, "第四条")]
    # threshold trades these: a lower one takes the two for one article, edited
    loose = pp.diff(regulation(ARTICLES), regulation(new), threshold=0.05)
    assert [row.kind for row in loose.changes] == [ChangeKind.CHANGED]


PLAN = """示例工作方案

一、总体要求
坚持统筹推进。
二、重点任务
（一）完善登记制度。
（二）加强信息公开。
三、保障措施
（一）加强组织领导。
（二）强化经费保障。
"""


def test_a_moved_section_keeps_its_children() -> None:
    moved = PLAN.replace(
        "二、重点任务\n（一）完善登记制度。\n（二）加强信息公开。\n三、保障措施",
        "二、保障措施",
    ).replace(
        "（二）强化经费保障。\n",
        "（二）强化经费保障。\n三、重点任务\n（一）完善登记制度。\n（二）加强信息公开。\n",
    )
    result = pp.diff(pp.parse(PLAN), pp.parse(moved))
    # one section left its siblings' order; the other only changed number; the items under
    # both kept their marker and parent, so they are not reported
    # of two swapped siblings, the one that came first is the one that left the order
    assert kinds(result) == [("renumbered", "三", "二"), ("moved", "二", "三")]
    assert not any(row.text_changed for row in result.changes)


def test_an_item_moved_to_another_parent_is_moved() -> None:
    moved = PLAN.replace("（二）加强信息公开。\n", "").replace(
        "（二）强化经费保障。\n", "（二）强化经费保障。\n（三）加强信息公开。\n"
    )
    result = pp.diff(pp.parse(PLAN), pp.parse(moved))
    assert kinds(result) == [("moved", "二/（二）", "三/（三）")]


def test_a_renumbered_article_keeps_its_items() -> None:
    old = (
        "第一条　甲。\n第二条　有下列情形之一的，不予登记：\n（一）材料不全的；\n（二）其他情形。\n"
    )
    new = (
        "第一条　甲。\n第二条　有下列情形之一的，应当补正：\n（一）材料有误的；\n（二）其他情形。\n"
        "第三条　有下列情形之一的，不予登记：\n（一）材料不全的；\n（二）其他情形。\n"
    )
    result = pp.diff(pp.parse(old), pp.parse(new))
    # the new 第二条 has an item （二）其他情形。 too; the old one's stays with its article
    assert kinds(result) == [
        ("added", None, "第二条"),
        ("added", None, "第二条/（一）"),
        ("added", None, "第二条/（二）"),
        ("renumbered", "第二条", "第三条"),
    ]


def test_a_body_that_loses_a_task() -> None:
    old = list(ARTICLES)
    old[1] = "登记机关负责示例登记工作，市财政部门配合。"
    result = pp.diff(regulation(old), regulation(ARTICLES))
    assert [(r.kind, r.body, r.old_roles, r.new_roles) for r in result.responsibilities] == [
        (DutyChangeKind.LOST, "市财政部门", (Role.COOPERATE,), ())
    ]
    row = result.responsibilities[0]
    assert (row.old_path, row.new_path) == ("第二条", "第二条")
    assert row.clause == "登记机关负责示例登记工作，市财政部门配合。"


def test_a_body_that_gains_a_task_or_changes_role() -> None:
    old = list(ARTICLES)
    old[1] = "登记机关负责示例登记工作，市财政部门配合。"
    new = list(ARTICLES)
    new[1] = "登记机关负责示例登记工作，市财政部门牵头，市税务部门配合。"
    result = pp.diff(regulation(old), regulation(new))
    assert {(r.kind, r.body) for r in result.responsibilities} == {
        (DutyChangeKind.ROLE_CHANGED, "市财政部门"),
        (DutyChangeKind.GAINED, "市税务部门"),
    }


def test_a_renumbered_article_keeps_its_bodies() -> None:
    # 第二条 becomes 第三条: its body's task moved with it, and nobody gained or lost one
    new = [ARTICLES[0], "示例证书由登记机关统一印制。", *ARTICLES[1:]]
    result = pp.diff(regulation(ARTICLES), regulation(new))
    assert not [r for r in result.responsibilities if r.body == "登记机关" and r.old_path]


def test_responsibility_rows_are_those_of_the_document() -> None:
    doc = regulation(["登记机关负责登记。", "市财政部门牵头，各区人民政府配合。"])
    gained = pp.diff(pp.parse(""), doc).responsibilities
    assert [(r.new_path, r.body, r.new_roles) for r in gained] == [
        (row.path, row.body, (row.role,)) for row in doc.responsibilities()
    ]


def test_a_changed_title_is_a_frame_change() -> None:
    result = pp.diff(regulation(ARTICLES), regulation(ARTICLES, title="示例登记管理规定"))
    assert not result.changes
    assert [(f.field, f.old, f.new) for f in result.frame] == [
        ("title", "示例登记规定", "示例登记管理规定")
    ]


def test_threshold_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        pp.diff(pp.parse(""), pp.parse(""), threshold=0)


@settings(max_examples=150, deadline=None)
@given(policy_text)
def test_a_document_compared_with_itself_has_no_change(text: str) -> None:
    doc = pp.parse(text)
    result = pp.diff(doc, doc)
    assert result.is_empty
    assert len(result.sections) == len(list(doc.walk(attachments=True)))
    assert {row.kind for row in result.sections} <= {ChangeKind.UNCHANGED}


@settings(max_examples=100, deadline=None)
@given(policy_text, policy_text)
def test_every_section_of_both_versions_has_one_row(old_text: str, new_text: str) -> None:
    old, new = pp.parse(old_text), pp.parse(new_text)
    result = pp.diff(old, new)
    old_rows = [row for row in result.sections if row.old_path is not None]
    new_rows = [row for row in result.sections if row.new_path is not None]
    assert len(old_rows) == len(list(old.walk(attachments=True)))
    assert len(new_rows) == len(list(new.walk(attachments=True)))
    assert [row.new_span for row in new_rows] == [s.span for s in _sections(new)]
    for row in result.sections:
        assert (row.kind is ChangeKind.ADDED) == (row.old_path is None)
        assert (row.kind is ChangeKind.REMOVED) == (row.new_path is None)
        assert (row.kind is ChangeKind.UNCHANGED) <= (not row.text_changed)


def _sections(doc: pp.Document) -> list[pp.Section]:
    """The sections of ``doc`` and, after them, of each attachment: the order of ``flatten``."""
    return [*doc.walk(), *(s for a in doc.attachments for s in _sections(a))]


# --- a 修改决定 and the text it revises (tests/data/diff/, made up) ---------------------------

_ITEM = regex.compile(
    r"将第(?P<changed>\p{Han}+?)条修改为|删去第(?P<removed>\p{Han}+?)条|"
    r"增加一条，作为第(?P<added>\p{Han}+?)条"
)


def _decision_items(text: str) -> set[tuple[str, int]]:
    """The items of a 修改决定 as (kind, article number): 二、删去第五条 → ('removed', 5)."""
    items = set()
    for match in _ITEM.finditer(text):
        kind = next(k for k, v in match.groupdict().items() if v)
        number = to_int(match.group(kind))
        assert number is not None
        items.add((kind, number))
    return items


def test_the_diff_reports_what_the_decision_says() -> None:
    old = pp.parse_file(DATA / "old.txt")
    new = pp.parse_file(DATA / "new.txt")
    result = pp.diff(old, new)
    items = _decision_items((DATA / "decision.txt").read_text(encoding="utf-8"))
    assert items == {("changed", 3), ("removed", 5), ("added", 8)}
    reported = {
        (row.kind.value, row.new_number if row.new_number is not None else row.old_number)
        for row in result.changes
        if row.kind is not ChangeKind.RENUMBERED
    }
    assert reported == items
    # the articles after the deleted one moved up by one, and only those
    renumbered = [
        (r.old_number, r.new_number) for r in result.changes if r.kind is ChangeKind.RENUMBERED
    ]
    assert renumbered == [(6, 5), (7, 6), (8, 7)]
    # 一 makes 市规划部门 lead and adds 市自然资源部门; 二 takes 市财政部门's task away; the
    # added article names a body already at work elsewhere, a task it gains there
    duties = {(r.kind.value, r.body, r.old_path, r.new_path) for r in result.responsibilities}
    assert duties == {
        ("role-changed", "市规划部门", "第三条", "第三条"),
        ("gained", "市自然资源部门", "第三条", "第三条"),
        ("lost", "市财政部门", "第五条", None),
        ("gained", "园林绿化主管部门", None, "第八条"),
    }


def test_cli_diff_prints_a_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = str(DATA / "old.txt"), str(DATA / "new.txt")
    assert main(["diff", old, new]) == 0
    table = capsys.readouterr().out
    assert regex.search(r"^removed\s+第五条\s+-", table, flags=regex.M)
    assert regex.search(r"^lost\s+市财政部门\s+responsible → -", table, flags=regex.M)
    assert main(["diff", old, new, "--json"]) == 0
    parsed = DocumentDiff.model_validate_json(capsys.readouterr().out)
    assert parsed == pp.diff(pp.parse_file(old), pp.parse_file(new))


def test_cli_diff_of_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(DATA / "old.txt"), str(DATA / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_a_retitled_chapter_keeps_its_articles() -> None:
    old = "第一章　总则\n第一条　甲。\n第二章　登记\n第二条　申请人提交申请书。\n第三条　审查。\n"
    new = old.replace("第二章　登记", "第二章　申请与受理")
    result = pp.diff(pp.parse(old), pp.parse(new))
    assert kinds(result) == [("changed", "第二章", "第二章")]
    assert result.changes[0].summary == "登记 → 申请与受理"
