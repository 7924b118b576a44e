"""Queries on a parsed document: find, clauses, bodies, the responsibility table."""

from pathlib import Path

import pytest

import policy_parser as pp

PAGE = Path(__file__).parent / "data" / "corpus" / "000_chongqing-daily-kepu-plan-2023.txt"


@pytest.fixture(scope="module")
def doc() -> pp.Document:
    return pp.parse(PAGE.read_text(encoding="utf-8"))


def test_clauses_by_body_and_role(doc: pp.Document) -> None:
    texts = [c.text for c in doc.clauses(body="科协")]
    assert texts and texts[0].startswith("科协要发挥科普工作主要社会力量作用")
    encouraged = doc.clauses(body="企业", role="encouraged")
    assert encouraged and all(
        any(b.role is pp.Role.ENCOURAGED and "企业" in b.name for b in c.bodies) for c in encouraged
    )
    assert doc.clauses(body="不存在的机构") == []


def test_bodies_with_paths_and_spans(doc: pp.Document) -> None:
    found = doc.bodies()
    assert ("二/（三）", "科协") in [(p, b.name) for p, b in found]
    for _, body in found:
        # The newspaper wraps lines mid-word (社会\n组织): the span covers the break.
        assert "".join(doc.source[body.span.start : body.span.end].split()) == body.name


def test_section_bodies(doc: pp.Document) -> None:
    section = doc.find("二/（四）")
    assert section is not None
    assert [b.name for b in section.bodies] == ["高等院校", "科研机构", "中小学校"]


def test_responsibility_table_exports(doc: pp.Document) -> None:
    table = doc.responsibilities()
    assert len(table) == len(doc.bodies())
    row = table[0]
    assert (row.path, row.body, row.role) == ("二/（二）", "科学技术行政部门", pp.Role.RESPONSIBLE)
    csv_text = table.to_csv()
    assert csv_text.splitlines()[0] == (
        "path,heading,body,role,clause,span_start,span_end,task_path,deadline,deadline_date,deadline_kind"
    )
    assert csv_text.splitlines()[1].startswith(
        "二/（二）,夯实各行业主管部门科普行政管理责任,科学技术行政部门,responsible,"
    )
    pandas = pytest.importorskip("pandas")
    frame = table.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["body"][:2]) == ["科学技术行政部门", "有关部门"]


def test_json_round_trip(doc: pp.Document) -> None:
    again = pp.Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert doc.model_dump(mode="json")["sections"][1]["children"][0]["path"] == "二/（一）"
